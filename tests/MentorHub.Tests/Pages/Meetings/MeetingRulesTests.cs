using System.Globalization;
using System.Net;
using MentorHub.Core.Domain;
using MentorHub.Core.Notifications;
using MentorHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Tests.Pages.Meetings;

[Collection(AppCollection.Name)]
public class MeetingRulesTests(MentorHubAppFactory app)
{
    /// <summary>A day three weeks ahead in Berlin (the test people's zone), as the form takes it.</summary>
    private string Day => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(21).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Dictionary<string, string> Meeting(string time, string modality = "Virtual", string? video = "https://meet.example.org/x", string? place = null)
    {
        var fields = new Dictionary<string, string> { ["Input.Date"] = Day, ["Input.Time"] = time, ["Input.DurationMinutes"] = "60", ["Input.Modality"] = modality };
        if (video is not null) fields["Input.VideoUrl"] = video;
        if (place is not null) fields["Input.Location"] = place;
        return fields;
    }

    [Fact]
    public async Task A_clash_with_the_same_persons_other_meeting_is_a_warning_that_can_be_overridden()
    {
        var mentor = await app.CreateUserAsync("Cleo Clash");
        var first = await app.CreateMentorshipAsync(mentor, await app.CreateUserAsync("Dev Early"));
        var second = await app.CreateMentorshipAsync(mentor, await app.CreateUserAsync("Eli Later"));
        using var client = app.CreateAppClient();
        await client.SignInAsync(mentor.Email!);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync($"/Mentorships/{first}/Meetings/New", Meeting("10:00"))).StatusCode);

        var warned = await client.FollowAsync(await client.SubmitAsync($"/Mentorships/{second}/Meetings/New", Meeting("10:30")));
        Assert.Equal(HttpStatusCode.OK, warned.Status);
        var warning = warned.Document.QuerySelector("#overlap-warning")!.TextContent;
        Assert.Contains("This clashes with another meeting", warning);
        Assert.Contains("Cleo Clash:", warning);
        Assert.Contains("10:00–11:00", warning);
        Assert.Equal("10:30", warned.InputValue("Input.Time"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Meetings.CountAsync(m => m.MentorshipId == second)));

        // Moved to another clashing time after the warning, it warns again: the first "anyway" was for 10:30.
        var moved = await client.FollowAsync(await client.SubmitAsync(warned, new Dictionary<string, string> { ["Input.Time"] = "10:15" }));
        Assert.Equal(HttpStatusCode.OK, moved.Status);
        Assert.NotNull(moved.Document.QuerySelector("#overlap-warning"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Meetings.CountAsync(m => m.MentorshipId == second)));

        var kept = await client.SubmitAsync(moved, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Meetings.CountAsync(m => m.MentorshipId == second)));

        // Back to back is not a clash.
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync($"/Mentorships/{second}/Meetings/New", Meeting("11:30"))).StatusCode);
    }

    [Fact]
    public async Task A_virtual_meeting_can_be_scheduled_with_its_link_to_follow_and_the_update_mail_says_what_changed()
    {
        var mentor = await app.CreateUserAsync("Fay Follow");
        var mentee = await app.CreateUserAsync("Gil Guest");
        var mentorshipId = await app.CreateMentorshipAsync(mentor, mentee);
        using var client = app.CreateAppClient();
        await client.SignInAsync(mentor.Email!);

        var scheduled = await client.SubmitAsync($"/Mentorships/{mentorshipId}/Meetings/New", Meeting("09:00", video: null));
        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        var meetingId = await app.WithDbAsync(db => db.Meetings.Where(m => m.MentorshipId == mentorshipId).Select(m => m.Id).SingleAsync());
        Assert.Contains("link to follow", (await client.GetAsync($"/Meetings/{meetingId}")).Document.QuerySelector("#video-to-follow")!.TextContent);
        var invite = await app.WithDbAsync(db => db.Notifications.SingleAsync(n => n.RecipientUserId == mentee.Id && n.Kind == NotificationKind.MeetingInvite));
        Assert.Contains("to follow", invite.TextBody);

        var hybridWithoutPlace = await client.FollowAsync(await client.SubmitAsync($"/Meetings/{meetingId}/Edit", new Dictionary<string, string> { ["Input.Modality"] = "Hybrid" }));
        Assert.Contains("Say where the in-person part of a hybrid meeting is; the video link can follow.", hybridWithoutPlace.Errors);

        await client.SubmitAsync($"/Meetings/{meetingId}/Edit", new Dictionary<string, string>
        {
            ["Input.Time"] = "14:30",
            ["Input.Modality"] = "Hybrid",
            ["Input.Location"] = "Central Library, room 2B",
            ["Input.VideoUrl"] = "https://meet.example.org/follow",
        });
        var update = await app.WithDbAsync(db => db.Notifications.Where(n => n.RecipientUserId == mentee.Id && n.Kind == NotificationKind.MeetingInvite).OrderBy(n => n.Id).LastAsync());
        Assert.StartsWith("Meeting updated", update.Subject);
        Assert.Contains("What changed", update.TextBody);
        Assert.Contains(", 09:00 (Europe/Berlin) → ", update.TextBody);
        Assert.Contains(", 14:30 (Europe/Berlin)", update.TextBody);
        Assert.Contains("How: Online → Hybrid (in person and online)", update.TextBody);
        Assert.Contains("Where: (none) → Central Library, room 2B", update.TextBody);
        Assert.Contains("Video link: (none) → https://meet.example.org/follow", update.TextBody);
        Assert.DoesNotContain("Length: 60 minutes →", update.TextBody);
    }

    [Fact]
    public async Task The_feedback_scale_says_what_each_rating_means()
    {
        var mentor = await app.CreateUserAsync();
        var mentee = await app.CreateUserAsync();
        var mentorshipId = await app.CreateMentorshipAsync(mentor, mentee);
        var meetingId = await app.CreateMeetingAsync(mentorshipId, app.Clock.GetUtcNow().UtcDateTime.AddHours(-2), mentor.Id);
        using var client = app.CreateAppClient();
        await client.SignInAsync(mentor.Email!);
        await client.SubmitAsync($"/Meetings/{meetingId}/Log", new Dictionary<string, string> { ["Input.Held"] = "true" });

        var page = await client.GetAsync($"/Meetings/{meetingId}");
        var labels = page.Document.QuerySelectorAll("label[for^='rating-']").Select(l => System.Text.RegularExpressions.Regex.Replace(l.TextContent, @"\s+", " ").Trim()).ToList();
        Assert.Equal(["1 not useful", "2 a little useful", "3 useful", "4 quite useful", "5 very useful"], labels);
        Assert.Contains("How useful was the meeting?", page.Text);
    }
}
