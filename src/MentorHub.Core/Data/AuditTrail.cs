using System.Globalization;
using MentorHub.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MentorHub.Core.Data;

/// <summary>Who is acting in this scope: the signed-in person on a request, nobody (the system) in a background job.</summary>
public interface IAuditActor
{
    string? UserId { get; }
}

/// <summary>The system acting on its own (jobs, seeding, tools).</summary>
public sealed class SystemActor : IAuditActor
{
    public string? UserId => null;
}

/// <summary>An action noted with <see cref="MentorHubDbContext.Audit"/>, written when the context next saves.</summary>
internal sealed record PendingAudit(object? Entity, string? EntityType, string? EntityId, string Action, string? Details);

/// <summary>
/// Writes the audit rows noted during a unit of work in the same transaction as the change they describe, with the
/// acting person and the time filled in here, so no page can forget either or commit one without the other. A row
/// about an entity being added learns the new id after the insert and is written in the same transaction, which the
/// caller must have begun (<see cref="UnitOfWork.InTransactionAsync(MentorHubDbContext, Func{CancellationToken, Task{bool}}, CancellationToken)"/>).
/// </summary>
public sealed class AuditTrailInterceptor(IAuditActor actor, TimeProvider clock) : SaveChangesInterceptor
{
    private readonly List<PendingAudit> _afterInsert = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stage(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stage(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (_afterInsert.Count > 0 && eventData.Context is MentorHubDbContext db)
        {
            foreach (var (sql, parameters) in AfterInsertCommands(db)) db.Database.ExecuteSqlRaw(sql, parameters);
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (_afterInsert.Count > 0 && eventData.Context is MentorHubDbContext db)
        {
            foreach (var (sql, parameters) in AfterInsertCommands(db)) await db.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken);
        }
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => _afterInsert.Clear();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        _afterInsert.Clear();
        return Task.CompletedTask;
    }

    private void Stage(DbContext? context)
    {
        if (context is not MentorHubDbContext db) return;
        var pending = db.TakePendingAudits();
        if (pending.Count == 0) return;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var audit in pending)
        {
            if (audit.Entity is null)
            {
                db.AuditEntries.Add(new AuditEntry(actor.UserId, audit.Action, audit.EntityType!, audit.EntityId!, audit.Details, now));
                continue;
            }
            var entry = db.Entry(audit.Entity);
            if (entry.State is EntityState.Added && entry.Property(entry.Metadata.FindPrimaryKey()!.Properties[0].Name).IsTemporary)
            {
                if (db.Database.CurrentTransaction is null)
                    throw new InvalidOperationException($"'{audit.Action}' describes a new {entry.Metadata.ClrType.Name}: save it inside InTransactionAsync so the row and its audit commit together.");
                _afterInsert.Add(audit);
                continue;
            }
            db.AuditEntries.Add(new AuditEntry(actor.UserId, audit.Action, entry.Metadata.ClrType.Name, KeyOf(entry), audit.Details, now));
        }
    }

    private IEnumerable<(string Sql, object[] Parameters)> AfterInsertCommands(MentorHubDbContext db)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var audits = _afterInsert.ToList();
        _afterInsert.Clear();
        foreach (var audit in audits)
        {
            var entry = db.Entry(audit.Entity!);
            // Double quotes quote names on SQL Server, SQLite and PostgreSQL alike.
            yield return ("INSERT INTO \"AuditEntries\" (\"UserId\", \"Action\", \"EntityType\", \"EntityId\", \"Details\", \"OccurredAtUtc\") VALUES ({0}, {1}, {2}, {3}, {4}, {5})",
                [actor.UserId!, audit.Action, entry.Metadata.ClrType.Name, KeyOf(entry), audit.Details!, now]);
        }
    }

    private static string KeyOf(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry)
    {
        var key = entry.Property(entry.Metadata.FindPrimaryKey()!.Properties[0].Name).CurrentValue;
        return Convert.ToString(key, CultureInfo.InvariantCulture) ?? "";
    }
}
