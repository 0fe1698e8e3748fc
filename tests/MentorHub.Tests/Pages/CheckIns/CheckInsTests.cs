using System.Net;
using MentorHub.Core.Domain;
using MentorHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Tests.Pages.CheckIns;

[Collection(AppCollection.Name)]
public class CheckInsTests(MentorHubAppFactory app)
{
    private async Task<(AppUser Coordinator, AppUser Mentor, AppUser Mentee, int CheckInId, List<int> Competencies)> PendingCheckInAsync()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var mentor = await app.CreateUserAsync();
        var mentee = await app.CreateUserAsync();
        var mentorshipId = await app.CreateMentorshipAsync(mentor, mentee, coordinator.Id);
        return await app.WithDbAsync(async db =>
        {
            var memberId = await db.MentorshipMembers.Where(m => m.MentorshipId == mentorshipId && m.Role == MemberRole.Mentee).Select(m => m.Id).SingleAsync();
            var assessment = new Assessment(memberId, AssessmentKind.Baseline, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7));
            db.Assessments.Add(assessment);
            await db.SaveChangesAsync();
            var competencies = await db.Mentorships.Where(m => m.Id == mentorshipId).SelectMany(m => m.Cohort!.Program!.TargetCompetencies).Select(t => t.CompetencyId).ToListAsync();
            return (coordinator, mentor, mentee, assessment.Id, competencies);
        });
    }

    [Fact]
    public async Task The_mentee_submits_their_check_in_and_their_coordinator_can_read_it_but_their_mentor_gets_404()
    {
        var (coordinator, mentor, mentee, id, competencies) = await PendingCheckInAsync();
        using var menteeClient = app.CreateAppClient();
        await menteeClient.SignInAsync(mentee.Email!);
        Assert.NotNull((await menteeClient.GetAsync("/")).Document.QuerySelector($"#as-mentee .home-card a[href='/CheckIns/{id}']"));
        var fields = competencies.ToDictionary(c => $"Input.Proficiency[{c}]", _ => "2");
        fields["Input.Confidence"] = "3";
        fields["Input.JobSatisfaction"] = "4";
        fields["Input.Reflection"] = "Nervous about the new system";

        var saved = await menteeClient.SubmitAsync($"/CheckIns/{id}", fields);

        // Back to the mentorship, with a confirmation and the check-in listed there.
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var mentorshipId = await app.WithDbAsync(db => db.Assessments.Where(a => a.Id == id).Select(a => a.Member!.MentorshipId).SingleAsync());
        Assert.Equal($"/Mentorships/{mentorshipId}#check-ins", saved.Headers.Location!.OriginalString);
        var back = await menteeClient.FollowAsync(saved);
        Assert.Contains("check-in saved", back.Text);
        Assert.Contains($"/CheckIns/{id}", back.Document.QuerySelector("#check-ins")!.InnerHtml);
        var mine = await menteeClient.GetAsync($"/CheckIns/{id}");
        Assert.Equal("Your answers", mine.Document.QuerySelector("#answers-heading")!.TextContent);
        Assert.Contains("In your words", mine.Text);
        var stored = await app.WithDbAsync(db => db.Assessments.Include(a => a.Scores).SingleAsync(a => a.Id == id));
        Assert.Equal((3, 4), (stored.Confidence, stored.JobSatisfaction));
        Assert.Equal(competencies.Count, stored.Scores.Count);

        using var coordinatorClient = app.CreateAppClient();
        await coordinatorClient.SignInAsync(coordinator.Email!);
        var theirs = await coordinatorClient.GetAsync($"/CheckIns/{id}");
        Assert.Contains("Nervous about the new system", theirs.Text);
        Assert.Contains("In their words", theirs.Text);

        using var mentorClient = app.CreateAppClient();
        await mentorClient.SignInAsync(mentor.Email!);
        Assert.Equal(HttpStatusCode.NotFound, (await mentorClient.Http.GetAsync($"/CheckIns/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_check_in_missing_ratings_re_renders_with_messages_and_keeps_the_text()
    {
        var (_, _, mentee, id, _) = await PendingCheckInAsync();
        using var client = app.CreateAppClient();
        await client.SignInAsync(mentee.Email!);

        var page = await client.FollowAsync(await client.SubmitAsync($"/CheckIns/{id}", new Dictionary<string, string> { ["Input.Reflection"] = "Half done" }));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(page.Errors, e => e.StartsWith("Rate yourself on ", StringComparison.Ordinal));
        Assert.Equal("true", page.Document.QuerySelector("input[name^='Input.Proficiency']")!.GetAttribute("aria-invalid"));
        Assert.Contains("Rate your confidence from 1 to 5.", page.Errors);
        Assert.Equal("Half done", page.Document.QuerySelector("textarea[name='Input.Reflection']")!.TextContent);
        Assert.Null(await app.WithDbAsync(db => db.Assessments.Where(a => a.Id == id).Select(a => a.SubmittedAtUtc).SingleAsync()));
    }

    [Fact]
    public async Task A_coordinator_cannot_submit_someone_elses_check_in_and_an_outsider_gets_404()
    {
        var (coordinator, _, _, id, competencies) = await PendingCheckInAsync();
        using var coordinatorClient = app.CreateAppClient();
        await coordinatorClient.SignInAsync(coordinator.Email!);
        Assert.Null((await coordinatorClient.GetAsync($"/CheckIns/{id}")).Document.QuerySelector("main form"));

        var outsider = await app.CreateUserAsync();
        using var client = app.CreateAppClient();
        await client.SignInAsync(outsider.Email!);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/CheckIns/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_member_sees_their_check_ins_and_growth_on_the_mentorship_page_their_mentor_sees_none_and_coordinators_reach_everyones()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var mentor = await app.CreateUserAsync();
        var mentee = await app.CreateUserAsync();
        var mentorshipId = await app.CreateMentorshipAsync(mentor, mentee, coordinator.Id, running: true);
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var (baseline, exit, competencies) = await app.WithDbAsync(async db =>
        {
            var memberId = await db.MentorshipMembers.Where(m => m.MentorshipId == mentorshipId && m.Role == MemberRole.Mentee).Select(m => m.Id).SingleAsync();
            var first = new Assessment(memberId, AssessmentKind.Baseline, today.AddDays(-30));
            var last = new Assessment(memberId, AssessmentKind.Exit, today);
            db.Assessments.AddRange(first, last);
            await db.SaveChangesAsync();
            var ids = await db.Mentorships.Where(m => m.Id == mentorshipId).SelectMany(m => m.Cohort!.Program!.TargetCompetencies).Select(t => t.CompetencyId).ToListAsync();
            return (first.Id, last.Id, ids);
        });
        using var menteeClient = app.CreateAppClient();
        await menteeClient.SignInAsync(mentee.Email!);
        foreach (var (id, level, confidence) in new[] { (baseline, "2", "2"), (exit, "4", "4") })
        {
            var fields = competencies.ToDictionary(c => $"Input.Proficiency[{c}]", _ => level);
            fields["Input.Confidence"] = confidence;
            fields["Input.JobSatisfaction"] = "3";
            await menteeClient.SubmitAsync($"/CheckIns/{id}", fields);
        }

        var page = await menteeClient.GetAsync($"/Mentorships/{mentorshipId}");
        Assert.Equal(2, page.Document.QuerySelectorAll("#check-ins li a[href^='/CheckIns/']").Length);
        var growth = page.Document.QuerySelectorAll("#growth tbody tr").ToDictionary(r => r.QuerySelector("th")!.TextContent, r => r.QuerySelectorAll("td").Select(td => td.TextContent).ToList());
        Assert.Equal(["2", "4 (+2)"], growth["Confidence"]);
        Assert.Equal(["3", "3"], growth["Job satisfaction"]);
        Assert.Equal(competencies.Count + 2, growth.Count);

        using var mentorClient = app.CreateAppClient();
        await mentorClient.SignInAsync(mentor.Email!);
        Assert.Null((await mentorClient.GetAsync($"/Mentorships/{mentorshipId}")).Document.QuerySelector("#check-ins"));

        using var coordinatorClient = app.CreateAppClient();
        await coordinatorClient.SignInAsync(coordinator.Email!);
        var programId = await app.WithDbAsync(db => db.Mentorships.Where(m => m.Id == mentorshipId).Select(m => m.Cohort!.ProgramId).SingleAsync());
        var link = (await coordinatorClient.GetAsync($"/Programs/{programId}/Connections")).Document.QuerySelector($"tr[data-mentorship='{mentorshipId}'] a[href='/Mentorships/{mentorshipId}#check-ins']");
        Assert.NotNull(link);
        var asCoordinator = await coordinatorClient.GetAsync($"/Mentorships/{mentorshipId}");
        Assert.Equal(2, asCoordinator.Document.QuerySelectorAll("#check-ins li").Length);
        Assert.Null(asCoordinator.Document.QuerySelector("#growth"));
    }
}
