using System.Net;
using MentorHub.Core.Domain;
using MentorHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Tests.Pages.Programs;

/// <summary>The coordinator's connections list: every pair with its health, filters, and nudges at most once a week.</summary>
[Collection(AppCollection.Name)]
public class ConnectionsTests(MentorHubAppFactory app)
{
    private DateOnly Today => app.UsersToday;

    /// <summary>A pair in the cohort that started <paramref name="daysAgo"/> days ago; when <paramref name="active"/>, with a meeting held and a goal updated yesterday.</summary>
    private Task<int> PairAsync(int cohortId, string mentorName, string menteeName, int daysAgo, bool active) => app.WithDbAsync(async db =>
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var mentor = NewUser(mentorName);
        var mentee = NewUser(menteeName);
        db.Users.AddRange(mentor, mentee);
        var mentorEnrollment = Enrollment.Enroll(cohortId, mentor.Id, EnrollmentRole.Mentor, now);
        var menteeEnrollment = Enrollment.Enroll(cohortId, mentee.Id, EnrollmentRole.Mentee, now);
        db.Enrollments.AddRange(mentorEnrollment, menteeEnrollment);
        await db.SaveChangesAsync();
        var mentorship = new Mentorship(cohortId, now.AddDays(-daysAgo));
        mentorship.AddMember(mentorEnrollment, MemberRole.Mentor, Today.AddDays(-daysAgo));
        mentorship.AddMember(menteeEnrollment, MemberRole.Mentee, Today.AddDays(-daysAgo));
        mentorship.Activate(Today.AddDays(-daysAgo));
        db.Mentorships.Add(mentorship);
        await db.SaveChangesAsync();
        if (active)
        {
            var meeting = new Meeting(mentorship.Id, now.AddDays(-1), 45, Modality.Virtual, null, null, null, mentor.Id);
            meeting.LogAsHeld("Went well", [mentor.Id, mentee.Id], [], mentor.Id, now);
            meeting.LeaveFeedback(mentee.Id, 5, null, now);
            db.Meetings.Add(meeting);
            db.Meetings.Add(new Meeting(mentorship.Id, now.AddDays(6), 45, Modality.Virtual, null, null, null, mentor.Id));
            var goal = new Goal(mentorship.Id, mentorship.Members.Single(m => m.Role == MemberRole.Mentee).Id, "Catalogue in the new ILS", null, null, Today.AddDays(60), mentee.Id, now.AddDays(-daysAgo));
            goal.RecordProgress(40, "Half the records", mentee.Id, now.AddDays(-1));
            db.Goals.Add(goal);
            await db.SaveChangesAsync();
        }
        return mentorship.Id;
    });

    private static AppUser NewUser(string name)
    {
        var email = $"{name.Replace(' ', '.').ToLowerInvariant()}-{Guid.NewGuid():N}@test.mentorhub.local"[..60];
        return new AppUser { UserName = email, Email = email, NormalizedEmail = email.ToUpperInvariant(), NormalizedUserName = email.ToUpperInvariant(), DisplayName = name, TimeZoneId = "Europe/Berlin" };
    }

    private async Task<(AppUser Coordinator, int ProgramId, int CohortId, AppClient Client)> CohortAsync()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var programId = await app.CreateProgramAsync(coordinator.Id);
        var cohortId = await app.CreateCohortAsync(programId, opensInDays: -100, closesInDays: -80);
        var client = app.CreateAppClient();
        await client.SignInAsync(coordinator.Email!);
        return (coordinator, programId, cohortId, client);
    }

    [Fact]
    public async Task Each_pair_is_listed_with_its_health_and_the_reasons_it_is_at_risk()
    {
        var (_, programId, cohortId, client) = await CohortAsync();
        using var _client = client;
        var thriving = await PairAsync(cohortId, "Tess Thriving", "Theo Thriving", 60, active: true);
        var quiet = await PairAsync(cohortId, "Quinn Quiet", "Quentin Quiet", 60, active: false);

        var page = await client.GetAsync($"/Programs/{programId}/Cohorts/{cohortId}");

        var rows = page.Document.QuerySelectorAll("#connections tbody tr").ToDictionary(r => int.Parse(r.GetAttribute("data-mentorship")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("On track", rows[thriving].QuerySelector(".health")!.TextContent);
        Assert.Contains("1 of 4", rows[thriving].TextContent);
        Assert.Contains("5.0 of 5", rows[thriving].TextContent);
        var risk = rows[quiet].QuerySelector(".health")!.TextContent;
        Assert.Contains("At risk", risk);
        Assert.Contains("No meeting held in the 60 days since it started (expected every 14 days)", risk);
        Assert.Contains("No goal set or updated in the 60 days since it started", risk);
        Assert.Contains("None scheduled", rows[quiet].TextContent);
        Assert.NotNull(rows[quiet].QuerySelector($"a[href='/Mentorships/{quiet}']"));
        Assert.Equal(2, rows[quiet].QuerySelectorAll("a[href^='/Enrollments/']").Length);

        var atRisk = await client.GetAsync($"/Programs/{programId}/Cohorts/{cohortId}?show=at-risk");
        Assert.Equal([quiet.ToString(System.Globalization.CultureInfo.InvariantCulture)], atRisk.Document.QuerySelectorAll("#connections tbody tr").Select(r => r.GetAttribute("data-mentorship")));
        var program = await client.GetAsync($"/Programs/{programId}/Connections?show=at-risk");
        Assert.Contains("Quinn Quiet & Quentin Quiet", program.Document.QuerySelector("#connections tbody")!.TextContent);
        Assert.DoesNotContain("Tess Thriving", program.Document.QuerySelector("#connections tbody")!.TextContent);
        Assert.Contains("1 at risk", (await client.GetAsync($"/Programs/{programId}")).Document.QuerySelector("#connections-link")!.TextContent);
    }

    [Fact]
    public async Task A_meeting_saved_after_the_coordinator_looked_shows_on_the_next_look()
    {
        var (_, programId, cohortId, client) = await CohortAsync();
        using var _client = client;
        var quiet = await PairAsync(cohortId, "Quinn Later", "Quentin Later", 60, active: false);
        var before = await client.GetAsync($"/Programs/{programId}/Connections");
        Assert.Contains("No meeting held in the 60 days", Row(before, quiet));

        await app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var members = await db.MentorshipMembers.Where(m => m.MentorshipId == quiet).Select(m => m.UserId).ToListAsync();
            var meeting = new Meeting(quiet, now.AddDays(-1), 45, Modality.Virtual, null, null, null, members[0]);
            meeting.LogAsHeld("Caught up at last", members, [], members[0], now);
            db.Meetings.Add(meeting);
            return await db.SaveChangesAsync();
        });

        var after = await client.GetAsync($"/Programs/{programId}/Connections");
        Assert.DoesNotContain("No meeting held", Row(after, quiet));
        Assert.Contains("1 of", Row(after, quiet));
    }

    private static string Row(Page page, int mentorshipId) =>
        page.Document.QuerySelector($"#connections tbody tr[data-mentorship='{mentorshipId}']")!.TextContent;

    [Fact]
    public async Task Nudging_at_risk_pairs_mails_their_members_with_the_reasons_and_not_again_within_a_week()
    {
        var (_, programId, cohortId, client) = await CohortAsync();
        using var _client = client;
        await PairAsync(cohortId, "Tom Thriving", "Tina Thriving", 60, active: true);
        var quiet = await PairAsync(cohortId, "Nora Quiet", "Ned Quiet", 60, active: false);
        var page = await client.GetAsync($"/Programs/{programId}/Cohorts/{cohortId}");

        var nudged = await client.FollowAsync(await client.SubmitAsync(page, new Dictionary<string, string>(), "#connections form[action*='handler=NudgeAtRisk']"));

        Assert.Contains("1 pair nudged", nudged.Text);
        var mail = await app.WithDbAsync(db => db.Notifications.Where(n => n.DedupeKey.StartsWith($"nudge:coordinator:mentorship:{quiet}:")).ToListAsync());
        Assert.Equal(2, mail.Count);
        Assert.All(mail, m => Assert.Contains("No meeting held in the 60 days since it started", m.HtmlBody));
        Assert.Equal(0, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.DedupeKey.StartsWith("nudge:coordinator:") && n.RecipientEmail.StartsWith("tom.thriving"))));
        Assert.Contains("Nudged", nudged.Document.QuerySelector($"#connections tr[data-mentorship='{quiet}']")!.TextContent);

        var again = await client.FollowAsync(await client.SubmitAsync(nudged, new Dictionary<string, string>(), "#connections form[action*='handler=NudgeAtRisk']"));
        Assert.Contains("0 pairs nudged", again.Text);
        Assert.Contains("1 nudged less than a week ago was left alone", again.Text);
        Assert.Equal(2, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.DedupeKey.StartsWith($"nudge:coordinator:mentorship:{quiet}:"))));
    }

    [Fact]
    public async Task A_pairs_own_nudge_form_posts_to_the_page_it_is_on()
    {
        var (_, programId, cohortId, client) = await CohortAsync();
        using var _client = client;
        var first = await PairAsync(cohortId, "Rhea Row", "Rob Row", 60, active: false);
        var second = await PairAsync(cohortId, "Sal Second", "Sid Second", 60, active: false);

        foreach (var (url, mentorshipId) in new[] { ($"/Programs/{programId}/Cohorts/{cohortId}", first), ($"/Programs/{programId}/Connections", second) })
        {
            var page = await client.GetAsync(url);
            var form = page.Document.QuerySelector($"#connections tr[data-mentorship='{mentorshipId}'] form")!;
            Assert.Equal($"{url}?handler=Nudge", form.GetAttribute("action"));
            Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));

            var nudged = await client.FollowAsync(await client.SubmitAsync(page, new Dictionary<string, string>(), $"#connections tr[data-mentorship='{mentorshipId}'] form"));

            Assert.Contains("Nudged", Row(nudged, mentorshipId));
            Assert.Equal(2, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.DedupeKey.StartsWith($"nudge:coordinator:mentorship:{mentorshipId}:"))));
        }
    }

    [Fact]
    public async Task A_pair_of_another_cohort_cannot_be_nudged_from_this_one()
    {
        var (_, programId, cohortId, client) = await CohortAsync();
        using var _client = client;
        var otherProgram = await app.CreateProgramAsync((await app.CreateUserAsync(null, Roles.Coordinator)).Id);
        var foreign = await PairAsync(await app.CreateCohortAsync(otherProgram), "Fay Foreign", "Finn Foreign", 60, active: false);
        var page = await client.GetAsync($"/Programs/{programId}/Cohorts/{cohortId}");
        var token = page.AntiforgeryToken;

        var response = await client.Http.PostAsync($"/Programs/{programId}/Cohorts/{cohortId}?handler=Nudge",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["mentorshipId"] = foreign.ToString(System.Globalization.CultureInfo.InvariantCulture), ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.Mentorships.Where(m => m.Id == foreign).Select(m => m.LastNudgedAtUtc).SingleAsync()));
    }
}

[Collection(AppCollection.Name)]
public class ConnectionsQueryCountTests(MentorHubAppFactory app)
{
    [Fact]
    public async Task The_connections_list_runs_the_same_queries_for_25_and_500_pairs()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        using var client = app.CreateAppClient();
        await client.SignInAsync(coordinator.Email!);

        async Task<(int Cohort, int Program)> MeasureAsync(int pairs)
        {
            var programId = await app.CreateProgramAsync(coordinator.Id);
            var cohortId = await app.CreateCohortAsync(programId, opensInDays: -100, closesInDays: -80);
            await app.CreatePairsAsync(cohortId, pairs);
            var cohort = await app.Queries.MeasureAsync(() => client.GetAsync($"/Programs/{programId}/Cohorts/{cohortId}?show=at-risk"));
            var program = await app.Queries.MeasureAsync(() => client.GetAsync($"/Programs/{programId}/Connections"));
            return (cohort, program);
        }

        var small = await MeasureAsync(25);
        var large = await MeasureAsync(500);

        Assert.True(small.Cohort > 0);
        Assert.Equal(small, large);
    }
}
