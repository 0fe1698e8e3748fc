using System.Globalization;
using System.Net;
using MentorHub.Core.Domain;
using MentorHub.Core.Notifications;
using MentorHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MentorHub.Tests.Notifications;

[Collection(AppCollection.Name)]
public class MeetingMailTests(MentorHubAppFactory app)
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private Task<int> RemindAsync() => app.RunScopedAsync<MeetingReminders, int>(r => r.QueueDueAsync(CancellationToken.None));

    private static Dictionary<string, string> BerlinTime(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(utc, Berlin);
        return new()
        {
            ["Input.Date"] = local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.Time"] = local.ToString("HH:mm", CultureInfo.InvariantCulture),
        };
    }

    [Fact]
    public async Task Scheduling_sends_an_invite_and_rescheduling_sends_an_update_and_re_arms_the_reminders()
    {
        var mentor = await app.CreateUserAsync("Rosa Mentor");
        var mentee = await app.CreateUserAsync("Tom Mentee", canSignIn: false);
        var mentorshipId = await app.CreateMentorshipAsync(mentor, mentee);
        using var client = app.CreateAppClient();
        await client.SignInAsync(mentor.Email!);
        await using var sink = new SmtpSink();
        await sink.StartAsync();

        var start = app.Clock.GetUtcNow().UtcDateTime.AddHours(20);
        start = new DateTime(start.Year, start.Month, start.Day, start.Hour, 0, 0, DateTimeKind.Utc);
        var fields = BerlinTime(start);
        fields["Input.DurationMinutes"] = "45";
        fields["Input.Modality"] = "Virtual";
        fields["Input.VideoUrl"] = "https://meet.example.org/rosa-tom";
        fields["Input.Agenda"] = "Authority records";
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync($"/Mentorships/{mentorshipId}/Meetings/New", fields)).StatusCode);
        var meetingId = await app.WithDbAsync(db => db.Meetings.Where(m => m.MentorshipId == mentorshipId).Select(m => m.Id).SingleAsync());
        await RemindAsync();
        await app.DeliverOverSmtpAsync(sink);

        var first = sink.To(mentee.Email!);
        Assert.Equal(2, first.Count);
        var invite = Assert.Single(first, m => m.Subject!.StartsWith("Meeting scheduled", StringComparison.Ordinal));
        Assert.Contains("SEQUENCE:0", invite.Ics());
        // iMIP: the request sits in multipart/alternative beside the bodies, with its method and charset, naming the
        // organiser (the mentor who scheduled it, sent by MentorHub) and both members as attendees.
        var alternative = invite.BodyParts.OfType<MimeKit.TextPart>().Single(p => p.ContentType.MimeType == "text/calendar" && !p.IsAttachment);
        Assert.Equal("REQUEST", alternative.ContentType.Parameters["method"]);
        Assert.Equal("utf-8", alternative.ContentType.Charset);
        var request = Assert.Single(Ical.Net.Calendar.Load(alternative.Text)!.Events);
        Assert.Equal($"mailto:{mentor.Email}", request.Organizer!.Value!.ToString());
        Assert.Equal("Rosa Mentor", request.Organizer.CommonName);
        Assert.NotNull(request.Organizer.SentBy);
        Assert.Equal([$"mailto:{mentor.Email}", $"mailto:{mentee.Email}"], request.Attendees.Select(a => a.Value!.ToString()));
        Assert.Contains("Rosa Mentor", invite.TextBody);
        Assert.Single(first, m => m.Subject!.StartsWith("Reminder:", StringComparison.Ordinal));

        var moved = start.AddHours(2);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync($"/Meetings/{meetingId}/Edit", BerlinTime(moved))).StatusCode);
        await RemindAsync();
        await RemindAsync();
        await app.DeliverOverSmtpAsync(sink);

        var after = sink.To(mentee.Email!).Skip(2).ToList();
        Assert.Equal(2, after.Count);
        var update = Assert.Single(after, m => m.Subject!.StartsWith("Meeting updated", StringComparison.Ordinal));
        Assert.Contains("SEQUENCE:1", update.Ics());
        Assert.Contains($"DTSTART:{moved:yyyyMMdd'T'HHmmss}Z", update.Ics());
        var reminder = Assert.Single(after, m => m.Subject!.StartsWith("Reminder:", StringComparison.Ordinal));
        Assert.Contains(TimeZoneInfo.ConvertTimeFromUtc(moved, Berlin).ToString("HH:mm", CultureInfo.InvariantCulture) + " (Europe/Berlin)", reminder.TextBody);
        Assert.Equal(4, sink.To(mentor.Email!).Count);
    }

    [Fact]
    public async Task Cancelling_sends_a_cancel_notice_and_no_reminder()
    {
        var mentor = await app.CreateUserAsync();
        var mentee = await app.CreateUserAsync(null, canSignIn: false);
        var mentorshipId = await app.CreateMentorshipAsync(mentor, mentee);
        var meetingId = await app.CreateMeetingAsync(mentorshipId, app.Clock.GetUtcNow().UtcDateTime.AddHours(3), mentor.Id);
        using var client = app.CreateAppClient();
        await client.SignInAsync(mentor.Email!);
        await using var sink = new SmtpSink();
        await sink.StartAsync();

        var page = await client.GetAsync($"/Meetings/{meetingId}");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(page, new Dictionary<string, string> { ["reason"] = "Branch closed for the storm" }, "form[action*='handler=Cancel']")).StatusCode);
        await RemindAsync();
        await app.DeliverOverSmtpAsync(sink);

        var notice = Assert.Single(sink.To(mentee.Email!));
        Assert.StartsWith("Meeting cancelled", notice.Subject);
        Assert.Contains("Branch closed for the storm", notice.TextBody);
        Assert.Contains("METHOD:CANCEL", notice.Ics());
        Assert.Contains("STATUS:CANCELLED", notice.Ics());
    }

    [Fact]
    public async Task A_person_who_turned_reminders_off_gets_none_but_still_gets_security_mail()
    {
        var mentor = await app.CreateUserAsync(null, canSignIn: false);
        var mentee = await app.CreateUserAsync();
        var mentorshipId = await app.CreateMentorshipAsync(mentor, mentee);
        using var client = app.CreateAppClient();
        await client.SignInAsync(mentee.Email!);

        var preferences = await client.GetAsync("/Account/Notifications");
        Assert.Equal(7, preferences.Document.QuerySelectorAll("input[name='Wanted']:checked").Length);
        var saved = await client.FollowAsync(await client.SubmitAsync(preferences, new Dictionary<string, string> { ["Wanted"] = "MonthlyDigest" }));
        Assert.Contains("security mail", saved.Document.QuerySelector(".alert")!.TextContent);
        Assert.Single(saved.Document.QuerySelectorAll("input[name='Wanted']:checked"));
        Assert.Equal(NotificationKinds.MeetingReminders | NotificationKinds.MeetingChanges | NotificationKinds.Nudges | NotificationKinds.MatchAnnouncements | NotificationKinds.ProgramUpdates | NotificationKinds.Messages,
            await app.WithDbAsync(db => db.Users.Where(u => u.Id == mentee.Id).Select(u => u.MutedNotifications).SingleAsync()));

        await app.CreateMeetingAsync(mentorshipId, app.Clock.GetUtcNow().UtcDateTime.AddMinutes(50), mentor.Id);
        await RemindAsync();
        using var anonymous = app.CreateAppClient();
        await anonymous.SubmitAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = mentee.Email! });

        var keys = await app.WithDbAsync(db => db.Notifications.Where(n => n.RecipientUserId == mentee.Id || n.RecipientUserId == mentor.Id)
            .Select(n => new { n.RecipientUserId, n.Kind }).ToListAsync());
        Assert.Contains(keys, k => k.RecipientUserId == mentor.Id && k.Kind == NotificationKind.MeetingReminder);
        Assert.DoesNotContain(keys, k => k.RecipientUserId == mentee.Id && k.Kind == NotificationKind.MeetingReminder);
        Assert.Equal("Reset your MentorHub password", (await Mailbox.LatestToAsync(app, mentee.Email!)).Subject);
    }

    [Fact]
    public async Task Delivery_is_enqueued_after_the_change_and_its_mail_are_committed_and_not_for_a_refused_form()
    {
        var mentor = await app.CreateUserAsync();
        var mentee = await app.CreateUserAsync(null, canSignIn: false);
        var mentorshipId = await app.CreateMentorshipAsync(mentor, mentee);
        using var client = app.CreateAppClient();
        await client.SignInAsync(mentor.Email!);
        var jobs = app.Services.GetRequiredService<RecordingJobClient>();
        var fields = BerlinTime(app.Clock.GetUtcNow().UtcDateTime.AddDays(5));
        fields["Input.Time"] = "10:00";
        fields["Input.DurationMinutes"] = "60";
        fields["Input.Modality"] = "Virtual";
        fields["Input.VideoUrl"] = "https://meet.example.org/weekly";
        jobs.Jobs.Clear();

        var refused = fields.ToDictionary();
        refused["Input.Date"] = "";
        Assert.Equal(HttpStatusCode.OK, (await client.SubmitAsync($"/Mentorships/{mentorshipId}/Meetings/New", refused)).StatusCode);
        Assert.Empty(jobs.Jobs);

        var before = await app.WithDbAsync(db => db.Notifications.CountAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync($"/Mentorships/{mentorshipId}/Meetings/New", fields)).StatusCode);

        var enqueued = Assert.Single(jobs.Jobs);
        Assert.Equal(nameof(MentorHub.Web.Jobs.DeliverNotificationsJob), enqueued.JobType);
        Assert.Equal(before + 2, enqueued.VisibleNotifications);
    }
}
