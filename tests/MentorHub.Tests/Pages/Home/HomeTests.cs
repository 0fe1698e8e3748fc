using MentorHub.Core.Domain;
using MentorHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Tests.Pages.Home;

[Collection(AppCollection.Name)]
public class HomeTests(MentorHubAppFactory app)
{
    [Fact]
    public async Task A_mentor_sees_each_mentees_latest_activity_and_the_meetings_waiting_to_be_logged()
    {
        var mentor = await app.CreateUserAsync("Mara Mentor");
        var mentee = await app.CreateUserAsync("Theo Trainee");
        var mentorshipId = await app.CreateMentorshipAsync(mentor, mentee);
        await app.CreateMeetingAsync(mentorshipId, app.Clock.GetUtcNow().UtcDateTime.AddDays(-1), mentor.Id);
        await app.WithDbAsync(async db =>
        {
            var ownerId = await db.MentorshipMembers.Where(m => m.MentorshipId == mentorshipId && m.Role == MemberRole.Mentee).Select(m => m.Id).SingleAsync();
            var goal = new Goal(mentorshipId, ownerId, "Write the preservation plan", null, null, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(40), mentee.Id, DateTime.UtcNow);
            goal.RecordProgress(40, "First draft", mentee.Id, DateTime.UtcNow);
            db.Goals.Add(goal);
            return await db.SaveChangesAsync();
        });
        using var client = app.CreateAppClient();
        await client.SignInAsync(mentor.Email!);

        var home = await client.GetAsync("/");

        Assert.Contains("Latest: Theo Trainee reached 40% on “Write the preservation plan”", home.Document.QuerySelector("[aria-labelledby=mentorships-heading]")!.TextContent);
        Assert.Single(home.Document.QuerySelectorAll("[aria-labelledby=tolog-heading] li"));
    }
}

[Collection(AppCollection.Name)]
public class CoordinatorHomeTests(MentorHubAppFactory app)
{
    [Fact]
    public async Task A_coordinator_sees_what_needs_attention_each_linked_to_where_it_is_done()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var programId = await app.CreateProgramAsync(coordinator.Id, name: $"Attention {Guid.NewGuid():N}"[..20]);
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var (running, ended) = await app.WithDbAsync(async db =>
        {
            var runningCohort = new Cohort(programId, "Running", today.AddDays(-80), today.AddDays(100), today.AddDays(-120), today.AddDays(-85));
            var endedCohort = new Cohort(programId, "Last year", today.AddDays(-400), today.AddDays(-30), today.AddDays(-430), today.AddDays(-405));
            db.Cohorts.AddRange(runningCohort, endedCohort);
            await db.SaveChangesAsync();
            return (runningCohort.Id, endedCohort.Id);
        });
        await app.CreatePairsAsync(running, 1);
        await app.WithDbAsync(async db =>
        {
            // The pair has gone quiet: its only meeting was long ago.
            var meeting = await db.Meetings.SingleAsync(m => m.Mentorship!.CohortId == running);
            return await db.Meetings.Where(m => m.Id == meeting.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.StartsAtUtc, m => m.StartsAtUtc.AddDays(-35)));
        });
        await app.EnrollAsync(running, (await app.CreateUserAsync("Una Unmatched", canSignIn: false)).Id, EnrollmentRole.Mentee);
        await app.WithDbAsync(async db =>
        {
            var cohort = await db.Cohorts.SingleAsync(c => c.Id == running);
            db.Enrollments.Add(Enrollment.Apply(cohort, (await app.CreateUserAsync("Ari Applicant", canSignIn: false)).Id, EnrollmentRole.Mentee, cohort.EnrollmentOpensOn, DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });
        using var client = app.CreateAppClient();
        await client.SignInAsync(coordinator.Email!);

        var home = await client.GetAsync("/");

        var links = home.Document.QuerySelectorAll("#attention a").ToDictionary(a => a.TextContent.Trim(), a => a.GetAttribute("href"));
        Assert.Equal($"/Programs/{programId}/Cohorts/{running}?show=at-risk#connections", links["1 pair at risk"]);
        Assert.Equal($"/Programs/{programId}/Cohorts/{running}?status=Applied", links["1 application waiting"]);
        Assert.Equal($"/Programs/{programId}/Cohorts/{running}/Matching", links["1 participant not matched"]);
        Assert.Equal($"/Programs/{programId}/Cohorts/{ended}/Complete", Assert.Single(links, l => l.Key.StartsWith("ended on", StringComparison.Ordinal)).Value);
        Assert.Null(home.Document.QuerySelector("#meetings-heading"));
    }

    [Fact]
    public async Task A_coordinator_with_nothing_waiting_is_told_so()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        await app.CreateProgramAsync(coordinator.Id);
        using var client = app.CreateAppClient();
        await client.SignInAsync(coordinator.Email!);

        var home = await client.GetAsync("/");

        Assert.Contains("Nothing needs your attention", home.Document.QuerySelector("#attention")!.TextContent);
    }

    [Fact]
    public async Task The_coordinator_home_runs_the_same_queries_for_one_program_and_for_five()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        using var client = app.CreateAppClient();
        await client.SignInAsync(coordinator.Email!);
        async Task AddProgramAsync()
        {
            var programId = await app.CreateProgramAsync(coordinator.Id);
            var cohortId = await app.CreateCohortAsync(programId, opensInDays: -100, closesInDays: -80);
            await app.CreatePairsAsync(cohortId, 3);
            await app.EnrollAsync(cohortId, (await app.CreateUserAsync(null, canSignIn: false)).Id, EnrollmentRole.Mentee);
        }

        await AddProgramAsync();
        var one = await app.Queries.MeasureAsync(() => client.GetAsync("/"));
        for (var i = 0; i < 4; i++) await AddProgramAsync();
        var five = await app.Queries.MeasureAsync(() => client.GetAsync("/"));

        Assert.Equal(one, five);
    }
}
