using System.Net;
using MentorHub.Core.Domain;
using MentorHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Tests.Pages.Programs;

/// <summary>The program's "what went well" page: findings from past mentorships, and their suggestion tried as a dry run.</summary>
[Collection(AppCollection.Name)]
public class LearningTests(MentorHubAppFactory app)
{
    /// <summary>
    /// A one-to-one program whose past cohort had twelve pairs: the better a mentor covered the mentee's competency, the
    /// more meetings the pair held. A new cohort is open for matching.
    /// </summary>
    private async Task<(AppUser Coordinator, int ProgramId, int NextCohortId)> ProgramWithHistoryAsync()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var programId = await app.CreateProgramAsync(coordinator.Id);
        var pastCohort = await app.CreateCohortAsync(programId, "Past", opensInDays: -300, closesInDays: -250);
        var nextCohort = await app.CreateCohortAsync(programId, "Next");
        var people = new List<(AppUser Mentor, AppUser Mentee, int Level)>();
        for (var i = 0; i < 12; i++) people.Add((await app.CreateUserAsync(), await app.CreateUserAsync(), 2 + i % 4));
        await app.WithDbAsync(async db =>
        {
            var competencyId = await db.Programs.Where(p => p.Id == programId).SelectMany(p => p.TargetCompetencies).Select(t => t.CompetencyId).FirstAsync();
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var startedOn = DateOnly.FromDateTime(now).AddDays(-120);
            foreach (var (mentorUser, menteeUser, level) in people)
            {
                var mentor = Enrollment.Enroll(pastCohort, mentorUser.Id, EnrollmentRole.Mentor, now.AddDays(-130));
                mentor.SetCompetency(competencyId, CompetencyInterest.Expertise, level);
                var mentee = Enrollment.Enroll(pastCohort, menteeUser.Id, EnrollmentRole.Mentee, now.AddDays(-130));
                mentee.SetCompetency(competencyId, CompetencyInterest.Development, 1);
                db.Enrollments.AddRange(mentor, mentee);
                await db.SaveChangesAsync();
                var mentorship = new Mentorship(pastCohort, now.AddDays(-121), 50, "Matched by the coordinator");
                mentorship.AddMember(mentor, MemberRole.Mentor, startedOn);
                mentorship.AddMember(mentee, MemberRole.Mentee, startedOn);
                mentorship.Activate(startedOn);
                db.Mentorships.Add(mentorship);
                await db.SaveChangesAsync();
                for (var k = 0; k < level * 2; k++)
                {
                    var meeting = new Meeting(mentorship.Id, now.AddDays(-115 + k * 10), 60, Modality.Virtual, null, null, null, mentorUser.Id);
                    meeting.LogAsHeld("Worked through the backlog.", [mentorUser.Id, menteeUser.Id], [competencyId], mentorUser.Id, now);
                    db.Meetings.Add(meeting);
                }
            }
            return await db.SaveChangesAsync();
        });
        return (coordinator, programId, nextCohort);
    }

    [Fact]
    public async Task Past_pairs_show_which_criterion_went_with_good_relationships_and_the_suggestion_is_tried_as_a_dry_run_that_changes_nothing()
    {
        var (coordinator, programId, nextCohort) = await ProgramWithHistoryAsync();
        using var client = app.CreateAppClient();
        await client.SignInAsync(coordinator.Email!);

        var page = await client.GetAsync($"/Programs/{programId}/Learning");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("From 12 past mentorships", page.Text);
        var competency = page.Document.QuerySelector("#finding-competency")!;
        Assert.Contains("n = 12", competency.TextContent);
        Assert.Contains("Pairs that scored higher here went better.", competency.TextContent);
        Assert.Equal("10", competency.QuerySelector("td.fw-bold.text-primary")!.FirstChild!.TextContent.Trim());
        Assert.Contains("Too few pairs, or every pair the same", page.Document.QuerySelector("#finding-availability")!.TextContent);

        var tried = await client.SubmitAsync(page, new Dictionary<string, string>(), "#try-suggestion form");
        Assert.Equal(HttpStatusCode.Redirect, tried.StatusCode);
        Assert.StartsWith($"/Programs/{programId}/Cohorts/{nextCohort}/Matching", tried.Headers.Location!.OriginalString);
        var run = await app.WithDbAsync(db => db.MatchRuns.AsNoTracking().SingleAsync(r => r.CohortId == nextCohort));
        Assert.Equal((10, 2, 1, 2), (run.Settings.Competency, run.Settings.Availability, run.Settings.Modality, run.Settings.CareerStage));
        Assert.Equal(5, await app.WithDbAsync(db => db.Programs.Where(p => p.Id == programId).Select(p => p.MatchWeights.Competency).SingleAsync()));
    }

    [Fact]
    public async Task A_program_without_history_says_so_and_group_programs_are_not_covered()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var fresh = await app.CreateProgramAsync(coordinator.Id);
        var group = await app.CreateProgramAsync(coordinator.Id, ProgramFormat.Group);
        using var client = app.CreateAppClient();
        await client.SignInAsync(coordinator.Email!);

        Assert.NotNull((await client.GetAsync($"/Programs/{fresh}/Learning")).Document.QuerySelector("#no-history"));
        Assert.Contains("covers one-to-one and reverse programs", (await client.GetAsync($"/Programs/{group}/Learning")).Text);
    }
}
