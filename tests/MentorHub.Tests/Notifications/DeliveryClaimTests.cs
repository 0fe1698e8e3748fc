using MentorHub.Core.Data;
using MentorHub.Core.Domain;
using MentorHub.Core.Notifications;
using MentorHub.Tests.Infrastructure;
using MentorHub.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MentorHub.Tests.Notifications;

/// <summary>A sweep never sends past its claim, never records over another worker's claim, and finds its claim through an index.</summary>
[Collection(AppCollection.Name)]
public class DeliveryClaimTests(MentorHubAppFactory app)
{
    private Task<List<string>> EnqueueAsync(int count) => app.EnqueueTestMailAsync(count);

    private static SmtpEmailSender Smtp(SmtpSink sink) =>
        new(Options.Create(new MailOptions { SmtpHost = "127.0.0.1", SmtpPort = sink.Port, SmtpSecurity = "None", FromAddress = "mentorhub@test.local" }));

    /// <summary>A real SMTP send, after which <paramref name="during"/> runs: a slow server, another worker stepping in.</summary>
    private sealed class SenderWith(IEmailSender inner, Func<Task> during) : IEmailSender
    {
        public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
        {
            await inner.SendAsync(message, cancellationToken);
            await during();
        }
    }

    private async Task<DeliveryResult> SweepAsync(IEmailSender sender, TimeProvider clock, int batch)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var delivery = new NotificationDelivery(scope.ServiceProvider.GetRequiredService<MentorHubDbContext>(), sender, clock, scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<NotificationOptions>>(), NullLogger<NotificationDelivery>.Instance);
        return await delivery.DeliverDueAsync(batch, CancellationToken.None);
    }

    [Fact]
    public async Task A_slow_mail_server_stops_the_batch_before_its_claim_runs_out_and_nothing_is_sent_twice()
    {
        await using var sink = new SmtpSink();
        await sink.StartAsync();
        var keys = await EnqueueAsync(5);
        var clock = new FakeTimeProvider(app.Clock.GetUtcNow());
        // Each message takes 100 s: the claim lasts 300 s and the batch must stop 60 s before that.
        var slow = new SenderWith(Smtp(sink), () =>
        {
            clock.Advance(TimeSpan.FromSeconds(100));
            return Task.CompletedTask;
        });

        var first = await SweepAsync(slow, clock, batch: 1000);
        var handedBack = await app.WithDbAsync(db => db.Notifications.CountAsync(n => keys.Contains(n.DedupeKey) && n.Status == NotificationStatus.Pending && n.ClaimToken == null));
        await SweepAsync(Smtp(sink), clock, batch: 1000);

        Assert.True(first.Sent < 5, $"The slow batch sent all {first.Sent}.");
        Assert.Equal(5 - first.Sent, handedBack);
        Assert.All(keys, key => Assert.Single(sink.Received, m => m.Subject == $"Subject {key}"));
    }

    [Fact]
    public async Task A_worker_whose_claim_was_taken_over_records_nothing_over_the_new_claim()
    {
        await using var sink = new SmtpSink();
        await sink.StartAsync();
        var keys = await EnqueueAsync(3);
        var takenOver = Guid.NewGuid();
        var stepIn = new SenderWith(Smtp(sink), () => app.WithDbAsync(db => db.Notifications.Where(n => keys.Contains(n.DedupeKey))
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ClaimToken, takenOver))));

        await SweepAsync(stepIn, app.Clock, batch: 1000);

        var stored = await app.WithDbAsync(db => db.Notifications.Where(n => keys.Contains(n.DedupeKey)).ToListAsync());
        Assert.All(stored, n => Assert.Equal((NotificationStatus.Pending, (Guid?)takenOver), (n.Status, n.ClaimToken)));
    }

    [Fact]
    public async Task Messages_a_job_queued_and_then_sent_in_one_unit_of_work_are_recorded_as_sent()
    {
        await using var sink = new SmtpSink();
        await sink.StartAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MentorHubDbContext>();
        var keys = Enumerable.Range(0, 3).Select(i => $"test:{Guid.NewGuid():N}:{i}").ToList();
        foreach (var key in keys)
            db.Notifications.Add(new Notification(key, "test", null, $"{key.Replace(':', '-')}@test.mentorhub.local", $"Subject {key}", "<p>Hi</p>", "Hi", app.Clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync();

        var delivery = new NotificationDelivery(db, Smtp(sink), app.Clock, scope.ServiceProvider.GetRequiredService<IOptions<NotificationOptions>>(), NullLogger<NotificationDelivery>.Instance);
        var result = await delivery.DeliverDueAsync(1000, CancellationToken.None);

        Assert.Equal(3, result.Sent);
        var stored = await app.WithDbAsync(db => db.Notifications.Where(n => keys.Contains(n.DedupeKey)).Select(n => new { n.Status, n.ClaimToken }).ToListAsync());
        Assert.All(stored, n => Assert.Equal((NotificationStatus.Sent, (Guid?)null), (n.Status, n.ClaimToken)));
    }

    [Fact]
    public async Task The_sweep_finds_its_claim_through_the_claim_index()
    {
        var plan = await app.WithDbAsync(async db =>
        {
            var postgres = db.Database.IsNpgsql();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var connection = db.Database.GetDbConnection();
            await using var command = connection.CreateCommand();
            command.Transaction = transaction.GetDbTransaction();
            if (postgres)
            {
                // A small table is cheaper to read whole; with that off, the planner shows the index it would use at scale.
                command.CommandText = "SET LOCAL enable_seqscan = off";
                await command.ExecuteNonQueryAsync();
            }
            command.CommandText = postgres
                ? "EXPLAIN SELECT * FROM \"Notifications\" WHERE \"ClaimToken\" = '00000000-0000-0000-0000-000000000001' ORDER BY \"Id\""
                : "EXPLAIN QUERY PLAN SELECT * FROM Notifications WHERE ClaimToken = 'x' ORDER BY Id";
            await using var reader = await command.ExecuteReaderAsync();
            var lines = new List<string>();
            while (await reader.ReadAsync()) lines.Add(reader.GetString(postgres ? 0 : 3));
            return string.Join(" | ", lines);
        });

        Assert.Matches("(USING INDEX|Index Scan using|Index Scan on) \"?IX_Notifications_ClaimToken", plan);
    }
}
