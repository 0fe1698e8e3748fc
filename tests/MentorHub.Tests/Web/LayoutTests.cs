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

    [Fact]
    public async Task Join_a_program_is_in_the_navigation_of_participants_not_of_coordinators_or_administrators()
    {
        foreach (var (roles, shown) in new[] { (Array.Empty<string>(), true), ([Roles.Coordinator], false), ([Roles.Administrator], false) })
        {
            var person = await app.CreateUserAsync(null, roles);
            using var client = app.CreateAppClient();
            await client.SignInAsync(person.Email!);
            Assert.Equal(shown, (await client.GetAsync("/Messages")).Document.QuerySelector("nav a.nav-link[href='/Enroll']") is not null);
        }
    }

    [Fact]
    public async Task Participants_read_why_they_were_matched_without_scores_and_the_calendar_link_is_for_members_of_scheduled_meetings()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var mentor = await app.CreateUserAsync("Rhea Reason");
        var mentee = await app.CreateUserAsync("Sol Score");
        var mentorshipId = await app.CreateMentorshipAsync(mentor, mentee, coordinator.Id);
        await app.WithDbAsync(db => db.Mentorships.Where(m => m.Id == mentorshipId).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.MatchScore, 15.5).SetProperty(m => m.MatchExplanation, "Expertise 10.5: shares cataloguing; Branch 5: same branch")));
        var scheduled = await app.CreateMeetingAsync(mentorshipId, app.Clock.GetUtcNow().UtcDateTime.AddDays(4), mentor.Id);
        var held = await app.CreateMeetingAsync(mentorshipId, app.Clock.GetUtcNow().UtcDateTime.AddHours(-3), mentor.Id);
        using var member = app.CreateAppClient();
        await member.SignInAsync(mentee.Email!);
        await member.SubmitAsync($"/Meetings/{held}/Log", new Dictionary<string, string> { ["Input.Held"] = "true" });
        using var looker = app.CreateAppClient();
        await looker.SignInAsync(coordinator.Email!);

        var asMember = (await member.GetAsync($"/Mentorships/{mentorshipId}")).Document.QuerySelector("#match-reason")!;
        Assert.Equal("Why you were matched", asMember.QuerySelector("summary")!.TextContent);
        Assert.Equal("Expertise: shares cataloguing; Branch: same branch", asMember.QuerySelector("p")!.TextContent);
        var asCoordinator = (await looker.GetAsync($"/Mentorships/{mentorshipId}")).Document.QuerySelector("#match-reason")!;
        Assert.Equal("Why they were matched (score 15.5)", asCoordinator.QuerySelector("summary")!.TextContent);
        Assert.Contains("Expertise 10.5:", asCoordinator.TextContent);

        Assert.NotNull((await member.GetAsync($"/Meetings/{scheduled}")).Document.QuerySelector("#add-to-calendar"));
        Assert.Null((await member.GetAsync($"/Meetings/{held}")).Document.QuerySelector("#add-to-calendar"));
        Assert.Null((await looker.GetAsync($"/Meetings/{scheduled}")).Document.QuerySelector("#add-to-calendar"));
    }

    [Fact]
    public async Task A_coordinator_editing_someones_matching_profile_reads_about_them_not_you()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var cohortId = await app.CreateCohortAsync(await app.CreateProgramAsync(coordinator.Id));
        var mentor = await app.CreateUserAsync("Tia Teacher");
        var enrollmentId = await app.EnrollAsync(cohortId, mentor.Id, EnrollmentRole.Mentor);
        using var client = app.CreateAppClient();
        await client.SignInAsync(coordinator.Email!);

        var page = await client.GetAsync($"/Enrollments/{enrollmentId}/Profile");

        Assert.Contains("What Tia Teacher can mentor on", page.Document.QuerySelectorAll("legend").Select(l => l.TextContent));
        Assert.DoesNotContain("What you can mentor on", page.Text);
    }
}
