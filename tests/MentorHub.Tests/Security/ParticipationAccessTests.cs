using System.Globalization;
using System.Net;
using MentorHub.Core.Domain;
using MentorHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Tests.Security;

/// <summary>Access to a mentorship ends when its member's participation ends; a closed mentorship is read-only.</summary>
[Collection(AppCollection.Name)]
public class ParticipationAccessTests(MentorHubAppFactory app)
{
    private sealed record Workspace(int MentorshipId, int ProgramId, int CohortId, int MenteeEnrollmentId, int MeetingId, int HeldMeetingId, int GoalId, int CheckInId, int WorkshopId);

    private async Task<(AppUser Coordinator, AppUser Mentor, AppUser Mentee, Workspace Ids)> WorkspaceAsync()
    {
        var coordinator = await app.CreateUserAsync();
        var mentor = await app.CreateUserAsync();
        var mentee = await app.CreateUserAsync();
        var mentorshipId = await app.CreateMentorshipAsync(mentor, mentee, coordinator.Id);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var meetingId = await app.CreateMeetingAsync(mentorshipId, now.AddDays(3), mentor.Id);
        var heldId = await app.CreateMeetingAsync(mentorshipId, now.AddHours(-3), mentor.Id);
        var ids = await app.WithDbAsync(async db =>
        {
            var m = await db.Mentorships.Include(x => x.Members).Include(x => x.Cohort).SingleAsync(x => x.Id == mentorshipId);
            var menteeMember = m.Members.Single(x => x.UserId == mentee.Id);
            var goal = new Goal(mentorshipId, menteeMember.Id, "Migrate the serials module", null, null, DateOnly.FromDateTime(now).AddDays(60), mentee.Id, now);
            var checkIn = new Assessment(menteeMember.Id, AssessmentKind.Midpoint, DateOnly.FromDateTime(now));
            var workshop = new Workshop(m.CohortId, "Metadata clinic", null, now.AddDays(7), 60, Modality.Virtual, null, capacity: 10);
            db.AddRange(goal, checkIn, workshop);
            await db.SaveChangesAsync();
            return new Workspace(mentorshipId, m.Cohort!.ProgramId, m.CohortId, menteeMember.EnrollmentId, meetingId, heldId, goal.Id, checkIn.Id, workshop.Id);
        });
        return (coordinator, mentor, mentee, ids);
    }

    private async Task WithdrawAsync(AppUser coordinator, Workspace ids)
    {
        using var client = app.CreateAppClient();
        await client.SignInAsync(coordinator.Email!);
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var response = await client.SubmitAsync($"/Programs/{ids.ProgramId}/Cohorts/{ids.CohortId}/Participants/{ids.MenteeEnrollmentId}/Withdraw",
            new Dictionary<string, string> { ["Input.Reason"] = "Left for the county archive", ["Input.WithdrawnOn"] = today });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static string[] Gets(Workspace w) =>
    [
        $"/Mentorships/{w.MentorshipId}", $"/Mentorships/{w.MentorshipId}/Goals/New", $"/Mentorships/{w.MentorshipId}/Meetings/New",
        $"/Meetings/{w.MeetingId}", $"/Meetings/{w.MeetingId}?handler=Ics", $"/Meetings/{w.MeetingId}/Edit", $"/Meetings/{w.HeldMeetingId}/Log",
        $"/Goals/{w.GoalId}", $"/Goals/{w.GoalId}/Edit", $"/CheckIns/{w.CheckInId}",
    ];

    private static (string Url, Dictionary<string, string> Fields)[] Posts(Workspace w) =>
    [
        ($"/Mentorships/{w.MentorshipId}?handler=Resource", new() { ["Resource.Title"] = "Guide", ["Resource.Url"] = "https://example.org/g" }),
        ($"/Mentorships/{w.MentorshipId}?handler=Rsvp", new() { ["workshopId"] = $"{w.WorkshopId}", ["going"] = "true" }),
        ($"/Mentorships/{w.MentorshipId}?handler=Pulse", new()),
        ($"/Mentorships/{w.MentorshipId}/Goals/New", new() { ["Input.Title"] = "Another goal", ["Input.TargetDate"] = "2099-01-01" }),
        ($"/Mentorships/{w.MentorshipId}/Meetings/New", new() { ["Input.Date"] = "2099-01-01", ["Input.Time"] = "10:00", ["Input.DurationMinutes"] = "60" }),
        ($"/Meetings/{w.MeetingId}?handler=Cancel", new() { ["reason"] = "No longer needed" }),
        ($"/Meetings/{w.HeldMeetingId}?handler=Feedback", new() { ["Feedback.Rating"] = "5" }),
        ($"/Meetings/{w.MeetingId}/Edit", new() { ["Input.Date"] = "2099-01-02", ["Input.Time"] = "10:00", ["Input.DurationMinutes"] = "60" }),
        ($"/Meetings/{w.HeldMeetingId}/Log", new() { ["Input.Held"] = "false", ["Input.Notes"] = "Rewritten" }),
        ($"/Goals/{w.GoalId}?handler=Progress", new() { ["percent"] = "50", ["note"] = "Halfway" }),
        ($"/Goals/{w.GoalId}?handler=Comment", new() { ["text"] = "Still here" }),
        ($"/Goals/{w.GoalId}?handler=Milestone", new() { ["title"] = "Step", ["dueOn"] = "2099-01-01" }),
        ($"/Goals/{w.GoalId}?handler=Achieve", new()),
        ($"/Goals/{w.GoalId}?handler=Abandon", new() { ["reason"] = "Gone" }),
        ($"/Goals/{w.GoalId}/Edit", new() { ["Input.Title"] = "Renamed", ["Input.TargetDate"] = "2099-01-01" }),
        ($"/CheckIns/{w.CheckInId}", new() { ["Input.Confidence"] = "4", ["Input.JobSatisfaction"] = "4" }),
    ];

    /// <summary>Posts with a valid antiforgery token of the person's own session, so only the access rule can refuse.</summary>
    private static async Task<HttpStatusCode> PostAsync(AppClient client, string token, string url, Dictionary<string, string> fields)
    {
        var content = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        using var response = await client.Http.PostAsync(url, new FormUrlEncodedContent(content));
        return response.StatusCode;
    }

    [Fact]
    public async Task A_withdrawn_member_gets_404_on_every_route_and_post_of_their_former_mentorship()
    {
        var (coordinator, _, mentee, ids) = await WorkspaceAsync();
        using var client = app.CreateAppClient();
        await client.SignInAsync(mentee.Email!);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Mentorships/{ids.MentorshipId}")).Status);
        var token = (await client.GetAsync("/Account/Profile")).AntiforgeryToken;
        var before = await app.WithDbAsync(db => Snapshot(db, ids));

        await WithdrawAsync(coordinator, ids);

        foreach (var url in Gets(ids))
            Assert.True((await client.GetAsync(url)).Status == HttpStatusCode.NotFound, $"GET {url} answered the withdrawn member.");
        foreach (var (url, fields) in Posts(ids))
            Assert.True(await PostAsync(client, token, url, fields) == HttpStatusCode.NotFound, $"POST {url} answered the withdrawn member.");
        Assert.Equal(before, await app.WithDbAsync(db => Snapshot(db, ids)));
    }

    [Fact]
    public async Task A_closed_mentorship_is_read_only_for_the_member_who_stayed()
    {
        var (coordinator, mentor, _, ids) = await WorkspaceAsync();
        await WithdrawAsync(coordinator, ids);
        using var client = app.CreateAppClient();
        await client.SignInAsync(mentor.Email!);
        var token = (await client.GetAsync("/Account/Profile")).AntiforgeryToken;
        var before = await app.WithDbAsync(db => Snapshot(db, ids));

        var page = await client.GetAsync($"/Mentorships/{ids.MentorshipId}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Empty(page.Document.QuerySelectorAll("main form[method=post]"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Goals/{ids.GoalId}")).Status);
        foreach (var (url, fields) in Posts(ids).Where(p => !p.Url.StartsWith("/CheckIns", StringComparison.Ordinal)))
            Assert.True(await PostAsync(client, token, url, fields) == HttpStatusCode.NotFound, $"POST {url} changed a closed mentorship.");
        Assert.Equal(before, await app.WithDbAsync(db => Snapshot(db, ids)));
    }

    [Fact]
    public async Task A_withdrawn_members_calendar_feed_drops_the_mentorships_meetings()
    {
        var (coordinator, _, mentee, ids) = await WorkspaceAsync();
        using var client = app.CreateAppClient();
        await client.SignInAsync(mentee.Email!);
        var created = await client.FollowAsync(await client.SubmitAsync("/Me/Calendar", new Dictionary<string, string>()));
        var feedUrl = new Uri(created.Document.QuerySelector("#feed-url")!.GetAttribute("value")!).PathAndQuery;
        using var calendar = app.CreateAppClient();
        Assert.Contains($"UID:meeting-{ids.MeetingId}@mentorhub", await calendar.Http.GetStringAsync(feedUrl));

        await WithdrawAsync(coordinator, ids);

        using var response = await calendar.Http.GetAsync(feedUrl);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.DoesNotContain($"UID:meeting-{ids.MeetingId}@mentorhub", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Training_is_for_approved_participants_only()
    {
        var coordinator = await app.CreateUserAsync();
        var applicant = await app.CreateUserAsync();
        var participant = await app.CreateUserAsync();
        var programId = await app.CreateProgramAsync(coordinator.Id);
        var cohortId = await app.CreateCohortAsync(programId);
        await app.EnrollAsync(cohortId, participant.Id, EnrollmentRole.Mentor);
        var moduleId = await app.WithDbAsync(async db =>
        {
            var cohort = await db.Cohorts.SingleAsync(c => c.Id == cohortId);
            db.Enrollments.Add(Enrollment.Apply(cohort, applicant.Id, EnrollmentRole.Mentor, DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime), app.Clock.GetUtcNow().UtcDateTime));
            var program = await db.Programs.Include(p => p.TrainingModules).SingleAsync(p => p.Id == programId);
            var module = new TrainingModule("Active listening", "Listen first.", null, 20, isRequired: true);
            program.AddTrainingModule(module);
            await db.SaveChangesAsync();
            return module.Id;
        });
        using var applicantClient = app.CreateAppClient();
        using var participantClient = app.CreateAppClient();
        await applicantClient.SignInAsync(applicant.Email!);
        await participantClient.SignInAsync(participant.Email!);

        Assert.Equal(HttpStatusCode.NotFound, (await applicantClient.GetAsync($"/Training/{moduleId}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await participantClient.GetAsync($"/Training/{moduleId}")).Status);
    }

    [Fact]
    public async Task An_administrator_who_does_not_coordinate_the_program_cannot_read_a_check_in()
    {
        var (coordinator, _, _, ids) = await WorkspaceAsync();
        var admin = await app.CreateUserAsync(null, Roles.Administrator);
        using var adminClient = app.CreateAppClient();
        using var coordinatorClient = app.CreateAppClient();
        await adminClient.SignInAsync(admin.Email!);
        await coordinatorClient.SignInAsync(coordinator.Email!);

        Assert.Equal(HttpStatusCode.NotFound, (await adminClient.GetAsync($"/CheckIns/{ids.CheckInId}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await coordinatorClient.GetAsync($"/CheckIns/{ids.CheckInId}")).Status);
    }

    /// <summary>Everything a member could have changed, as one comparable string.</summary>
    private static async Task<string> Snapshot(MentorHub.Core.Data.MentorHubDbContext db, Workspace ids)
    {
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.MentorshipId == ids.MentorshipId).OrderBy(m => m.Id)
            .Select(m => $"{m.Id}:{m.Status}:{m.StartsAtUtc:O}:{m.Notes}:{m.Version}").ToListAsync();
        var goals = await db.Goals.AsNoTracking().Where(g => g.MentorshipId == ids.MentorshipId).OrderBy(g => g.Id)
            .Select(g => $"{g.Id}:{g.Title}:{g.Status}:{g.ProgressPercent}:{g.Version}:{g.Milestones.Count}:{g.Updates.Count}").ToListAsync();
        var counts = new[]
        {
            await db.Resources.CountAsync(r => r.MentorshipId == ids.MentorshipId),
            await db.Workshops.Where(w => w.Id == ids.WorkshopId).SelectMany(w => w.Rsvps).CountAsync(),
            await db.Assessments.CountAsync(a => a.Member!.MentorshipId == ids.MentorshipId),
            await db.Assessments.CountAsync(a => a.Id == ids.CheckInId && a.SubmittedAtUtc != null),
            await db.MeetingFeedback.CountAsync(f => f.MeetingId == ids.HeldMeetingId),
        };
        return string.Join("|", meetings.Concat(goals).Concat(counts.Select(c => c.ToString(CultureInfo.InvariantCulture))));
    }
}
