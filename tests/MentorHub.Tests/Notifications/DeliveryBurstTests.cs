using Hangfire;
using MentorHub.Core.Domain;
using MentorHub.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MentorHub.Tests.Notifications;

/// <summary>
/// The app as it runs in production: its own Hangfire worker and client (in-memory job storage with SQLite), mail to
/// a real SMTP server on loopback.
/// </summary>
public sealed class JobServerAppFactory : SmtpAppFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> MoreSettings => [new("Jobs:RunServer", "true")];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<IBackgroundJobClient>();
            services.AddSingleton<IBackgroundJobClient>(provider => new BackgroundJobClient(provider.GetRequiredService<JobStorage>()));
        });
    }
}

public class DeliveryBurstTests(JobServerAppFactory app) : IClassFixture<JobServerAppFactory>
{
    private Notification Message(string key) =>
        new(key, "test", null, $"{key.Replace(':', '-')}@test.mentorhub.local", $"Subject {key}", "<p>Hello</p>", "Hello", app.Clock.GetUtcNow().UtcDateTime);

    private Task<int> SentAsync(List<string> keys) =>
        app.WithDbAsync(db => db.Notifications.CountAsync(n => keys.Contains(n.DedupeKey) && n.Status == NotificationStatus.Sent));

    /// <summary>Where the messages are and what the job server did, for a failure message.</summary>
    private async Task<string> DiagnosisAsync(List<string> keys)
    {
        var states = await app.WithDbAsync(db => db.Notifications.Where(n => keys.Contains(n.DedupeKey))
            .GroupBy(n => new { n.Status, n.LastError }).Select(g => $"{g.Count()} {g.Key.Status} ({g.Key.LastError ?? "no error"})").ToListAsync());
        var monitor = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        return $"Messages: {string.Join("; ", states)}. Jobs: {monitor.EnqueuedCount("default")} enqueued, {monitor.ProcessingCount()} processing, "
            + $"{monitor.SucceededListCount()} succeeded, {monitor.FailedCount()} failed; {monitor.Servers().Count} servers. SMTP received {app.Sink.Received.Count}.";
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await done() && DateTime.UtcNow < deadline) await Task.Delay(100);
    }

    [Fact]
    public async Task A_burst_of_50_commits_during_a_slow_batch_is_sent_at_once_and_each_message_once()
    {
        _ = app.Server; // starts the host and its worker
        var slow = Enumerable.Range(0, 30).Select(i => $"slow:{Guid.NewGuid():N}:{i}").ToList();
        var burst = Enumerable.Range(0, 50).Select(i => $"burst:{Guid.NewGuid():N}:{i}").ToList();
        app.Sink.Latency = message => (message.Subject ?? "").StartsWith("Subject slow:", StringComparison.Ordinal) ? TimeSpan.FromMilliseconds(600) : TimeSpan.Zero;

        // A digest-sized batch on a slow mail server keeps one delivery run busy for about eighteen seconds, long
        // enough that the burst cannot finish after it even on a machine busy with other tests.
        await app.WithDbAsync(db =>
        {
            foreach (var key in slow) db.Notifications.Add(Message(key));
            return db.SaveChangesAsync();
        });
        await WaitUntilAsync(async () => await SentAsync(slow) > 0);
        // Meanwhile fifty requests commit at once, each with one message and each signalling a delivery run.
        await Task.WhenAll(burst.Select(key => Task.Run(() => app.WithDbAsync(db =>
        {
            db.Notifications.Add(Message(key));
            return db.SaveChangesAsync();
        }))));
        await WaitUntilAsync(async () => await SentAsync(burst) == burst.Count);
        var slowSentWhenBurstWasDone = await SentAsync(slow);
        await WaitUntilAsync(async () => await SentAsync(slow) == slow.Count);

        Assert.True(await SentAsync(burst) == burst.Count, await DiagnosisAsync(slow.Concat(burst).ToList()));
        Assert.True(slowSentWhenBurstWasDone < slow.Count, "The burst waited for the slow batch to finish.");
        Assert.Equal(0, app.Services.GetRequiredService<JobStorage>().GetMonitoringApi().FailedCount());
        var received = app.Sink.Received.Select(m => m.Subject ?? "").Where(s => s.StartsWith("Subject slow:", StringComparison.Ordinal) || s.StartsWith("Subject burst:", StringComparison.Ordinal)).ToList();
        Assert.Equal(slow.Concat(burst).Select(k => $"Subject {k}").Order(), received.Order());
    }
}
