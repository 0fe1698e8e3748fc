using MentorHub.Core.Domain;

namespace MentorHub.Tests.Infrastructure;

public static class TestMail
{
    /// <summary>Pending messages straight in the outbox (subject "Subject {key}"), optionally with an .ics attachment; returns their dedupe keys.</summary>
    public static async Task<List<string>> EnqueueTestMailAsync(this MentorHubAppFactory app, int count, bool withAttachment = false)
    {
        var keys = Enumerable.Range(0, count).Select(i => $"test:{Guid.NewGuid():N}:{i}").ToList();
        await app.WithDbAsync(async db =>
        {
            foreach (var key in keys)
            {
                var notification = new Notification(key, "test", null, $"{key.Replace(':', '-')}@test.mentorhub.local", $"Subject {key}", "<p>Hello</p>", "Hello", app.Clock.GetUtcNow().UtcDateTime);
                if (withAttachment) notification.Attachments.Add(new NotificationAttachment("invite.ics", "text/calendar", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"u8.ToArray()));
                db.Notifications.Add(notification);
            }
            return await db.SaveChangesAsync();
        });
        return keys;
    }
}
