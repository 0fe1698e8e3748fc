using MentorHub.Core.Data;
using MentorHub.Core.Domain;
using MentorHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MentorHub.Tests.Data;

[Collection(AppCollection.Name)]
public class AuditTrailTests(MentorHubAppFactory app)
{
    private static MentorshipProgram NewProgram(string name) =>
        new(name, ProgramFormat.OneToOne, 14, 6, Modality.Virtual, DateTime.UtcNow);

    [Fact]
    public async Task A_new_entity_and_its_audit_row_commit_together_with_the_new_id()
    {
        var name = $"Audited {Guid.NewGuid():N}"[..30];

        var id = await app.WithDbAsync(async db =>
        {
            var program = NewProgram(name);
            await db.InTransactionAsync(async ct =>
            {
                db.Programs.Add(program);
                db.Audit(program, "ProgramCreated", name);
                await db.SaveChangesAsync(ct);
            }, CancellationToken.None);
            return program.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        });

        var row = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "ProgramCreated" && a.Details == name));
        Assert.Equal(id, row.EntityId);
        Assert.Equal(nameof(MentorshipProgram), row.EntityType);
        Assert.Null(row.UserId); // no request, so the system acted
    }

    [Fact]
    public async Task A_pooled_context_forgets_audit_notes_never_saved_before_its_next_use()
    {
        // The app's own options (the interceptors included), in a pool of one, so the second context is the first again.
        var options = app.Services.GetRequiredService<DbContextOptions<MentorHubDbContext>>();
        var factory = new Microsoft.EntityFrameworkCore.Infrastructure.PooledDbContextFactory<MentorHubDbContext>(options, poolSize: 1);
        var marker = $"Unsaved {Guid.NewGuid():N}"[..30];
        var first = factory.CreateDbContext();
        first.Audit(nameof(Cohort), "1", marker);
        await first.DisposeAsync();

        await using var second = factory.CreateDbContext();
        Assert.Same(first, second);
        second.Competencies.Add(new Competency { Name = marker, Category = "Pooling", IsRetired = true });
        await second.SaveChangesAsync();

        Assert.True(await app.WithDbAsync(db => db.Competencies.AnyAsync(c => c.Name == marker)));
        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == marker)));
    }

    [Fact]
    public async Task A_new_entity_audited_outside_a_transaction_is_refused_before_anything_is_written()
    {
        var name = $"Unsafe {Guid.NewGuid():N}"[..30];

        await Assert.ThrowsAsync<InvalidOperationException>(() => app.WithDbAsync(async db =>
        {
            var program = NewProgram(name);
            db.Programs.Add(program);
            db.Audit(program, "ProgramCreated", name);
            return await db.SaveChangesAsync();
        }));

        Assert.False(await app.WithDbAsync(db => db.Programs.AnyAsync(p => p.Name == name)));
    }

    [Fact]
    public async Task A_change_refused_as_stale_leaves_no_audit_row()
    {
        var name = $"Stale {Guid.NewGuid():N}"[..30];
        var programId = await app.WithDbAsync(async db =>
        {
            var program = NewProgram(name);
            db.Programs.Add(program);
            await db.SaveChangesAsync();
            return program.Id;
        });

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => app.WithDbAsync(async db =>
        {
            var program = await db.Programs.SingleAsync(p => p.Id == programId);
            db.Entry(program).Property(p => p.Version).OriginalValue = Guid.NewGuid();
            program.Archive(runningMentorships: 0);
            db.Audit(program, "ProgramArchived", name);
            return await db.SaveChangesAsync();
        }));

        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "ProgramArchived" && a.Details == name)));
    }

    [Fact]
    public async Task An_audit_of_an_existing_row_is_written_in_the_same_save()
    {
        var name = $"Existing {Guid.NewGuid():N}"[..30];
        var programId = await app.WithDbAsync(async db =>
        {
            var program = NewProgram(name);
            db.Programs.Add(program);
            await db.SaveChangesAsync();
            program.Archive(runningMentorships: 0);
            db.Audit(program, "ProgramArchived", name);
            await db.SaveChangesAsync();
            return program.Id;
        });

        var row = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "ProgramArchived" && a.Details == name));
        Assert.Equal(programId.ToString(System.Globalization.CultureInfo.InvariantCulture), row.EntityId);
        // To the microsecond: PostgreSQL keeps no finer time.
        var now = app.Clock.GetUtcNow().UtcDateTime;
        Assert.Equal(now.AddTicks(-(now.Ticks % 10)), row.OccurredAtUtc.AddTicks(-(row.OccurredAtUtc.Ticks % 10)));
    }
}
