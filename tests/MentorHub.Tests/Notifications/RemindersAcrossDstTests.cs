using MentorHub.Core.Domain;
using MentorHub.Core.Notifications;
using MentorHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Tests.Notifications;

/// <summary>The app on 27 March 2027, the day before Europe's clocks go forward (the US changed on 14 March).</summary>
public sealed class DstEveAppFactory : MentorHubAppFactory
{
    protected override DateTimeOffset Start => new(2027, 3, 27, 7, 30, 0, TimeSpan.Zero);
}

/// <summary>Another server of the same deployment: its own host, job storage and clock, the same database.</summary>
public sealed class SecondServerFactory(MentorHubAppFactory first) : MentorHubAppFactory(first.Folder, ownsFolder: false, first.Database)
{
    protected override DateTimeOffset Start => first.Clock.GetUtcNow();
}

public class RemindersAcrossDstTests(DstEveAppFactory app) : IClassFixture<DstEveAppFactory>
{
    [Fact]
    public async Task Each_attendee_gets_one_reminder_per_lead_time_in_their_own_zone_across_runs_and_parallel_servers()
    {
        var mentor = await app.CreateUserAsync("Luis Ortega", canSignIn: false);
        var mentee = await app.CreateUserAsync("Anke Vogel", canSignIn: false);
        await app.WithDbAsync(async db =>
        {
            await db.Users.Where(u => u.Id == mentor.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.TimeZoneId, "America/Los_Angeles"));
            return await db.Users.Where(u => u.Id == mentee.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.TimeZoneId, "Europe/Berlin"));
        });
        var mentorshipId = await app.CreateMentorshipAsync(mentor, mentee);
        // Sunday 28 March 2027 08:00 UTC: 10:00 in Berlin (summer time since 01:00 UTC that day), 01:00 in Los Angeles.
        var meetingId = await app.CreateMeetingAsync(mentorshipId, new DateTime(2027, 3, 28, 8, 0, 0, DateTimeKind.Utc), mentor.Id);
        await using var sink = new SmtpSink();
        await sink.StartAsync();
        await using var second = new SecondServerFactory(app);

        async Task RunTwoServersAsync()
        {
            second.Clock.SetUtcNow(app.Clock.GetUtcNow());
            await Task.WhenAll(
                app.RunScopedAsync<MeetingReminders, int>(r => r.QueueDueAsync(CancellationToken.None)),
                second.RunScopedAsync<MeetingReminders, int>(r => r.QueueDueAsync(CancellationToken.None)));
            await Task.WhenAll(app.DeliverOverSmtpAsync(sink), second.DeliverOverSmtpAsync(sink));
        }

        await RunTwoServersAsync();
        Assert.Empty(sink.To(mentee.Email!));

        app.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 27, 8, 5, 0, TimeSpan.Zero));
        await RunTwoServersAsync();
        await RunTwoServersAsync();

        var berlin = Assert.Single(sink.To(mentee.Email!));
        var losAngeles = Assert.Single(sink.To(mentor.Email!));
        // Written while Berlin was still on winter time, the reminder shows the meeting's summer-time hour.
        Assert.Contains("Sunday 28 March 2027, 10:00 (Europe/Berlin)", berlin.TextBody);
        Assert.Contains("Sunday 28 March 2027, 01:00 (America/Los_Angeles)", losAngeles.TextBody);
        Assert.StartsWith("Reminder: meeting with Luis Ortega", berlin.Subject);
        Assert.Contains("Catch up", berlin.TextBody);
        Assert.Contains("https://meet.example.org/x", berlin.TextBody);
        Assert.Contains($"https://mentorhub.test/Meetings/{meetingId}", berlin.TextBody);
        Assert.Contains("https://mentorhub.test/Account/Notifications", berlin.HtmlBody);
        var ics = berlin.Ics();
        Assert.Contains("METHOD:REQUEST", ics);
        Assert.Contains("DTSTART:20270328T080000Z", ics);

        app.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 28, 7, 10, 0, TimeSpan.Zero));
        await RunTwoServersAsync();
        await RunTwoServersAsync();

        Assert.Equal(2, sink.To(mentee.Email!).Count);
        Assert.Equal(2, sink.To(mentor.Email!).Count);
        var keys = await app.WithDbAsync(db => db.Notifications.Where(n => n.RecipientUserId == mentee.Id).Select(n => n.DedupeKey).OrderBy(k => k).ToListAsync());
        Assert.Equal([$"reminder:1h:meeting:{meetingId}:seq:0:user:{mentee.Id}", $"reminder:24h:meeting:{meetingId}:seq:0:user:{mentee.Id}"], keys);
        Assert.All(await app.WithDbAsync(db => db.Notifications.Where(n => n.RecipientUserId == mentee.Id).ToListAsync()),
            n => Assert.Equal(NotificationStatus.Sent, n.Status));
    }
}
