using System.Net;
using MentorHub.Core.Domain;
using MentorHub.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MentorHub.Tests.Pages.Meetings;

[Collection(AppCollection.Name)]
public class MeetingsTests(MentorHubAppFactory app)
{
    private async Task<(AppUser Mentor, AppUser Mentee, int MentorshipId)> PairAsync(string mentorZone = "Europe/Berlin", string menteeZone = "America/Los_Angeles")
    {
        var mentor = await app.CreateUserAsync("Berta Berlin");
        var mentee = await app.CreateUserAsync("Lou Angeles");
        await SetZoneAsync(mentor, mentorZone);
        await SetZoneAsync(mentee, menteeZone);
        return (mentor, mentee, await app.CreateMentorshipAsync(mentor, mentee));
    }

    private async Task SetZoneAsync(AppUser user, string zone)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var stored = (await users.FindByIdAsync(user.Id))!;
        stored.TimeZoneId = zone;
        await users.UpdateAsync(stored);
    }

    private static Dictionary<string, string> Meeting(string date, string time) => new()
    {
        ["Input.Date"] = date,
        ["Input.Time"] = time,
        ["Input.DurationMinutes"] = "45",
        ["Input.Modality"] = "Virtual",
        ["Input.VideoUrl"] = "https://meet.example.org/berta-lou",
        ["Input.Agenda"] = "Review the migration checklist",
    };

    [Fact]
    public async Task A_meeting_is_entered_in_one_zone_stored_in_utc_and_shown_in_each_members_zone_across_a_dst_change()
    {
        var (mentor, mentee, mentorshipId) = await PairAsync();
        using var berlin = app.CreateAppClient();
        await berlin.SignInAsync(mentor.Email!);

        // 28 March 2027: Berlin has just moved to summer time (UTC+2); Los Angeles did so on 14 March (UTC-7).
        var response = await berlin.SubmitAsync($"/Mentorships/{mentorshipId}/Meetings/New", Meeting("2027-03-28", "10:00"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await app.WithDbAsync(db => db.Meetings.SingleAsync(m => m.MentorshipId == mentorshipId));
        Assert.Equal(new DateTime(2027, 3, 28, 8, 0, 0, DateTimeKind.Utc), stored.StartsAtUtc);
        Assert.Contains("Sun 28 Mar 2027, 10:00", (await berlin.GetAsync($"/Meetings/{stored.Id}")).Document.QuerySelector("#meeting-time")!.TextContent);
        using var losAngeles = app.CreateAppClient();
        await losAngeles.SignInAsync(mentee.Email!);
        Assert.Contains("Sun 28 Mar 2027, 01:00", (await losAngeles.GetAsync($"/Meetings/{stored.Id}")).Document.QuerySelector("#meeting-time")!.TextContent);
    }

    [Fact]
    public async Task A_time_skipped_by_the_clock_change_is_refused_with_a_message_and_the_input_kept()
    {
        var (mentor, _, mentorshipId) = await PairAsync();
        using var client = app.CreateAppClient();
        await client.SignInAsync(mentor.Email!);

        var page = await client.FollowAsync(await client.SubmitAsync($"/Mentorships/{mentorshipId}/Meetings/New", Meeting("2027-03-28", "02:30")));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(page.Errors, e => e.Contains("does not exist in Europe/Berlin", StringComparison.Ordinal));
        Assert.Equal("Review the migration checklist", page.Document.QuerySelector("textarea[name='Input.Agenda']")!.TextContent);
        Assert.False(await app.WithDbAsync(db => db.Meetings.AnyAsync(m => m.MentorshipId == mentorshipId)));
    }

    [Fact]
    public async Task Invalid_meeting_input_re_renders_with_messages()
    {
        var (mentor, _, mentorshipId) = await PairAsync();
        using var client = app.CreateAppClient();
        await client.SignInAsync(mentor.Email!);
        var fields = Meeting("", "");
        fields["Input.Modality"] = "InPerson";
        fields["Input.DurationMinutes"] = "900";

        var page = await client.FollowAsync(await client.SubmitAsync($"/Mentorships/{mentorshipId}/Meetings/New", fields));

        Assert.Contains("Choose the date.", page.Errors);
        Assert.Contains("A meeting lasts between 5 minutes and 8 hours.", page.Errors);
        Assert.Contains("Say where you will meet in person.", page.Errors);
    }

    [Fact]
    public async Task The_second_of_two_concurrent_edits_sees_a_conflict_with_the_others_change_and_overwrites_nothing()
    {
        var (mentor, mentee, mentorshipId) = await PairAsync();
        var meetingId = await app.CreateMeetingAsync(mentorshipId, app.Clock.GetUtcNow().UtcDateTime.AddDays(3), mentor.Id);
        using var first = app.CreateAppClient();
        using var second = app.CreateAppClient();
        await first.SignInAsync(mentor.Email!);
        await second.SignInAsync(mentee.Email!);
        var firstForm = await first.GetAsync($"/Meetings/{meetingId}/Edit");
        var secondForm = await second.GetAsync($"/Meetings/{meetingId}/Edit");

        await first.SubmitAsync(firstForm, new Dictionary<string, string> { ["Input.Agenda"] = "Mentor's agenda" });
        var conflict = await second.FollowAsync(await second.SubmitAsync(secondForm, new Dictionary<string, string> { ["Input.Agenda"] = "Mentee's agenda" }));

        Assert.Contains(conflict.Errors, e => e.Contains("Someone else changed this meeting", StringComparison.Ordinal));
        Assert.Contains("Mentor's agenda", conflict.Document.QuerySelector("#their-version")!.TextContent);
        Assert.Equal("Mentee's agenda", conflict.Document.QuerySelector("textarea[name='Input.Agenda']")!.TextContent);
        Assert.Equal("Mentor's agenda", await app.WithDbAsync(db => db.Meetings.Where(m => m.Id == meetingId).Select(m => m.Agenda).SingleAsync()));
    }

    [Fact]
    public async Task Rescheduling_raises_the_calendar_sequence_in_the_ics()
    {
        var (mentor, _, mentorshipId) = await PairAsync();
        var meetingId = await app.CreateMeetingAsync(mentorshipId, app.Clock.GetUtcNow().UtcDateTime.AddDays(3), mentor.Id);
        using var client = app.CreateAppClient();
        await client.SignInAsync(mentor.Email!);

        await client.SubmitAsync($"/Meetings/{meetingId}/Edit", new Dictionary<string, string> { ["Input.Time"] = "07:15" });
        var ics = await client.Http.GetStringAsync($"/Meetings/{meetingId}?handler=Ics");

        Assert.Contains("SEQUENCE:1", ics);
        Assert.Contains($"UID:meeting-{meetingId}@mentorhub", ics);
    }

    [Fact]
    public async Task A_member_logs_a_held_meeting_and_each_attendee_leaves_feedback_that_coordinators_see_in_aggregate()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var mentor = await app.CreateUserAsync();
        var mentee = await app.CreateUserAsync();
        var mentorshipId = await app.CreateMentorshipAsync(mentor, mentee, coordinator.Id);
        var meetingId = await app.CreateMeetingAsync(mentorshipId, app.Clock.GetUtcNow().UtcDateTime.AddHours(-2), mentor.Id);
        using var mentorClient = app.CreateAppClient();
        await mentorClient.SignInAsync(mentor.Email!);

        var notes = "Walked through saved reports.\nThen the export.\n\nAgreed actions:\n- Map the **serials** fields\n- Test <script>alert(1)</script> in [staging](javascript:alert(2))";
        var logged = await mentorClient.SubmitAsync($"/Meetings/{meetingId}/Log", new Dictionary<string, string> { ["Input.Held"] = "true", ["Input.Notes"] = notes });
        Assert.Equal(HttpStatusCode.Redirect, logged.StatusCode);
        var meetingPage = await mentorClient.GetAsync($"/Meetings/{meetingId}");
        // The notes read as written: the line break kept, the list a list, emphasis bold; the script shown as text, the bad link dropped.
        var written = meetingPage.Document.QuerySelector("#notes .written")!;
        Assert.NotNull(written.QuerySelector("p br"));
        Assert.Equal(["Map the serials fields", "Test <script>alert(1)</script> in staging"], written.QuerySelectorAll("ul li").Select(li => li.TextContent));
        Assert.Equal("serials", written.QuerySelector("li strong")!.TextContent);
        Assert.Null(written.QuerySelector("script"));
        Assert.DoesNotContain("javascript:", written.InnerHtml, StringComparison.OrdinalIgnoreCase);
        await mentorClient.SubmitAsync(meetingPage, new Dictionary<string, string> { ["Feedback.Rating"] = "4", ["Feedback.Comment"] = "Useful" }, "form[action*='handler=Feedback']");
        using var menteeClient = app.CreateAppClient();
        await menteeClient.SignInAsync(mentee.Email!);
        await menteeClient.SubmitAsync($"/Meetings/{meetingId}", new Dictionary<string, string> { ["Feedback.Rating"] = "5" }, "form[action*='handler=Feedback']");

        using var coordinatorClient = app.CreateAppClient();
        await coordinatorClient.SignInAsync(coordinator.Email!);
        var seen = await coordinatorClient.GetAsync($"/Meetings/{meetingId}");
        Assert.Contains("4.5 out of 5 from 2 attendees", seen.Text);
        Assert.DoesNotContain("Useful", seen.Text);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinatorClient.Http.GetAsync($"/Meetings/{meetingId}/Edit")).StatusCode);
    }

    [Fact]
    public async Task A_rating_outside_1_to_5_re_renders_with_a_message()
    {
        var (mentor, _, mentorshipId) = await PairAsync();
        var meetingId = await app.CreateMeetingAsync(mentorshipId, app.Clock.GetUtcNow().UtcDateTime.AddHours(-2), mentor.Id);
        using var client = app.CreateAppClient();
        await client.SignInAsync(mentor.Email!);
        await client.SubmitAsync($"/Meetings/{meetingId}/Log", new Dictionary<string, string> { ["Input.Held"] = "true" });

        var page = await client.FollowAsync(await client.SubmitAsync($"/Meetings/{meetingId}", new Dictionary<string, string> { ["Feedback.Rating"] = "9" }, "form[action*='handler=Feedback']"));

        Assert.Contains("Choose a rating from 1 to 5.", page.Errors);
    }

    [Theory]
    [InlineData("/Mentorships/{0}")]
    [InlineData("/Mentorships/{0}/Meetings/New")]
    [InlineData("/Meetings/{1}")]
    [InlineData("/Meetings/{1}/Edit")]
    [InlineData("/Meetings/{1}/Log")]
    [InlineData("/Meetings/{1}?handler=Ics")]
    public async Task An_outsider_gets_404_for_another_mentorships_pages(string template)
    {
        var (mentor, _, mentorshipId) = await PairAsync();
        var meetingId = await app.CreateMeetingAsync(mentorshipId, app.Clock.GetUtcNow().UtcDateTime.AddHours(-1), mentor.Id);
        var outsider = await app.CreateUserAsync();
        using var client = app.CreateAppClient();
        await client.SignInAsync(outsider.Email!);

        var response = await client.Http.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, mentorshipId, meetingId));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_meeting_page_runs_the_same_queries_for_one_competency_and_for_every_one_with_feedback()
    {
        async Task<int> MeasureAsync(bool full)
        {
            var (mentor, mentee, mentorshipId) = await PairAsync();
            var meetingId = await app.WithDbAsync(async db =>
            {
                var competencies = await db.Competencies.Select(c => c.Id).ToListAsync();
                var now = app.Clock.GetUtcNow().UtcDateTime;
                var meeting = new Meeting(mentorshipId, now.AddDays(-2), 45, Modality.Virtual, null, "https://meet.example.org/x", "Subject headings", mentor.Id);
                meeting.LogAsHeld("We mapped the old codes.", [mentor.Id, mentee.Id], full ? competencies : competencies.Take(1), mentor.Id, now.AddDays(-1));
                if (full)
                {
                    meeting.LeaveFeedback(mentee.Id, 5, "Clear and useful", now);
                    meeting.LeaveFeedback(mentor.Id, 4, null, now);
                }
                db.Meetings.Add(meeting);
                await db.SaveChangesAsync();
                return meeting.Id;
            });
            using var client = app.CreateAppClient();
            await client.SignInAsync(mentee.Email!);
            return await app.Queries.MeasureAsync(async () => Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Meetings/{meetingId}")).Status));
        }

        var few = await MeasureAsync(full: false);
        var many = await MeasureAsync(full: true);

        Assert.True(few > 0);
        Assert.Equal(few, many);
    }
}
