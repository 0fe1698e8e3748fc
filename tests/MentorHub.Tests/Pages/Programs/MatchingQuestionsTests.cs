using System.Globalization;
using System.Net;
using MentorHub.Core.Domain;
using MentorHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Tests.Pages.Programs;

/// <summary>Matching questions with deal-breakers, and conflicts of interest: pairs that are never proposed.</summary>
public partial class MatchingTests
{
    [Fact]
    public async Task A_question_added_from_an_empty_form_and_answered_on_profiles_keeps_a_deal_breaker_pair_apart_and_explains_the_score()
    {
        var setup = await CohortAsync(ProgramFormat.OneToOne);
        var expert = await EnrollWithAsync(setup.CohortId, "Quick Expert", EnrollmentRole.Mentor, 5);
        var steady = await EnrollWithAsync(setup.CohortId, "Steady Mentor", EnrollmentRole.Mentor, 3);
        var mentee = await EnrollWithAsync(setup.CohortId, "Slow Mentee", EnrollmentRole.Mentee, 1);
        using var client = await CoordinatorClientAsync(setup);
        var questionsUrl = $"/Programs/{setup.ProgramId}/Questions";

        var empty = await client.GetAsync(questionsUrl);
        Assert.Contains("No matching questions yet", empty.Text);
        var refused = await client.SubmitAsync(empty, new Dictionary<string, string> { ["Input.Text"] = "Working style", ["Input.Kind"] = "SingleChoice", ["Input.Options"] = "Only one" }, "#add-question");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var form = await client.FollowAsync(refused);
        Assert.Contains("Give 2 to 8 options, one per line.", form.Errors);
        Assert.Equal("Working style", form.InputValue("Input.Text"));

        var added = await client.FollowAsync(await client.SubmitAsync(empty, new Dictionary<string, string>
        {
            ["Input.Text"] = "How fast do you like to learn?",
            ["Input.Kind"] = "Scale",
            ["Input.Weight"] = "4",
            ["Input.DealBreakerBelow"] = "50",
        }, "#add-question"));
        Assert.Contains("“How fast do you like to learn?” added.", added.Text);
        var questionId = await app.WithDbAsync(db => db.MatchQuestions.Where(q => q.ProgramId == setup.ProgramId).Select(q => q.Id).SingleAsync());

        // Each answers on their matching profile: the expert is four points from the mentee, the steady mentor one.
        foreach (var (enrollment, point) in new[] { (expert, "5"), (steady, "2"), (mentee, "1") })
        {
            var profile = await client.GetAsync($"/Enrollments/{enrollment}/Profile");
            Assert.Contains("How fast do you like to learn?", profile.Document.QuerySelector("#matching-questions")!.TextContent);
            var saved = await client.SubmitAsync(profile, new Dictionary<string, string> { [$"Input.Answers[{questionId}]"] = point }, "form:has(#matching-questions)");
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        Assert.Equal("1", (await app.WithDbAsync(db => db.MatchAnswers.Where(a => a.QuestionId == questionId && a.EnrollmentId == mentee).Select(a => a.Values).SingleAsync())));

        var page = await client.GetAsync(setup.Url);
        var row = Assert.Single(page.Document.QuerySelectorAll("#accept-form tbody tr"));
        Assert.Contains("Steady Mentor", row.TextContent);
        Assert.Contains("How fast do you like to learn?", row.TextContent);
        Assert.Contains("75% agreement", row.TextContent);

        // With the steady mentor forbidden, the mentee is left out rather than paired across the deal-breaker.
        using var forbid = new FormUrlEncodedContent([new("__RequestVerificationToken", page.AntiforgeryToken)]);
        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.PostAsync($"{setup.Url}?handler=Forbid&menteeId={mentee}&mentorId={steady}", forbid)).StatusCode);
        var kept = await client.GetAsync(setup.Url);
        Assert.Empty(kept.Document.QuerySelectorAll("#accept-form tbody tr"));
        Assert.Contains("Every mentor with a place is ruled out for them: 1 pairing is forbidden by a coordinator; 1 breaks a deal-breaker in the matching questions.", kept.Text);

        var questions = await client.GetAsync(questionsUrl);
        Assert.Contains("answered by 3", questions.Document.QuerySelector("#questions")!.TextContent);
        var reweighted = await client.FollowAsync(await client.SubmitAsync(questions, new Dictionary<string, string> { ["weight"] = "6", ["dealBreakerBelow"] = "" }, "#questions form"));
        Assert.Contains("now weighs 6, with no deal-breaker", reweighted.Text);
        Assert.Contains("Quick Expert", (await client.GetAsync(setup.Url)).Document.QuerySelector("#accept-form")!.TextContent);
        using var remove = new FormUrlEncodedContent([new("questionId", questionId.ToString(CultureInfo.InvariantCulture)), new("__RequestVerificationToken", questions.AntiforgeryToken)]);
        var removed = await client.FollowAsync(await client.Http.PostAsync($"{questionsUrl}?handler=Remove", remove));
        Assert.Contains("removed, with its answers.", removed.Text);
        Assert.False(await app.WithDbAsync(db => db.MatchAnswers.AnyAsync(a => a.QuestionId == questionId)));
    }

    [Fact]
    public async Task A_dry_run_tries_another_weight_for_a_question_and_adopting_it_sets_the_questions_weight()
    {
        var (setup, expert, neighbour, mentee, client) = await TwoWaysAsync();
        using var _ = client;
        var questionId = await app.WithDbAsync(async db =>
        {
            var program = await db.Programs.Include(p => p.Questions).SingleAsync(p => p.Id == setup.ProgramId);
            var question = program.AddQuestion(new MatchQuestion("How fast do you like to learn?", QuestionKind.Scale, [], 0, null));
            await db.SaveChangesAsync();
            foreach (var (id, point) in new[] { (expert, 5), (neighbour, 1), (mentee, 1) })
            {
                var enrollment = await db.Enrollments.Include(e => e.Answers).SingleAsync(e => e.Id == id);
                enrollment.Answer(question, [point]);
            }
            await db.SaveChangesAsync();
            return question.Id;
        });
        var page = await client.GetAsync(setup.Url);
        Assert.Contains("Ezra Expert", page.Document.QuerySelector("#accept-form")!.TextContent);
        Assert.Equal("0", page.InputValue($"Input.QuestionWeights[{questionId}]"));

        var run = RunIdOf(await client.SubmitAsync(page, new Dictionary<string, string> { [$"Input.QuestionWeights[{questionId}]"] = "10" }, "#dry-run-form"));
        var shown = await client.GetAsync($"{setup.Url}?run={run}");
        Assert.Contains("Nell Neighbour", shown.Document.QuerySelector("#accept-form")!.TextContent);
        Assert.Contains("questions: How fast do you like to learn? 10", shown.Document.QuerySelector("#run-banner")!.TextContent);
        Assert.Equal("10", shown.InputValue($"Input.QuestionWeights[{questionId}]"));
        Assert.Equal(0, await app.WithDbAsync(db => db.MatchQuestions.Where(q => q.Id == questionId).Select(q => q.Weight).SingleAsync()));

        var runs = await client.GetAsync($"/Programs/{setup.ProgramId}/Cohorts/{setup.CohortId}/Matching/Runs");
        Assert.Contains("“How fast do you like to learn?” 10", runs.Document.QuerySelector("#runs")!.TextContent);

        await client.SubmitAsync(shown, new Dictionary<string, string>(), "form[action*='handler=AdoptSettings']");
        Assert.Equal(10, await app.WithDbAsync(db => db.MatchQuestions.Where(q => q.Id == questionId).Select(q => q.Weight).SingleAsync()));
        Assert.Contains("Nell Neighbour", (await client.GetAsync(setup.Url)).Document.QuerySelector("#accept-form")!.TextContent);
    }

    [Fact]
    public async Task A_ranking_answer_must_order_every_option_once_and_a_bad_one_keeps_the_form()
    {
        var setup = await CohortAsync(ProgramFormat.OneToOne);
        var mentee = await EnrollWithAsync(setup.CohortId, "Rita Ranker", EnrollmentRole.Mentee, 1);
        var questionId = await app.WithDbAsync(async db =>
        {
            var program = await db.Programs.Include(p => p.Questions).SingleAsync(p => p.Id == setup.ProgramId);
            var question = program.AddQuestion(new MatchQuestion("What matters most in a mentor", QuestionKind.Ranked, ["Patience", "Expertise", "Humour"], 2, null));
            await db.SaveChangesAsync();
            return question.Id;
        });
        using var client = await CoordinatorClientAsync(setup);
        var profile = await client.GetAsync($"/Enrollments/{mentee}/Profile");
        var name = $"Input.Answers[{questionId}]";

        using var twice = new FormUrlEncodedContent([new(name, "1"), new(name, "1"), new(name, "0"), new("Input.Version", profile.InputValue("Input.Version")!), new("__RequestVerificationToken", profile.AntiforgeryToken)]);
        var refused = await client.Http.PostAsync($"/Enrollments/{mentee}/Profile", twice);
        var page = new Page(refused, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Rank every option of “What matters most in a mentor” once, from 1 to 3.", page.Errors);
        Assert.False(await app.WithDbAsync(db => db.MatchAnswers.AnyAsync(a => a.EnrollmentId == mentee)));

        using var ordered = new FormUrlEncodedContent([new(name, "1"), new(name, "2"), new(name, "0"), new("Input.Version", profile.InputValue("Input.Version")!), new("__RequestVerificationToken", profile.AntiforgeryToken)]);
        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.PostAsync($"/Enrollments/{mentee}/Profile", ordered)).StatusCode);
        Assert.Equal("1,2,0", await app.WithDbAsync(db => db.MatchAnswers.Where(a => a.EnrollmentId == mentee).Select(a => a.Values).SingleAsync()));
        var shown = await client.GetAsync($"/Enrollments/{mentee}/Profile");
        Assert.Equal("Expertise", shown.Document.QuerySelector($"#q-{questionId}-rank-0 option[selected]")!.TextContent);
    }

    [Fact]
    public async Task A_line_manager_and_an_earlier_mentor_of_the_program_are_never_proposed()
    {
        var setup = await CohortAsync(ProgramFormat.OneToOne);
        var manager = await app.CreateUserAsync("Mae Manager");
        var earlier = await app.CreateUserAsync("Earl Earlier");
        var fresh = await app.CreateUserAsync("Fern Fresh");
        var mentee = await app.CreateUserAsync("Tom Technician");
        await app.WithDbAsync(async db =>
        {
            var boss = new StaffMember($"M-{Guid.NewGuid():N}"[..12], new StaffDetails("Mae Manager", null, "Central", null, CareerStage.Senior, null, null, null), DateTime.UtcNow);
            boss.LinkTo(manager.Id);
            var report = new StaffMember($"T-{Guid.NewGuid():N}"[..12], new StaffDetails("Tom Technician", null, "Central", null, CareerStage.EarlyCareer, null, null, null, boss.StaffNumber), DateTime.UtcNow);
            report.LinkTo(mentee.Id);
            db.StaffMembers.AddRange(boss, report);
            return await db.SaveChangesAsync();
        });

        // Earl mentored Tom in an earlier cohort of this program.
        var before = await app.CreateCohortAsync(setup.ProgramId, "Cohort before");
        var earlierMentor = await EnrollUserAsync(before, earlier, EnrollmentRole.Mentor, 5);
        var earlierMentee = await EnrollUserAsync(before, mentee, EnrollmentRole.Mentee, 1);
        using var client = await CoordinatorClientAsync(setup);
        var beforePage = await client.GetAsync($"/Programs/{setup.ProgramId}/Cohorts/{before}/Matching");
        await client.SubmitAsync(beforePage, new Dictionary<string, string> { ["accept"] = $"{earlierMentee}:{earlierMentor}" }, "#accept-form");
        Assert.True(await app.WithDbAsync(db => db.Mentorships.AnyAsync(m => m.CohortId == before)));

        await EnrollUserAsync(setup.CohortId, manager, EnrollmentRole.Mentor, 5);
        await EnrollUserAsync(setup.CohortId, earlier, EnrollmentRole.Mentor, 5);
        var freshId = await EnrollUserAsync(setup.CohortId, fresh, EnrollmentRole.Mentor, 2);
        var menteeId = await EnrollUserAsync(setup.CohortId, mentee, EnrollmentRole.Mentee, 1);

        var page = await client.GetAsync(setup.Url);
        Assert.Equal($"{menteeId}:{freshId}", Assert.Single(page.Document.QuerySelectorAll("#accept-form input[name='accept']")).GetAttribute("value"));

        // Pinned to his manager, Tom is still not paired with her: the page says why.
        var pinned = await client.FollowAsync(await client.SubmitAsync(page, new Dictionary<string, string>
        {
            ["menteeId"] = menteeId.ToString(CultureInfo.InvariantCulture),
            ["mentorId"] = (await app.WithDbAsync(db => db.Enrollments.Where(e => e.CohortId == setup.CohortId && e.UserId == manager.Id).Select(e => e.Id).SingleAsync())).ToString(CultureInfo.InvariantCulture),
        }, "#manual-form"));
        Assert.Contains("Tom Technician is pinned to Mae Manager, but they cannot be matched: Mae Manager is Tom Technician's line manager. The pin is left out.", pinned.Text);
        Assert.DoesNotContain("Mae Manager", pinned.Document.QuerySelector("#accept-form")!.TextContent);
    }
}
