using System.Data.Common;
using System.Runtime.CompilerServices;
using Hangfire;
using MentorHub.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MentorHub.Web.Jobs;

/// <summary>
/// Enqueues a delivery run as soon as new outbox rows are committed: right after SaveChanges, or, inside an explicit
/// transaction, after its commit (never before, so the job cannot look for rows that are not there yet). If the job
/// store loses the job, the minute sweep still delivers.
/// </summary>
public sealed class OutboxSignal(IServiceProvider services, ILogger<OutboxSignal> logger) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly object Marker = new();
    private readonly ConditionalWeakTable<DbContext, object> _waitingForCommit = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context, committed: eventData.Context?.Database.CurrentTransaction is null);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Release(eventData.Context, committed: eventData.Context?.Database.CurrentTransaction is null);
        return result;
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context, committed: true);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.Context, committed: true);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not null) _waitingForCommit.Remove(eventData.Context);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is null) return;
        if (context.ChangeTracker.Entries<Notification>().Any(e => e.State == EntityState.Added))
            _waitingForCommit.AddOrUpdate(context, Marker);
    }

    private void Release(DbContext? context, bool committed)
    {
        if (context is null || !committed || !_waitingForCommit.Remove(context)) return;
        try
        {
            services.GetRequiredService<IBackgroundJobClient>().Enqueue<DeliverNotificationsJob>(job => job.RunAsync(CancellationToken.None));
        }
        catch (Exception ex) when (ex is BackgroundJobClientException or ObjectDisposedException or InvalidOperationException)
        {
            // The change and its mail are committed; the minute sweep delivers it. The person's request must not fail for this.
            logger.LogWarning(ex, "Could not enqueue outbox delivery; the recurring sweep will send the mail");
        }
    }
}
