using System.Globalization;
using System.Net;
using MentorHub.Core.Domain;
using MentorHub.Tests.Infrastructure;
using MentorHub.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MentorHub.Tests.Pages.Programs;

/// <summary>The app on its own clock, which the expiry tests move on.</summary>
public sealed class ChoiceAppFactory : MentorHubAppFactory;

/// <summary>Mentees choosing their mentor: shortlists, requests, answers, expiry, approval, and ranked choices for the coordinator's matching.</summary>
public class MenteeChoiceTests(ChoiceAppFactory app) : IClassFixture<ChoiceAppFactory>
{
    private sealed record World(AppUser Coordinator, int ProgramId, int CohortId, string CohortPath,
        AppUser Ace, int AceId, AppUser Bea, int BeaId, AppUser Mia, int MiaId, AppUser Ned, int NedId);

    /// <summary>
    /// A one-to-one cohort: Ace covers the mentees' wanted competency fully (level 5), Bea partly (4); each has one
    /// place. Mia and Ned are mentees at level 1. The coordinator sets how mentees are matched through the page.
    /// </summary>
    private async Task<World> WorldAsync(string mode, int shortlist = 2, int days = 5)
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var programId = await app.CreateProgramAsync(coordinator.Id);
        var cohortId = await app.CreateCohortAsync(programId);
        async Task<(AppUser, int)> Enroll(string name, EnrollmentRole role, int level)
        {
            var user = await app.CreateUserAsync(name);
            var id = await app.WithDbAsync(async db =>
            {
                var competencyId = await db.Programs.Where(p => p.Id == programId).SelectMany(p => p.TargetCompetencies).Select(t => t.CompetencyId).FirstAsync();
                var enrollment = Enrollment.Enroll(cohortId, user.Id, role, DateTime.UtcNow);
                enrollment.SetCompetency(competencyId, role is EnrollmentRole.Mentor ? CompetencyInterest.Expertise : CompetencyInterest.Development, level);
                db.Enrollments.Add(enrollment);
                await db.SaveChangesAsync();
                return enrollment.Id;
            });
            return (user, id);
        }
        var (ace, aceId) = await Enroll($"Ace {Guid.NewGuid():N}"[..12], EnrollmentRole.Mentor, 5);
        var (bea, beaId) = await Enroll($"Bea {Guid.NewGuid():N}"[..12], EnrollmentRole.Mentor, 4);
        var (mia, miaId) = await Enroll($"Mia {Guid.NewGuid():N}"[..12], EnrollmentRole.Mentee, 1);
        var (ned, nedId) = await Enroll($"Ned {Guid.NewGuid():N}"[..12], EnrollmentRole.Mentee, 1);
        var world = new World(coordinator, programId, cohortId, $"/Programs/{programId}/Cohorts/{cohortId}", ace, aceId, bea, beaId, mia, miaId, ned, nedId);

        using var client = await ClientAsync(coordinator);
        var page = await client.GetAsync($"{world.CohortPath}/Choice");
        var saved = await client.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Input.Mode"] = mode,
            ["Input.ShortlistSize"] = shortlist.ToString(CultureInfo.InvariantCulture),
            ["Input.RequestDays"] = days.ToString(CultureInfo.InvariantCulture),
        }, "#choice-form");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        return world;
    }

    private async Task<AppClient> ClientAsync(AppUser user)
    {
        var client = app.CreateAppClient();
        await client.SignInAsync(user.Email!);
        return client;
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private Task<MentorRequest> RequestOfAsync(int menteeId) =>
        app.WithDbAsync(db => db.MentorRequests.AsNoTracking().OrderBy(r => r.Id).LastAsync(r => r.MenteeEnrollmentId == menteeId));

    private static async Task<HttpResponseMessage> AskAsync(AppClient client, Page shortlist, int mentorId, string note = "") =>
        await client.SubmitAsync(shortlist, new Dictionary<string, string> { ["Note"] = note }, $"#mentor-{mentorId} form");

    [Fact]
    public async Task A_mentee_asks_a_mentor_from_their_shortlist_the_mentor_accepts_and_the_coordinators_approval_makes_the_mentorship()
    {
        var w = await WorldAsync("Request");
        Assert.Equal((MenteeChoiceMode.Request, 2, 5), await app.WithDbAsync(db => db.Cohorts.Where(c => c.Id == w.CohortId).Select(c => new { c.ChoiceMode, c.ShortlistSize, c.RequestDays }).SingleAsync()) is var c ? (c.ChoiceMode, c.ShortlistSize, c.RequestDays) : default);

        using var mia = await ClientAsync(w.Mia);
        var home = await mia.GetAsync("/");
        Assert.Equal($"/Enrollments/{w.MiaId}/Shortlist", home.Document.QuerySelectorAll("a").Single(a => a.TextContent == "Choose your mentor").GetAttribute("href"));
        var shortlist = await mia.GetAsync($"/Enrollments/{w.MiaId}/Shortlist");
        var entries = shortlist.Document.QuerySelectorAll("#shortlist > li");
        Assert.Equal(2, entries.Length);
        Assert.Single(shortlist.Document.QuerySelectorAll("#shortlist .badge"), b => b.TextContent == "Suggested first");
        Assert.Contains("covers 1 of 1 wanted", entries[0].TextContent);

        var asked = await AskAsync(mia, shortlist, w.AceId, "I am moving to the new ILS and would value your help.");
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var request = await RequestOfAsync(w.MiaId);
        Assert.Equal((w.AceId, MentorRequestStatus.Pending, "I am moving to the new ILS and would value your help."), (request.MentorEnrollmentId, request.Status, request.Note));
        Assert.Equal(request.CreatedAtUtc.AddDays(5), request.ExpiresAtUtc);
        var toAce = await Mailbox.LatestToAsync(app, w.Ace.Email!);
        Assert.Contains(w.Mia.DisplayName, toAce.Subject);
        Assert.Equal($"/Enrollments/{w.AceId}/Requests", Mailbox.LinkIn(toAce));

        var waiting = await mia.GetAsync($"/Enrollments/{w.MiaId}/Shortlist");
        Assert.Contains(w.Ace.DisplayName, waiting.Document.QuerySelector("#request-status")!.TextContent);
        Assert.Null(waiting.Document.QuerySelector("#shortlist"));
        // One request at a time: a second one (from the page as it was) is refused.
        var second = await AskAsync(mia, shortlist, w.BeaId);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("You have already asked", await second.Content.ReadAsStringAsync());
        Assert.Equal(1, await app.WithDbAsync(db => db.MentorRequests.CountAsync(r => r.MenteeEnrollmentId == w.MiaId)));

        // Mia and Ace's place are left out of the coordinator's own proposal while the request is open.
        using var coordinator = await ClientAsync(w.Coordinator);
        var matching = await coordinator.GetAsync($"{w.CohortPath}/Matching");
        Assert.Contains("1 mentee has a request open", matching.Document.QuerySelector("#choice-mode")!.TextContent);
        var proposed = matching.Document.QuerySelector("#accept-form tbody")!.TextContent;
        Assert.DoesNotContain(w.Mia.DisplayName, proposed);
        Assert.DoesNotContain(w.Ace.DisplayName, proposed);
        Assert.Contains(w.Ned.DisplayName, proposed);

        using var ace = await ClientAsync(w.Ace);
        Assert.Contains("1 request waits", (await ace.GetAsync("/")).Document.QuerySelector("#mentee-requests")!.TextContent);
        var requests = await ace.GetAsync($"/Enrollments/{w.AceId}/Requests");
        var card = requests.Document.QuerySelector($"#request-{request.Id}")!;
        Assert.Contains("I am moving to the new ILS", card.TextContent);
        Assert.Contains("Competencies", card.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await ace.SubmitAsync(requests, new Dictionary<string, string>(), $"#request-{request.Id} form")).StatusCode);
        Assert.Equal(MentorRequestStatus.Accepted, (await RequestOfAsync(w.MiaId)).Status);
        Assert.Contains("accepted", (await Mailbox.LatestToAsync(app, w.Mia.Email!)).Subject);
        Assert.Contains("accepted", (await mia.GetAsync($"/Enrollments/{w.MiaId}/Shortlist")).Document.QuerySelector("#request-status")!.TextContent);

        var attention = (await coordinator.GetAsync("/")).Document.QuerySelectorAll("#attention a").Single(a => a.TextContent.Contains("accepted mentor request", StringComparison.Ordinal));
        Assert.Equal($"{w.CohortPath}/Choice#to-approve", attention.GetAttribute("href"));
        var choice = await coordinator.GetAsync($"{w.CohortPath}/Choice");
        var toApprove = choice.Document.QuerySelector($"#request-{request.Id}")!;
        Assert.Contains(w.Mia.DisplayName, toApprove.TextContent);
        var approved = await coordinator.FollowAsync(await coordinator.SubmitAsync(choice, new Dictionary<string, string>(), $"#request-{request.Id} form[action*='handler=Approve']"));
        Assert.Contains("are matched", approved.Text);
        var made = await app.WithDbAsync(db => db.MentorRequests.AsNoTracking().Where(r => r.Id == request.Id)
            .Select(r => new { r.Status, r.MentorshipId, Members = db.MentorshipMembers.Where(m => m.MentorshipId == r.MentorshipId).Select(m => m.EnrollmentId).OrderBy(i => i).ToList() }).SingleAsync());
        Assert.Equal(MentorRequestStatus.Approved, made.Status);
        Assert.Equal(new[] { w.AceId, w.MiaId }.Order(), made.Members);
        Assert.Contains(w.Ace.DisplayName, (await Mailbox.LatestToAsync(app, w.Mia.Email!)).TextBody);
        Assert.Contains("You have been matched", (await mia.GetAsync($"/Enrollments/{w.MiaId}/Shortlist")).Text);
        Assert.True(await app.WithDbAsync(db => db.Assessments.AnyAsync(a => a.Member!.MentorshipId == made.MentorshipId)));
    }

    [Fact]
    public async Task A_decline_brings_the_next_suggestion_and_the_mentor_who_declined_is_not_shown_again()
    {
        var w = await WorldAsync("Request", shortlist: 1);
        using var mia = await ClientAsync(w.Mia);
        var shortlist = await mia.GetAsync($"/Enrollments/{w.MiaId}/Shortlist");
        var first = int.Parse(shortlist.Document.QuerySelector("#shortlist input[name='mentorId']")!.GetAttribute("value")!, CultureInfo.InvariantCulture);
        await AskAsync(mia, shortlist, first);
        var request = await RequestOfAsync(w.MiaId);

        var mentor = first == w.AceId ? w.Ace : w.Bea;
        using var client = await ClientAsync(mentor);
        var requests = await client.GetAsync($"/Enrollments/{first}/Requests");
        var declined = await client.SubmitAsync(requests, new Dictionary<string, string> { ["reason"] = "I am away for two months." }, $"#request-{request.Id} details form");
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        var answer = await app.WithDbAsync(db => db.MentorRequests.Where(r => r.Id == request.Id).Select(r => new { r.Status, r.Reply }).SingleAsync());
        Assert.Equal((MentorRequestStatus.Declined, "I am away for two months."), (answer.Status, answer.Reply));
        Assert.Contains("I am away for two months.", (await Mailbox.LatestToAsync(app, w.Mia.Email!)).TextBody);

        var next = await mia.GetAsync($"/Enrollments/{w.MiaId}/Shortlist");
        var shown = next.Document.QuerySelectorAll("#shortlist input[name='mentorId']").Select(i => int.Parse(i.GetAttribute("value")!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal([first == w.AceId ? w.BeaId : w.AceId], shown);
        Assert.Contains("I am away for two months.", next.Document.QuerySelector("#ended-requests")!.TextContent);
        // A request for the mentor who declined, from the old page, is refused with the message kept.
        var again = await AskAsync(mia, shortlist, first, "Please reconsider.");
        var page = await again.Content.ReadAsStringAsync();
        Assert.Contains("is not on your shortlist any more", page);
        Assert.Contains("Please reconsider.", page);
        Assert.Equal(1, await app.WithDbAsync(db => db.MentorRequests.CountAsync(r => r.MenteeEnrollmentId == w.MiaId)));
    }

    [Fact]
    public async Task An_unanswered_request_expires_and_returns_the_mentee_to_the_pool()
    {
        var w = await WorldAsync("Request", days: 3);
        using var mia = await ClientAsync(w.Mia);
        await AskAsync(mia, await mia.GetAsync($"/Enrollments/{w.MiaId}/Shortlist"), w.AceId);
        var request = await RequestOfAsync(w.MiaId);
        app.Clock.Advance(TimeSpan.FromDays(3).Add(TimeSpan.FromMinutes(1)));
        // Past its date the mentor can no longer answer (the page lists it as expired), even before the hourly sweep has run.
        using var ace = await ClientAsync(w.Ace);
        var requests = await ace.GetAsync($"/Enrollments/{w.AceId}/Requests");
        Assert.Null(requests.Document.QuerySelector($"#request-{request.Id}"));
        Assert.Contains("Expired: not answered in time", requests.Document.QuerySelector("#answered-requests")!.TextContent);
        var late = await ace.FollowAsync(await ace.Http.PostAsync($"/Enrollments/{w.AceId}/Requests?handler=Answer", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = requests.AntiforgeryToken,
            ["requestId"] = Id(request.Id),
            ["accept"] = "true",
            ["version"] = request.Version.ToString(),
        })));
        Assert.Contains("has expired", late.Text);
        Assert.Equal(MentorRequestStatus.Pending, (await RequestOfAsync(w.MiaId)).Status);
        using var coordinator = await ClientAsync(w.Coordinator);
        Assert.Contains(w.Mia.DisplayName, (await coordinator.GetAsync($"{w.CohortPath}/Matching")).Document.QuerySelector("#accept-form tbody")!.TextContent);

        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ExpireMentorRequestsJob>().RunAsync(CancellationToken.None);
        Assert.Equal(MentorRequestStatus.Expired, (await RequestOfAsync(w.MiaId)).Status);
        Assert.Contains("did not answer your request in time", (await Mailbox.LatestToAsync(app, w.Mia.Email!)).TextBody);
        using var miaLater = await ClientAsync(w.Mia);
        var back = await miaLater.GetAsync($"/Enrollments/{w.MiaId}/Shortlist");
        Assert.Null(back.Document.QuerySelector("#open-request"));
        Assert.Equal([Id(w.BeaId)], back.Document.QuerySelectorAll("#shortlist input[name='mentorId']").Select(i => i.GetAttribute("value")));
        Assert.Contains("did not answer in time", back.Document.QuerySelector("#ended-requests")!.TextContent);
    }

    [Fact]
    public async Task A_returned_request_sends_the_mentee_back_to_choose_and_a_stale_request_for_a_taken_place_is_refused()
    {
        var w = await WorldAsync("Request");
        using var ned = await ClientAsync(w.Ned);
        var nedsPage = await ned.GetAsync($"/Enrollments/{w.NedId}/Shortlist");
        using var mia = await ClientAsync(w.Mia);
        await AskAsync(mia, await mia.GetAsync($"/Enrollments/{w.MiaId}/Shortlist"), w.AceId);
        // Ace's one place is held by Mia's request: Ned's page from before cannot take it.
        var stale = await AskAsync(ned, nedsPage, w.AceId);
        Assert.Contains("is not on your shortlist any more", await stale.Content.ReadAsStringAsync());
        Assert.Equal([Id(w.BeaId)], (await ned.GetAsync($"/Enrollments/{w.NedId}/Shortlist")).Document.QuerySelectorAll("#shortlist input[name='mentorId']").Select(i => i.GetAttribute("value")));

        var request = await RequestOfAsync(w.MiaId);
        using var ace = await ClientAsync(w.Ace);
        await ace.SubmitAsync(await ace.GetAsync($"/Enrollments/{w.AceId}/Requests"), new Dictionary<string, string>(), $"#request-{request.Id} form");
        using var coordinator = await ClientAsync(w.Coordinator);
        var choice = await coordinator.GetAsync($"{w.CohortPath}/Choice");
        var returned = await coordinator.SubmitAsync(choice, new Dictionary<string, string> { ["reason"] = "Ace is Mia's line manager's partner." }, $"#request-{request.Id} details form");
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        Assert.Equal(MentorRequestStatus.Returned, (await RequestOfAsync(w.MiaId)).Status);
        Assert.Contains(await Mailbox.AllToAsync(app, w.Mia.Email!), m => (m.TextBody ?? "").Contains("line manager's partner", StringComparison.Ordinal));
        Assert.False(await app.WithDbAsync(db => db.Mentorships.AnyAsync(m => m.CohortId == w.CohortId)));
        // Ace's place is free again (Ned sees him) but not for Mia.
        Assert.Contains(Id(w.AceId), (await ned.GetAsync($"/Enrollments/{w.NedId}/Shortlist")).Document.QuerySelectorAll("#shortlist input[name='mentorId']").Select(i => i.GetAttribute("value")));
        Assert.DoesNotContain(Id(w.AceId), (await mia.GetAsync($"/Enrollments/{w.MiaId}/Shortlist")).Document.QuerySelectorAll("#shortlist input[name='mentorId']").Select(i => i.GetAttribute("value")));
    }

    [Fact]
    public async Task Ranked_choices_are_saved_from_the_shortlist_and_count_in_the_coordinators_matching()
    {
        var w = await WorldAsync("Rank");
        using var coordinator = await ClientAsync(w.Coordinator);
        string Proposed(Page page) => page.Document.QuerySelectorAll("#accept-form tbody tr").Single(r => r.TextContent.Contains(w.Mia.DisplayName, StringComparison.Ordinal)).TextContent;
        Assert.Contains(w.Ace.DisplayName, Proposed(await coordinator.GetAsync($"{w.CohortPath}/Matching")));

        using var mia = await ClientAsync(w.Mia);
        var home = await mia.GetAsync("/");
        Assert.Contains(home.Document.QuerySelectorAll("a"), a => a.TextContent == "Rank your mentors");
        var shortlist = await mia.GetAsync($"/Enrollments/{w.MiaId}/Shortlist");
        Assert.Null(shortlist.Document.QuerySelector(".request-form"));
        var refused = await mia.SubmitAsync(shortlist, new Dictionary<string, string> { ["Ranking[0]"] = Id(w.BeaId), ["Ranking[1]"] = Id(w.BeaId) }, "#rank-form");
        Assert.Contains("Choose each mentor once.", (await mia.FollowAsync(refused)).Text);
        var saved = await mia.SubmitAsync(shortlist, new Dictionary<string, string> { ["Ranking[0]"] = Id(w.BeaId), ["Ranking[1]"] = Id(w.AceId) }, "#rank-form");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"{w.BeaId},{w.AceId}", await app.WithDbAsync(db => db.Enrollments.Where(e => e.Id == w.MiaId).Select(e => e.RankedMentors).SingleAsync()));
        Assert.Equal(Id(w.BeaId), (await mia.GetAsync($"/Enrollments/{w.MiaId}/Shortlist")).Document.QuerySelector("#rank-0 option[selected]")!.GetAttribute("value"));

        var matching = await coordinator.GetAsync($"{w.CohortPath}/Matching");
        var row = Proposed(matching);
        Assert.Contains(w.Bea.DisplayName, row);
        Assert.Contains("the mentee's 1st choice of 2", row);
        Assert.Contains("1 of 2 mentees", (await coordinator.GetAsync($"{w.CohortPath}/Choice")).Document.QuerySelector("#ranked-count")!.TextContent);
    }

    [Fact]
    public async Task Choice_settings_are_checked_and_peer_and_group_programs_keep_the_coordinator_matching()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var groupProgram = await app.CreateProgramAsync(coordinator.Id, ProgramFormat.Group);
        var groupCohort = await app.CreateCohortAsync(groupProgram);
        var oneToOne = await app.CreateProgramAsync(coordinator.Id);
        var cohort = await app.CreateCohortAsync(oneToOne);
        using var client = await ClientAsync(coordinator);

        var group = await client.GetAsync($"/Programs/{groupProgram}/Cohorts/{groupCohort}/Choice");
        Assert.Null(group.Document.QuerySelector("#choice-form"));
        var forced = await client.Http.PostAsync($"/Programs/{groupProgram}/Cohorts/{groupCohort}/Choice", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = (await client.GetAsync($"/Programs/{oneToOne}/Cohorts/{cohort}/Choice")).AntiforgeryToken,
            ["Input.Mode"] = "Request",
            ["Input.ShortlistSize"] = "3",
            ["Input.RequestDays"] = "7",
        }));
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        Assert.Contains("peer and group programs are matched by the coordinator", await forced.Content.ReadAsStringAsync());
        Assert.Equal(MenteeChoiceMode.None, await app.WithDbAsync(db => db.Cohorts.Where(c => c.Id == groupCohort).Select(c => c.ChoiceMode).SingleAsync()));

        var page = await client.GetAsync($"/Programs/{oneToOne}/Cohorts/{cohort}/Choice");
        var invalid = await client.SubmitAsync(page, new Dictionary<string, string> { ["Input.Mode"] = "Request", ["Input.ShortlistSize"] = "0", ["Input.RequestDays"] = "90" }, "#choice-form");
        var shown = await client.FollowAsync(invalid);
        Assert.Contains("A shortlist shows between 1 and 10 mentors.", shown.Errors);
        Assert.Contains("Give mentors between 1 and 60 days to answer.", shown.Errors);
        Assert.Equal("90", shown.InputValue("Input.RequestDays"));
        Assert.Equal(MenteeChoiceMode.None, await app.WithDbAsync(db => db.Cohorts.Where(c => c.Id == cohort).Select(c => c.ChoiceMode).SingleAsync()));
    }

    [Fact]
    public async Task Shortlists_requests_and_the_choice_page_are_not_found_for_anyone_else()
    {
        var w = await WorldAsync("Request");
        using var mia = await ClientAsync(w.Mia);
        await AskAsync(mia, await mia.GetAsync($"/Enrollments/{w.MiaId}/Shortlist"), w.AceId);
        var request = await RequestOfAsync(w.MiaId);
        var other = await WorldAsync("Request");

        using var ned = await ClientAsync(w.Ned);
        Assert.Equal(HttpStatusCode.NotFound, (await ned.Http.GetAsync($"/Enrollments/{w.MiaId}/Shortlist")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ned.Http.GetAsync($"/Enrollments/{w.AceId}/Requests")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ned.Http.GetAsync($"{w.CohortPath}/Choice")).StatusCode);
        using var bea = await ClientAsync(w.Bea);
        var beas = await bea.GetAsync($"/Enrollments/{w.BeaId}/Requests");
        Assert.Contains("No mentee is waiting", beas.Text);
        // Bea cannot answer the request made to Ace, nor Mia's coordinator's colleague approve it from another cohort.
        var answer = await bea.Http.PostAsync($"/Enrollments/{w.BeaId}/Requests?handler=Answer", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = beas.AntiforgeryToken,
            ["requestId"] = Id(request.Id),
            ["accept"] = "true",
            ["version"] = request.Version.ToString(),
        }));
        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        using var otherCoordinator = await ClientAsync(other.Coordinator);
        var otherChoice = await otherCoordinator.GetAsync($"{other.CohortPath}/Choice");
        var approve = await otherCoordinator.Http.PostAsync($"{other.CohortPath}/Choice?handler=Approve", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = otherChoice.AntiforgeryToken,
            ["requestId"] = Id(request.Id),
            ["version"] = request.Version.ToString(),
        }));
        Assert.Equal(HttpStatusCode.NotFound, approve.StatusCode);
        Assert.Equal(MentorRequestStatus.Pending, (await RequestOfAsync(w.MiaId)).Status);
    }

    [Fact]
    public async Task A_mentor_who_leaves_the_cohort_ends_the_requests_to_them_and_the_mentee_chooses_again()
    {
        var w = await WorldAsync("Request");
        using var mia = await ClientAsync(w.Mia);
        await AskAsync(mia, await mia.GetAsync($"/Enrollments/{w.MiaId}/Shortlist"), w.AceId);

        using var coordinator = await ClientAsync(w.Coordinator);
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var withdrawn = await coordinator.SubmitAsync($"{w.CohortPath}/Participants/{w.AceId}/Withdraw",
            new Dictionary<string, string> { ["Input.Reason"] = "Moved to the county archive", ["Input.WithdrawnOn"] = today });
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);

        var request = await RequestOfAsync(w.MiaId);
        Assert.Equal((MentorRequestStatus.Cancelled, $"{w.Ace.DisplayName} left the cohort."), (request.Status, request.Reply));
        var again = await mia.GetAsync($"/Enrollments/{w.MiaId}/Shortlist");
        Assert.Null(again.Document.QuerySelector("#open-request"));
        Assert.Equal([Id(w.BeaId)], again.Document.QuerySelectorAll("#shortlist input[name='mentorId']").Select(i => i.GetAttribute("value")));
        Assert.Contains("left the cohort", again.Document.QuerySelector("#ended-requests")!.TextContent);
    }
}
