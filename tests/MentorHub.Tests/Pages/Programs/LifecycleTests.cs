using System.Net;
using MentorHub.Core.Domain;
using MentorHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Tests.Pages.Programs;

/// <summary>A program and its cohorts from running to completed and archived, and what each state refuses.</summary>
[Collection(AppCollection.Name)]
public class LifecycleTests(MentorHubAppFactory app)
{
    private sealed record Pair(AppUser Coordinator, int ProgramId, int CohortId, int MentorshipId, AppUser Mentor, AppUser Mentee);

    private async Task<Pair> PairAsync()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var mentor = await app.CreateUserAsync();
        var mentee = await app.CreateUserAsync();
        var mentorshipId = await app.CreateMentorshipAsync(mentor, mentee, coordinator.Id, running: true);
        var (programId, cohortId) = await app.WithDbAsync(db => db.Mentorships.Where(m => m.Id == mentorshipId)
            .Select(m => new ValueTuple<int, int>(m.Cohort!.ProgramId, m.CohortId)).SingleAsync());
        return new Pair(coordinator, programId, cohortId, mentorshipId, mentor, mentee);
    }

    private async Task<AppClient> SignedInAsync(AppUser user)
    {
        var client = app.CreateAppClient();
        await client.SignInAsync(user.Email!);
        return client;
    }

    private DateOnly Today => app.UsersToday;

    [Fact]
    public async Task Archiving_is_refused_while_mentorships_run_and_the_page_offers_to_complete_the_cohort()
    {
        var pair = await PairAsync();
        using var client = await SignedInAsync(pair.Coordinator);

        var page = await client.GetAsync($"/Programs/{pair.ProgramId}/Archive");
        Assert.Contains("cannot be archived yet", page.Document.QuerySelector("#archive-blocked")!.TextContent);
        Assert.NotNull(page.Document.QuerySelector($"#archive-blocked a[href='/Programs/{pair.ProgramId}/Cohorts/{pair.CohortId}/Complete']"));
        Assert.Empty(page.Document.QuerySelectorAll("main form[method=post]"));

        var version = await app.WithDbAsync(db => db.Programs.Where(p => p.Id == pair.ProgramId).Select(p => p.Version).SingleAsync());
        var refused = await client.FollowAsync(await client.Http.PostAsync($"/Programs/{pair.ProgramId}/Archive", await FormAsync(client, $"/Programs/{pair.ProgramId}", new() { ["Version"] = version.ToString() })));
        Assert.Contains("1 mentorship is still running", refused.Text);
        Assert.Equal(ProgramStatus.Active, await StatusAsync(pair.ProgramId));
    }

    [Fact]
    public async Task Completing_a_cohort_ends_its_mentorships_completes_its_people_and_opens_exit_check_ins()
    {
        var pair = await PairAsync();
        var applicant = await app.CreateUserAsync();
        var applicationId = await app.WithDbAsync(async db =>
        {
            var cohort = await db.Cohorts.SingleAsync(c => c.Id == pair.CohortId);
            // Applied while enrollment was open and never decided.
            var application = Enrollment.Apply(cohort, applicant.Id, EnrollmentRole.Mentee, cohort.EnrollmentClosesOn, DateTime.UtcNow);
            db.Enrollments.Add(application);
            await db.SaveChangesAsync();
            return application.Id;
        });
        var laterExit = await app.WithDbAsync(async db =>
        {
            var member = await db.MentorshipMembers.SingleAsync(m => m.MentorshipId == pair.MentorshipId && m.UserId == pair.Mentee.Id);
            var exit = new Assessment(member.Id, AssessmentKind.Exit, Today.AddDays(120));
            db.Assessments.Add(exit);
            await db.SaveChangesAsync();
            return exit.Id;
        });
        using var client = await SignedInAsync(pair.Coordinator);
        var url = $"/Programs/{pair.ProgramId}/Cohorts/{pair.CohortId}/Complete";

        var preview = await client.GetAsync(url);
        Assert.Contains("ends its 1 running mentorship", preview.Text);
        Assert.Contains("declines 1 application", preview.Text);
        var done = await client.FollowAsync(await client.SubmitAsync(preview, new Dictionary<string, string>()));

        Assert.Contains("1 mentorship ended, 2 participants completed, 1 waiting application declined. 1 exit check-in open now.", done.Text);
        Assert.NotNull(done.Document.QuerySelector("#cohort-completed"));
        var (mentorship, enrollments, exitDue, applicationStatus, completedOn) = await app.WithDbAsync(async db => (
            await db.Mentorships.SingleAsync(m => m.Id == pair.MentorshipId),
            await db.Enrollments.Where(e => e.CohortId == pair.CohortId && e.Id != applicationId).Select(e => e.Status).ToListAsync(),
            await db.Assessments.Where(a => a.Id == laterExit).Select(a => a.DueOn).SingleAsync(),
            await db.Enrollments.Where(e => e.Id == applicationId).Select(e => e.Status).SingleAsync(),
            await db.Cohorts.Where(c => c.Id == pair.CohortId).Select(c => c.CompletedOn).SingleAsync()));
        Assert.Equal((MentorshipStatus.Closed, (MentorshipEndReason?)MentorshipEndReason.CohortCompleted), (mentorship.Status, mentorship.EndReason));
        Assert.All(enrollments, status => Assert.Equal(EnrollmentStatus.Completed, status));
        Assert.Equal(Today, exitDue);
        Assert.Equal(EnrollmentStatus.Declined, applicationStatus);
        Assert.Equal(Today, completedOn);
    }

    [Fact]
    public async Task A_completed_cohort_refuses_changes_from_any_of_its_pages()
    {
        var pair = await PairAsync();
        using var client = await SignedInAsync(pair.Coordinator);
        await client.SubmitAsync(await client.GetAsync($"/Programs/{pair.ProgramId}/Cohorts/{pair.CohortId}/Complete"), new Dictionary<string, string>());
        var invite = $"/Programs/{pair.ProgramId}/Cohorts/{pair.CohortId}/Invite";

        var response = await client.Http.PostAsync(invite, await FormAsync(client, $"/Programs/{pair.ProgramId}/Cohorts/{pair.CohortId}",
            new() { ["Input.Email"] = $"late-{Guid.NewGuid():N}@test.mentorhub.local", ["Input.Name"] = "Late Comer", ["Input.Role"] = "Mentee" }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("is read-only", (await client.FollowAsync(response)).Text);
        Assert.Equal(2, await app.WithDbAsync(db => db.Enrollments.CountAsync(e => e.CohortId == pair.CohortId)));
    }

    [Fact]
    public async Task An_archived_program_is_read_only_until_unarchived_and_returns_to_its_old_status()
    {
        var pair = await PairAsync();
        using var client = await SignedInAsync(pair.Coordinator);
        await client.SubmitAsync(await client.GetAsync($"/Programs/{pair.ProgramId}/Cohorts/{pair.CohortId}/Complete"), new Dictionary<string, string>());

        var archived = await client.FollowAsync(await client.SubmitAsync(await client.GetAsync($"/Programs/{pair.ProgramId}/Archive"), new Dictionary<string, string>()));
        Assert.Contains("is archived and read-only", archived.Text);
        Assert.Equal(ProgramStatus.Archived, await StatusAsync(pair.ProgramId));

        var details = await client.GetAsync($"/Programs/{pair.ProgramId}");
        Assert.NotNull(details.Document.QuerySelector("#archived-notice"));
        Assert.Null(details.Document.QuerySelector($"a[href='/Programs/{pair.ProgramId}/Edit']"));
        Assert.Null(details.Document.QuerySelector($"a[href='/Programs/{pair.ProgramId}/Cohorts/Create']"));
        var edit = await client.Http.GetAsync($"/Programs/{pair.ProgramId}/Edit");
        Assert.Equal($"/Programs/{pair.ProgramId}", edit.Headers.Location!.OriginalString);
        var newCohort = await client.Http.PostAsync($"/Programs/{pair.ProgramId}/Cohorts/Create", await FormAsync(client, $"/Programs/{pair.ProgramId}",
            new() { ["Input.Name"] = "After archive", ["Input.StartsOn"] = "2030-01-01", ["Input.EndsOn"] = "2030-06-01", ["Input.EnrollmentOpensOn"] = "2029-12-01", ["Input.EnrollmentClosesOn"] = "2029-12-20" }));
        Assert.Contains("archived and read-only", (await client.FollowAsync(newCohort)).Text);
        Assert.False(await app.WithDbAsync(db => db.Cohorts.AnyAsync(c => c.ProgramId == pair.ProgramId && c.Name == "After archive")));

        var back = await client.FollowAsync(await client.SubmitAsync(details, new Dictionary<string, string>(), $"form[action$='handler=Unarchive']"));
        Assert.Contains("is back: active and editable again", back.Text);
        Assert.Equal(ProgramStatus.Active, await StatusAsync(pair.ProgramId));
    }

    [Fact]
    public async Task A_program_cannot_be_completed_while_mentorships_run_and_can_after_its_cohorts_complete()
    {
        var pair = await PairAsync();
        using var client = await SignedInAsync(pair.Coordinator);
        var details = await client.GetAsync($"/Programs/{pair.ProgramId}");

        var refused = await client.FollowAsync(await client.SubmitAsync(details, new Dictionary<string, string>(), "form[action$='handler=Complete']"));
        Assert.Contains("1 mentorship is still running", refused.Text);
        Assert.Equal(ProgramStatus.Active, await StatusAsync(pair.ProgramId));

        await client.SubmitAsync(await client.GetAsync($"/Programs/{pair.ProgramId}/Cohorts/{pair.CohortId}/Complete"), new Dictionary<string, string>());
        var completed = await client.FollowAsync(await client.SubmitAsync(await client.GetAsync($"/Programs/{pair.ProgramId}"), new Dictionary<string, string>(), "form[action$='handler=Complete']"));
        Assert.Contains("is completed", completed.Text);
        Assert.Equal(ProgramStatus.Completed, await StatusAsync(pair.ProgramId));
    }

    [Fact]
    public async Task The_format_is_locked_once_anyone_is_matched_and_other_fields_stay_editable()
    {
        var pair = await PairAsync();
        using var client = await SignedInAsync(pair.Coordinator);
        var edit = await client.GetAsync($"/Programs/{pair.ProgramId}/Edit");
        Assert.Contains("The format is fixed: 1 mentorship already follow", edit.Document.QuerySelector("#format-hint")!.TextContent);
        Assert.Null(edit.Document.QuerySelector("select#Input_Format"));

        var forced = await client.SubmitAsync(edit, new Dictionary<string, string> { ["Input.Format"] = "Group", ["Input.Description"] = "Changed while locked" });
        var page = await client.FollowAsync(forced);
        Assert.Contains(page.Errors, e => e.Contains("The format cannot change once people are matched", StringComparison.Ordinal));
        var stored = await app.WithDbAsync(db => db.Programs.SingleAsync(p => p.Id == pair.ProgramId));
        Assert.Equal(ProgramFormat.OneToOne, stored.Format);
        Assert.NotEqual("Changed while locked", stored.Description);

        var saved = await client.SubmitAsync(await client.GetAsync($"/Programs/{pair.ProgramId}/Edit"), new Dictionary<string, string> { ["Input.Description"] = "A clearer description" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("A clearer description", await app.WithDbAsync(db => db.Programs.Where(p => p.Id == pair.ProgramId).Select(p => p.Description).SingleAsync()));
    }

    [Fact]
    public async Task Editing_a_cohort_to_past_dates_asks_for_confirmation_and_keeps_the_input()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var programId = await app.CreateProgramAsync(coordinator.Id);
        var cohortId = await app.CreateCohortAsync(programId, "Autumn");
        using var client = await SignedInAsync(coordinator);
        var url = $"/Programs/{programId}/Cohorts/{cohortId}/Edit";
        var past = Today.AddYears(-1);
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = "Autumn (recorded)",
            ["Input.StartsOn"] = past.ToString("yyyy-MM-dd"),
            ["Input.EndsOn"] = past.AddDays(180).ToString("yyyy-MM-dd"),
            ["Input.EnrollmentOpensOn"] = past.AddDays(-30).ToString("yyyy-MM-dd"),
            ["Input.EnrollmentClosesOn"] = past.AddDays(-5).ToString("yyyy-MM-dd"),
        };

        var asked = await client.SubmitAsync(await client.GetAsync(url), fields);
        var page = await client.FollowAsync(asked);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains(page.Errors, e => e.Contains("Some new dates are in the past", StringComparison.Ordinal));
        Assert.Equal("Autumn (recorded)", page.InputValue("Input.Name"));
        Assert.Equal("Autumn", await app.WithDbAsync(db => db.Cohorts.Where(c => c.Id == cohortId).Select(c => c.Name).SingleAsync()));

        var confirmed = await client.SubmitAsync(page, new Dictionary<string, string> { ["Input.ConfirmPastDates"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var stored = await app.WithDbAsync(db => db.Cohorts.SingleAsync(c => c.Id == cohortId));
        Assert.Equal(("Autumn (recorded)", past), (stored.Name, stored.StartsOn));
    }

    [Fact]
    public async Task A_stale_cohort_edit_is_a_conflict_with_the_input_kept()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var programId = await app.CreateProgramAsync(coordinator.Id);
        var cohortId = await app.CreateCohortAsync(programId, "Winter");
        using var client = await SignedInAsync(coordinator);
        var form = await client.GetAsync($"/Programs/{programId}/Cohorts/{cohortId}/Edit");
        await app.WithDbAsync(async db =>
        {
            (await db.Cohorts.SingleAsync(c => c.Id == cohortId)).Rename("Winter (theirs)");
            return await db.SaveChangesAsync();
        });

        var page = await client.FollowAsync(await client.SubmitAsync(form, new Dictionary<string, string> { ["Input.Name"] = "Winter (mine)" }));

        Assert.Contains(page.Errors, e => e.Contains("Someone else changed this cohort", StringComparison.Ordinal));
        Assert.Equal("Winter (mine)", page.InputValue("Input.Name"));
        Assert.Equal("Winter (theirs)", await app.WithDbAsync(db => db.Cohorts.Where(c => c.Id == cohortId).Select(c => c.Name).SingleAsync()));
    }

    [Fact]
    public async Task Only_an_empty_cohort_can_be_deleted()
    {
        var pair = await PairAsync();
        var emptyId = await app.CreateCohortAsync(pair.ProgramId, "Empty");
        using var client = await SignedInAsync(pair.Coordinator);

        var full = await client.GetAsync($"/Programs/{pair.ProgramId}/Cohorts/{pair.CohortId}/Edit");
        Assert.Contains("cannot be deleted: it has 2 participants, 1 mentorship and 0 workshops", full.Text);
        var forced = await client.FollowAsync(await client.Http.PostAsync($"/Programs/{pair.ProgramId}/Cohorts/{pair.CohortId}/Edit?handler=Delete",
            await FormAsync(client, $"/Programs/{pair.ProgramId}/Cohorts/{pair.CohortId}/Edit", [])));
        Assert.Contains("cannot be deleted", forced.Text);
        Assert.True(await app.WithDbAsync(db => db.Cohorts.AnyAsync(c => c.Id == pair.CohortId)));

        var empty = await client.GetAsync($"/Programs/{pair.ProgramId}/Cohorts/{emptyId}/Edit");
        var deleted = await client.FollowAsync(await client.SubmitAsync(empty, new Dictionary<string, string>(), "form[action$='handler=Delete']"));
        Assert.Contains("Empty deleted.", deleted.Text);
        Assert.False(await app.WithDbAsync(db => db.Cohorts.AnyAsync(c => c.Id == emptyId)));
    }

    [Fact]
    public async Task Ending_a_mentorship_that_is_not_a_good_fit_returns_both_to_the_pool_and_never_proposes_them_again()
    {
        var pair = await PairAsync();
        using var client = await SignedInAsync(pair.Coordinator);
        var form = await client.GetAsync($"/Mentorships/{pair.MentorshipId}/End");

        var missing = await client.FollowAsync(await client.SubmitAsync(form, new Dictionary<string, string>()));
        Assert.Contains("Choose why the mentorship is ending.", missing.Errors);
        var ended = await client.FollowAsync(await client.SubmitAsync(form, new Dictionary<string, string> { ["Input.Reason"] = "NotAGoodFit", ["Input.Note"] = "Different schedules" }));

        Assert.Contains("back in the matching pool", ended.Text);
        Assert.Contains("not a good fit — Different schedules", ended.Document.QuerySelector("#ended-reason")!.TextContent);
        var (status, current, forbids) = await app.WithDbAsync(async db => (
            await db.Mentorships.Where(m => m.Id == pair.MentorshipId).Select(m => m.Status).SingleAsync(),
            await db.MentorshipMembers.CountAsync(m => m.MentorshipId == pair.MentorshipId && m.IsCurrent),
            await db.MatchConstraints.CountAsync(c => c.CohortId == pair.CohortId && c.Kind == MatchConstraintKind.Forbid)));
        Assert.Equal((MentorshipStatus.Closed, 0, 1), (status, current, forbids));
        var matching = await client.GetAsync($"/Programs/{pair.ProgramId}/Cohorts/{pair.CohortId}/Matching");
        Assert.Contains(pair.Mentee.DisplayName, matching.Text);
        Assert.Empty(matching.Document.QuerySelectorAll("input[name=accept]"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/Mentorships/{pair.MentorshipId}/End")).StatusCode);
    }

    [Fact]
    public async Task Members_and_outsiders_cannot_end_a_mentorship()
    {
        var pair = await PairAsync();
        var outsider = await app.CreateUserAsync(null, Roles.Coordinator);
        await app.CreateProgramAsync(outsider.Id);
        foreach (var person in new[] { pair.Mentor, pair.Mentee, outsider })
        {
            using var client = await SignedInAsync(person);
            Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/Mentorships/{pair.MentorshipId}/End")).StatusCode);
            var post = await client.Http.PostAsync($"/Mentorships/{pair.MentorshipId}/End", await FormAsync(client, "/", new() { ["Input.Reason"] = "GoalsMet" }));
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }
        Assert.Equal(MentorshipStatus.Active, await app.WithDbAsync(db => db.Mentorships.Where(m => m.Id == pair.MentorshipId).Select(m => m.Status).SingleAsync()));
    }

    private Task<ProgramStatus> StatusAsync(int programId) => app.WithDbAsync(db => db.Programs.Where(p => p.Id == programId).Select(p => p.Status).SingleAsync());

    /// <summary>A form post with a valid antiforgery token taken from <paramref name="tokenPage"/>, for requests no page offers.</summary>
    private static async Task<FormUrlEncodedContent> FormAsync(AppClient client, string tokenPage, Dictionary<string, string> fields)
    {
        var page = await client.GetAsync(tokenPage);
        fields["__RequestVerificationToken"] = page.AntiforgeryToken;
        return new FormUrlEncodedContent(fields);
    }
}

[Collection(AppCollection.Name)]
public class RoleChangeTests(MentorHubAppFactory app)
{
    [Fact]
    public async Task A_participant_not_matched_yet_changes_role_with_their_competencies_and_a_matched_one_cannot()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var mentor = await app.CreateUserAsync();
        var mentee = await app.CreateUserAsync();
        var mentorshipId = await app.CreateMentorshipAsync(mentor, mentee, coordinator.Id);
        var (programId, cohortId) = await app.WithDbAsync(db => db.Mentorships.Where(m => m.Id == mentorshipId).Select(m => new ValueTuple<int, int>(m.Cohort!.ProgramId, m.CohortId)).SingleAsync());
        var newcomer = await app.CreateUserAsync("Sasha Switch");
        var enrollmentId = await app.EnrollAsync(cohortId, newcomer.Id, EnrollmentRole.Mentee);
        await app.WithDbAsync(async db =>
        {
            var e = await db.Enrollments.Include(x => x.Competencies).SingleAsync(x => x.Id == enrollmentId);
            e.SetCompetency(await db.Competencies.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(), CompetencyInterest.Development, 4);
            return await db.SaveChangesAsync();
        });
        using var client = app.CreateAppClient();
        await client.SignInAsync(coordinator.Email!);
        var page = await client.GetAsync($"/Programs/{programId}/Cohorts/{cohortId}");

        var changed = await client.FollowAsync(await client.SubmitAsync(page, new Dictionary<string, string>(), $"form[action*='handler=ChangeRole']:has(input[value='{enrollmentId}'])"));

        Assert.Contains("Sasha Switch now takes part as a mentor.", changed.Text);
        var stored = await app.WithDbAsync(db => db.Enrollments.Include(e => e.Competencies).SingleAsync(e => e.Id == enrollmentId));
        Assert.Equal(EnrollmentRole.Mentor, stored.Role);
        Assert.Equal(CompetencyInterest.Expertise, Assert.Single(stored.Competencies).Interest);
        var matchedId = await app.WithDbAsync(db => db.Enrollments.Where(e => e.UserId == mentee.Id && e.CohortId == cohortId).Select(e => e.Id).SingleAsync());
        Assert.Empty(changed.Document.QuerySelectorAll($"form[action*='handler=ChangeRole']:has(input[value='{matchedId}'])"));
        var forced = await client.FollowAsync(await client.Http.PostAsync($"/Programs/{programId}/Cohorts/{cohortId}?handler=ChangeRole",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["enrollmentId"] = $"{matchedId}", ["role"] = "Mentor", ["__RequestVerificationToken"] = changed.AntiforgeryToken })));
        Assert.Contains("The role cannot change once the person has been matched", forced.Text);
        Assert.Equal(EnrollmentRole.Mentee, await app.WithDbAsync(db => db.Enrollments.Where(e => e.Id == matchedId).Select(e => e.Role).SingleAsync()));
    }
}
