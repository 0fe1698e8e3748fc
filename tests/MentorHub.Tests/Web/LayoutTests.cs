using MentorHub.Core.Domain;
using MentorHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Tests.Web;

[Collection(AppCollection.Name)]
public class LayoutTests(MentorHubAppFactory app)
{
    [Fact]
    public async Task The_navigation_marks_the_current_section_by_whole_path_segments()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var cohortId = await app.CreateCohortAsync(await app.CreateProgramAsync(coordinator.Id));
        var person = await app.CreateUserAsync();
        var enrollmentId = await app.EnrollAsync(cohortId, person.Id, EnrollmentRole.Mentee);
        using var client = app.CreateAppClient();
        await client.SignInAsync(person.Email!);

        string? JoinTab(Page page) => page.Document.QuerySelector("a.nav-link[href='/Enroll']")!.GetAttribute("aria-current");

        Assert.Equal("page", JoinTab(await client.GetAsync("/Enroll")));
        var profile = await client.GetAsync($"/Enrollments/{enrollmentId}/Profile");
        Assert.Equal(System.Net.HttpStatusCode.OK, profile.Response.StatusCode);
        Assert.Equal("false", JoinTab(profile));
    }

    [Fact]
    public async Task The_coordinators_home_counts_in_words_that_agree_with_the_number()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var programId = await app.CreateProgramAsync(coordinator.Id);
        var cohortId = await app.CreateCohortAsync(programId);
        var applicant = await app.CreateUserAsync(null, canSignIn: false);
        await app.WithDbAsync(async db =>
        {
            var cohort = await db.Cohorts.SingleAsync(c => c.Id == cohortId);
            db.Enrollments.Add(Enrollment.Apply(cohort, applicant.Id, EnrollmentRole.Mentee, DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime), app.Clock.GetUtcNow().UtcDateTime));
            return await db.SaveChangesAsync();
        });
        using var client = app.CreateAppClient();
        await client.SignInAsync(coordinator.Email!);

        var home = await client.GetAsync("/");

        Assert.Contains("0 active mentorships · 1 current or upcoming cohort · 1 application waiting", home.Text);
    }
}
