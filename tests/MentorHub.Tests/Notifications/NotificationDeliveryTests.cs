using MentorHub.Core.Data;
using MentorHub.Core.Domain;
using MentorHub.Core.Notifications;
using MentorHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Tests.Notifications;

[Collection(AppCollection.Name)]
public class NotificationDeliveryTests(MentorHubAppFactory app)
{
    private Task<List<string>> EnqueueAsync(int count) => app.EnqueueTestMailAsync(count, withAttachment: true);

    private Task<DeliveryResult> SweepAsync(SmtpSink sink) => app.DeliverOverSmtpAsync(sink);

    private Task<List<Notification>> StoredAsync(List<string> keys) => app.WithDbAsync(db => db.Notifications.Where(n => keys.Contains(n.DedupeKey)).ToListAsync());

    [Fact]
    public async Task Pending_mail_is_delivered_over_smtp_once_with_its_attachment()
    {
        await using var sink = new SmtpSink();
        await sink.StartAsync();
        var keys = await EnqueueAsync(3);

        await SweepAsync(sink);
        await SweepAsync(sink);

        var received = sink.Received.Where(m => keys.Any(k => m.Subject == $"Subject {k}")).ToList();
        Assert.Equal(3, received.Count);
        Assert.All(received, m => Assert.Equal("invite.ics", m.Attachments.OfType<MimeKit.MimePart>().Single().FileName));
        Assert.All(await StoredAsync(keys), n => Assert.Equal((NotificationStatus.Sent, 1), (n.Status, n.Attempts)));
    }

    [Fact]
    public async Task With_the_smtp_server_down_mail_stays_pending_with_the_error_and_is_delivered_once_when_it_returns()
    {
        await using var sink = new SmtpSink();
        var keys = await EnqueueAsync(1);

        await SweepAsync(sink);

        var waiting = Assert.Single(await StoredAsync(keys));
        Assert.Equal(NotificationStatus.Pending, waiting.Status);
        Assert.NotNull(waiting.LastError);
        Assert.True(waiting.NextAttemptAtUtc > app.Clock.GetUtcNow().UtcDateTime);

        await sink.StartAsync();
        await SweepAsync(sink);
        Assert.DoesNotContain(sink.Received, m => m.Subject == $"Subject {keys[0]}");

        app.Clock.Advance(TimeSpan.FromMinutes(3));
        await SweepAsync(sink);
        await SweepAsync(sink);

        Assert.Single(sink.Received, m => m.Subject == $"Subject {keys[0]}");
        Assert.Equal(NotificationStatus.Sent, Assert.Single(await StoredAsync(keys)).Status);
    }

    [Fact]
    public async Task Two_servers_sweeping_the_same_database_at_once_send_each_message_once()
    {
        await using var sink = new SmtpSink();
        await sink.StartAsync();
        var keys = await EnqueueAsync(40);

        await Task.WhenAll(SweepAsync(sink), SweepAsync(sink), SweepAsync(sink));

        var subjects = sink.Received.Select(m => m.Subject).Where(s => keys.Any(k => s == $"Subject {k}")).ToList();
        Assert.Equal(40, subjects.Count);
        Assert.Equal(40, subjects.Distinct().Count());
    }

    [Fact]
    public async Task Sent_mail_past_its_retention_is_deleted_with_its_attachments_and_everything_else_is_kept()
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var keys = await EnqueueAsync(3);
        await app.WithDbAsync(async db =>
        {
            var stored = await db.Notifications.Where(n => keys.Contains(n.DedupeKey)).OrderBy(n => n.Id).ToListAsync();
            stored[0].MarkSent(now.AddDays(-91));
            stored[1].MarkSent(now.AddDays(-89));
            for (var attempt = 0; attempt < NotificationDelivery.MaxAttempts; attempt++) stored[2].MarkAttemptFailed("refused", now.AddDays(-200), NotificationDelivery.MaxAttempts);
            return await db.SaveChangesAsync();
        });

        await app.RunScopedAsync<OutboxRetention, int>(r => r.PurgeSentAsync(CancellationToken.None));

        var left = await StoredAsync(keys);
        Assert.Equal([keys[1], keys[2]], left.OrderBy(n => n.Id).Select(n => n.DedupeKey));
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<NotificationAttachment>().CountAsync(a => left.Select(n => n.Id).Contains(a.NotificationId))));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<NotificationAttachment>().CountAsync(a => !db.Notifications.Any(n => n.Id == a.NotificationId))));
    }
}
