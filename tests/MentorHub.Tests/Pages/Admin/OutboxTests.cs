using System.Net;
using MentorHub.Core.Domain;
using MentorHub.Core.Notifications;
using MentorHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Tests.Pages.Admin;

[Collection(AppCollection.Name)]
public class OutboxTests(MentorHubAppFactory app)
{
    private Task<long> FailedMessageAsync(string email) => app.WithDbAsync(async db =>
    {
        var notification = new Notification($"test:{Guid.NewGuid():N}", NotificationKind.MeetingReminder, null, email, "Reminder: meeting tomorrow", "<p>Hi</p>", "Hi", app.Clock.GetUtcNow().UtcDateTime);
        for (var attempt = 0; attempt < NotificationDelivery.MaxAttempts; attempt++)
            notification.MarkAttemptFailed("Connection refused (smtp.library.org:587)", app.Clock.GetUtcNow().UtcDateTime, NotificationDelivery.MaxAttempts);
        db.Notifications.Add(notification);
        await db.SaveChangesAsync();
        return notification.Id;
    });

    /// <summary>A failed message of its own, and an administrator's outbox page filtered down to it.</summary>
    private async Task<(AppClient Client, string Email, long Id, Page Page)> OpenFailedMessageAsync()
    {
        var admin = await app.CreateUserAsync(null, Roles.Administrator);
        var email = $"{Guid.NewGuid():N}@test.mentorhub.local";
        var id = await FailedMessageAsync(email);
        var client = app.CreateAppClient();
        await client.SignInAsync(admin.Email!);
        return (client, email, id, await client.GetAsync($"/Admin/Outbox?status=Failed&q={email}"));
    }

    [Fact]
    public async Task An_administrator_sees_a_failed_message_with_its_error_and_retries_it_until_it_is_delivered()
    {
        var (client, email, id, page) = await OpenFailedMessageAsync();
        using var _ = client;
        var row = page.Document.QuerySelector($"#message-{id}");
        Assert.NotNull(row);
        Assert.Contains("Connection refused (smtp.library.org:587)", row.TextContent);
        Assert.Contains($"after {NotificationDelivery.MaxAttempts} attempts", row.TextContent);
        Assert.Equal("1 message", page.Document.QuerySelector(".list-meta")!.TextContent.Trim());

        var posted = await client.SubmitAsync(page, new Dictionary<string, string>(), $"#message-{id} form");
        var retried = await client.FollowAsync(posted);

        Assert.Contains($"The message to {email} will be sent again", retried.Document.QuerySelector(".alert-success")!.TextContent);
        Assert.Null(retried.Document.QuerySelector($"#message-{id}"));
        var stored = await app.WithDbAsync(db => db.Notifications.SingleAsync(n => n.Id == id));
        Assert.Equal((NotificationStatus.Pending, 0), (stored.Status, stored.Attempts));
        Assert.Equal("Reminder: meeting tomorrow", (await Mailbox.LatestToAsync(app, email)).Subject);
        Assert.Equal(NotificationStatus.Sent, await app.WithDbAsync(db => db.Notifications.Where(n => n.Id == id).Select(n => n.Status).SingleAsync()));
    }

    [Fact]
    public async Task Retrying_a_message_that_is_not_failed_is_refused_and_an_unknown_one_is_404()
    {
        var (client, _, id, page) = await OpenFailedMessageAsync();
        using var __ = client;
        await app.WithDbAsync(async db =>
        {
            var notification = await db.Notifications.SingleAsync(n => n.Id == id);
            notification.Retry(app.Clock.GetUtcNow().UtcDateTime);
            return await db.SaveChangesAsync();
        });

        var refused = await client.FollowAsync(await client.SubmitAsync(page, new Dictionary<string, string>(), $"#message-{id} form"));

        Assert.Contains("Only a failed message can be retried.", refused.Errors);
        var form = page.Document.QuerySelector($"#message-{id} form")!;
        form.SetAttribute("action", form.GetAttribute("action")!.Replace($"messageId={id}", "messageId=999999999", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await client.SubmitAsync(page, new Dictionary<string, string>(), $"#message-{id} form")).StatusCode);
    }

    [Fact]
    public async Task An_empty_filter_says_so()
    {
        var admin = await app.CreateUserAsync(null, Roles.Administrator);
        using var client = app.CreateAppClient();
        await client.SignInAsync(admin.Email!);

        var page = await client.GetAsync($"/Admin/Outbox?q=nobody-{Guid.NewGuid():N}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("No messages here.", page.Document.QuerySelector(".empty-state")!.TextContent);
    }
}
