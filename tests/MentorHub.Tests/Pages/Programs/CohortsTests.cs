using System.Net;
using MentorHub.Core.Domain;
using MentorHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Tests.Pages.Programs;

[Collection(AppCollection.Name)]
public class CohortsTests(MentorHubAppFactory app)
{
    [Fact]
    public async Task A_cohort_is_created_with_its_dates_and_enrollment_window()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var programId = await app.CreateProgramAsync(coordinator.Id);
        using var client = app.CreateAppClient();
        await client.SignInAsync(coordinator.Email!);

        var response = await client.SubmitAsync($"/Programs/{programId}/Cohorts/Create", new Dictionary<string, string>
        {
            ["Input.Name"] = "Spring 2027",
            ["Input.EnrollmentOpensOn"] = "2027-01-04",
            ["Input.EnrollmentClosesOn"] = "2027-01-31",
            ["Input.StartsOn"] = "2027-02-08",
            ["Input.EndsOn"] = "2027-08-06",
        });

        var page = await client.FollowAsync(response);
        Assert.Contains("Spring 2027", page.Text);
        Assert.Contains("8 Feb 2027 – 6 Aug 2027", page.Text);
        Assert.Contains("Nobody is enrolled yet.", page.Text);
    }

    [Fact]
    public async Task Impossible_dates_re_render_with_messages_and_keep_the_input()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var programId = await app.CreateProgramAsync(coordinator.Id);
        using var client = app.CreateAppClient();
        await client.SignInAsync(coordinator.Email!);

        var page = await client.FollowAsync(await client.SubmitAsync($"/Programs/{programId}/Cohorts/Create", new Dictionary<string, string>
        {
            ["Input.Name"] = "Backwards",
            ["Input.EnrollmentOpensOn"] = "2027-03-01",
            ["Input.EnrollmentClosesOn"] = "2027-02-01",
            ["Input.StartsOn"] = "2027-02-08",
            ["Input.EndsOn"] = "2027-01-06",
        }));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("The cohort must end after it starts.", page.Errors);
        Assert.Contains("Enrollment must close on or after it opens.", page.Errors);
        Assert.Equal("Backwards", page.InputValue("Input.Name"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Cohorts.CountAsync(c => c.ProgramId == programId)));
    }

    [Fact]
    public async Task The_participants_table_shows_training_readiness_and_filters_by_role()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var programId = await app.CreateProgramAsync(coordinator.Id);
        var cohortId = await app.CreateCohortAsync(programId);
        var moduleId = await app.WithDbAsync(async db =>
        {
            var program = await db.Programs.Include(p => p.TrainingModules).SingleAsync(p => p.Id == programId);
            program.AddTrainingModule(new TrainingModule("Mentoring basics", "## Listen first", null, 20, isRequired: true));
            await db.SaveChangesAsync();
            return program.TrainingModules.Single().Id;
        });
        var trained = await app.CreateUserAsync("Tara Trained");
        var untrained = await app.CreateUserAsync("Uma Untrained");
        var mentee = await app.CreateUserAsync("Milo Mentee");
        await app.EnrollAsync(cohortId, trained.Id, EnrollmentRole.Mentor);
        await app.EnrollAsync(cohortId, untrained.Id, EnrollmentRole.Mentor);
        await app.EnrollAsync(cohortId, mentee.Id, EnrollmentRole.Mentee);
        await app.WithDbAsync(async db => { db.TrainingCompletions.Add(new TrainingCompletion(moduleId, trained.Id, DateTime.UtcNow)); return await db.SaveChangesAsync(); });
        using var client = app.CreateAppClient();
        await client.SignInAsync(coordinator.Email!);

        var all = await client.GetAsync($"/Programs/{programId}/Cohorts/{cohortId}");
        var rows = all.Document.QuerySelectorAll("tbody tr").ToDictionary(r => r.QuerySelector("th .fw-semibold")!.TextContent, r => r.TextContent);
        Assert.Contains("Ready", rows["Tara Trained"]);
        Assert.Contains("0 of 1 modules", rows["Uma Untrained"]);
        Assert.Equal(["Tara Trained", "Uma Untrained", "Milo Mentee"], rows.Keys);

        var mentors = await client.GetAsync($"/Programs/{programId}/Cohorts/{cohortId}?role=Mentor");
        Assert.Equal(2, mentors.Document.QuerySelectorAll("tbody tr").Length);
        var searched = await client.GetAsync($"/Programs/{programId}/Cohorts/{cohortId}?q=milo");
        Assert.Equal("Milo Mentee", Assert.Single(searched.Document.QuerySelectorAll("tbody tr .fw-semibold")).TextContent);
        // Filters combine, and the list keeps its order.
        var activeMentors = await client.GetAsync($"/Programs/{programId}/Cohorts/{cohortId}?role=Mentor&status=Active");
        Assert.Equal(["Tara Trained", "Uma Untrained"], activeMentors.Document.QuerySelectorAll("tbody tr .fw-semibold").Select(n => n.TextContent));
        Assert.Empty((await client.GetAsync($"/Programs/{programId}/Cohorts/{cohortId}?role=Mentee&q=uma")).Document.QuerySelectorAll("tbody tr"));
        var withdrawn = await client.GetAsync($"/Programs/{programId}/Cohorts/{cohortId}?status=Withdrawn");
        Assert.Contains("Nobody matches these filters.", withdrawn.Text);
    }

    [Fact]
    public async Task A_coordinator_plans_a_workshop_in_their_time_zone_and_bad_input_is_explained()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var programId = await app.CreateProgramAsync(coordinator.Id);
        var cohortId = await app.CreateCohortAsync(programId);
        using var client = app.CreateAppClient();
        await client.SignInAsync(coordinator.Email!);
        var url = $"/Programs/{programId}/Cohorts/{cohortId}/Workshops";

        var bad = await client.FollowAsync(await client.SubmitAsync(url, new Dictionary<string, string> { ["Input.Title"] = "", ["Input.Capacity"] = "0" }));
        Assert.Contains("Give the workshop a title.", bad.Errors);
        Assert.Contains("Room for 1 to 500 people.", bad.Errors);

        await client.SubmitAsync(url, new Dictionary<string, string> { ["Input.Title"] = "Cut-over rehearsal", ["Input.Date"] = "2027-07-01", ["Input.Time"] = "09:00" });

        // The test coordinator is in Europe/Berlin (UTC+2 in July).
        var stored = await app.WithDbAsync(db => db.Workshops.SingleAsync(w => w.CohortId == cohortId));
        Assert.Equal(new DateTime(2027, 7, 1, 7, 0, 0, DateTimeKind.Utc), stored.StartsAtUtc);
        Assert.Contains("Cut-over rehearsal", (await client.GetAsync(url)).Text);
    }

    [Fact]
    public async Task A_cohort_of_another_program_is_404_even_for_a_coordinator_of_this_one()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var mine = await app.CreateProgramAsync(coordinator.Id);
        var theirs = await app.CreateProgramAsync((await app.CreateUserAsync(null, Roles.Coordinator)).Id);
        var theirCohort = await app.CreateCohortAsync(theirs);
        using var client = app.CreateAppClient();
        await client.SignInAsync(coordinator.Email!);

        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/Programs/{mine}/Cohorts/{theirCohort}")).StatusCode);
    }
}

[Collection(AppCollection.Name)]
public class CohortQueryCountTests(MentorHubAppFactory app)
{
    [Fact]
    public async Task The_cohort_page_and_matching_run_a_fixed_number_of_queries_whatever_the_cohort_size()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        using var client = app.CreateAppClient();
        await client.SignInAsync(coordinator.Email!);

        async Task<(int Page, int Matching)> MeasureAsync(int participants)
        {
            var programId = await app.CreateProgramAsync(coordinator.Id);
            var cohortId = await app.CreateCohortAsync(programId);
            for (var i = 0; i < participants; i++)
                await app.EnrollAsync(cohortId, (await app.CreateUserAsync($"P{i}", canSignIn: false)).Id, i % 4 == 0 ? EnrollmentRole.Mentor : EnrollmentRole.Mentee);
            var page = await app.Queries.MeasureAsync(() => client.GetAsync($"/Programs/{programId}/Cohorts/{cohortId}"));
            var matching = await app.Queries.MeasureAsync(() => client.GetAsync($"/Programs/{programId}/Cohorts/{cohortId}/Matching"));
            return (page, matching);
        }

        var small = await MeasureAsync(4);
        var large = await MeasureAsync(40);

        Assert.True(small.Page > 0);
        Assert.Equal(small, large);
    }
}
