using System.Globalization;
using System.Net;
using MentorHub.Core.Domain;
using MentorHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Tests.Pages.Programs;

[Collection(AppCollection.Name)]
public partial class MatchingTests(MentorHubAppFactory app)
{
    private sealed record Setup(AppUser Coordinator, int ProgramId, int CohortId, string Url);

    private async Task<Setup> CohortAsync(ProgramFormat format)
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var programId = await app.CreateProgramAsync(coordinator.Id, format);
        var cohortId = await app.CreateCohortAsync(programId);
        return new Setup(coordinator, programId, cohortId, $"/Programs/{programId}/Cohorts/{cohortId}/Matching");
    }

    private async Task<int> EnrollWithAsync(int cohortId, string name, EnrollmentRole role, int level, int capacity = 1) =>
        await EnrollUserAsync(cohortId, await app.CreateUserAsync(name), role, level, capacity);

    /// <summary>Enrolls the person with one of the program's competencies at <paramref name="level"/> (what they offer or want).</summary>
    private Task<int> EnrollUserAsync(int cohortId, AppUser user, EnrollmentRole role, int level, int capacity = 1) => app.WithDbAsync(async db =>
    {
        var competencyId = await db.Programs.Where(p => p.Cohorts.Any(c => c.Id == cohortId)).SelectMany(p => p.TargetCompetencies).Select(t => t.CompetencyId).FirstAsync();
        var enrollment = Enrollment.Enroll(cohortId, user.Id, role, DateTime.UtcNow);
        enrollment.SetCompetency(competencyId, role is EnrollmentRole.Mentor ? CompetencyInterest.Expertise : CompetencyInterest.Development, level);
        if (role is EnrollmentRole.Peer) enrollment.SetCompetency(competencyId, CompetencyInterest.Expertise, level + 2);
        if (role is EnrollmentRole.Mentor) enrollment.SetCapacity(capacity);
        db.Enrollments.Add(enrollment);
        await db.SaveChangesAsync();
        return enrollment.Id;
    });

    private async Task<AppClient> CoordinatorClientAsync(Setup setup)
    {
        var client = app.CreateAppClient();
        await client.SignInAsync(setup.Coordinator.Email!);
        return client;
    }

    [Fact]
    public async Task Untrained_mentors_are_not_proposed_and_accepting_creates_the_mentorship_and_tells_the_members()
    {
        var setup = await CohortAsync(ProgramFormat.OneToOne);
        await app.WithDbAsync(async db =>
        {
            var program = await db.Programs.Include(p => p.TrainingModules).SingleAsync(p => p.Id == setup.ProgramId);
            program.AddTrainingModule(new TrainingModule("Mentoring basics", "Listen first.", null, 20, isRequired: true));
            return await db.SaveChangesAsync();
        });
        var trained = await EnrollWithAsync(setup.CohortId, "Tess Trained", EnrollmentRole.Mentor, 5);
        await EnrollWithAsync(setup.CohortId, "Ulla Untrained", EnrollmentRole.Mentor, 5);
        var mentee = await EnrollWithAsync(setup.CohortId, "Mo Mentee", EnrollmentRole.Mentee, 1);
        await app.WithDbAsync(async db =>
        {
            var moduleId = await db.TrainingModules.Where(m => m.ProgramId == setup.ProgramId).Select(m => m.Id).SingleAsync();
            var userId = await db.Enrollments.Where(e => e.Id == trained).Select(e => e.UserId).SingleAsync();
            db.TrainingCompletions.Add(new TrainingCompletion(moduleId, userId, DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });
        using var client = await CoordinatorClientAsync(setup);

        var page = await client.GetAsync(setup.Url);
        var row = Assert.Single(page.Document.QuerySelectorAll("#accept-form tbody tr"));
        Assert.Contains("Tess Trained", row.TextContent);
        Assert.Contains("Mo Mentee", row.TextContent);
        Assert.Contains("Why this match", row.TextContent);
        Assert.Contains("Required training not complete: Mentoring basics", page.Text);

        var accepted = await client.SubmitAsync(page, new Dictionary<string, string> { ["accept"] = $"{mentee}:{trained}" }, "#accept-form");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        var mentorship = await app.WithDbAsync(db => db.Mentorships.Include(m => m.Members).SingleAsync(m => m.CohortId == setup.CohortId));
        Assert.Equal(MentorshipStatus.Active, mentorship.Status);
        Assert.Equal([(trained, MemberRole.Mentor), (mentee, MemberRole.Mentee)], mentorship.Members.OrderBy(m => m.Role).Select(m => (m.EnrollmentId, m.Role)));
        Assert.True(mentorship.MatchScore > 0);
        Assert.Contains("Competencies", mentorship.MatchExplanation);
        var menteeEmail = await app.WithDbAsync(db => db.Enrollments.Where(e => e.Id == mentee).Select(e => e.User!.Email!).SingleAsync());
        Assert.Contains("Tess Trained", (await Mailbox.LatestToAsync(app, menteeEmail)).TextBody);
        Assert.Contains("Nothing to propose", (await client.GetAsync(setup.Url)).Text);
    }

    [Fact]
    public async Task A_forbidden_pair_is_not_proposed_and_a_pinned_pair_always_is()
    {
        var setup = await CohortAsync(ProgramFormat.OneToOne);
        var strong = await EnrollWithAsync(setup.CohortId, "Strong Mentor", EnrollmentRole.Mentor, 5);
        var weak = await EnrollWithAsync(setup.CohortId, "Weaker Mentor", EnrollmentRole.Mentor, 3);
        var mentee = await EnrollWithAsync(setup.CohortId, "Mentee One", EnrollmentRole.Mentee, 1);
        using var client = await CoordinatorClientAsync(setup);
        Assert.Contains("Strong Mentor", (await client.GetAsync(setup.Url)).Document.QuerySelector("#accept-form tbody")!.TextContent);

        var form = await client.GetAsync(setup.Url);
        form.Document.QuerySelector("#accept-form")!.SetAttribute("action", $"{setup.Url}?handler=Forbid&menteeId={mentee}&mentorId={strong}");
        await client.SubmitAsync(form, new Dictionary<string, string>(), "#accept-form");
        var afterForbid = (await client.GetAsync(setup.Url)).Document.QuerySelector("#accept-form tbody")!.TextContent;
        Assert.Contains("Weaker Mentor", afterForbid);
        Assert.DoesNotContain("Strong Mentor", afterForbid);

        var manual = await client.GetAsync(setup.Url);
        await client.SubmitAsync(manual, new Dictionary<string, string> { ["mentorId"] = weak.ToString(CultureInfo.InvariantCulture), ["menteeId"] = mentee.ToString(CultureInfo.InvariantCulture) }, "form[action*='handler=Pin']");
        var pinned = await client.GetAsync(setup.Url);
        Assert.Contains("Pinned", pinned.Document.QuerySelector("#accept-form tbody")!.TextContent);
        Assert.Equal(2, await app.WithDbAsync(db => db.MatchConstraints.CountAsync(c => c.CohortId == setup.CohortId)));
    }

    [Fact]
    public async Task An_acceptance_from_a_page_older_than_another_coordinators_is_refused_as_a_conflict()
    {
        var setup = await CohortAsync(ProgramFormat.OneToOne);
        var mentor = await EnrollWithAsync(setup.CohortId, "Cap Two", EnrollmentRole.Mentor, 5, capacity: 2);
        var menteeA = await EnrollWithAsync(setup.CohortId, "Mentee A", EnrollmentRole.Mentee, 1);
        var menteeB = await EnrollWithAsync(setup.CohortId, "Mentee B", EnrollmentRole.Mentee, 1);
        var colleague = await app.CreateUserAsync(null, Roles.Coordinator);
        await app.WithDbAsync(async db =>
        {
            (await db.Programs.Include(p => p.Coordinators).SingleAsync(p => p.Id == setup.ProgramId)).AddCoordinator(colleague.Id);
            return await db.SaveChangesAsync();
        });
        using var first = await CoordinatorClientAsync(setup);
        using var second = app.CreateAppClient();
        await second.SignInAsync(colleague.Email!);
        var firstPage = await first.GetAsync(setup.Url);
        var secondPage = await second.GetAsync(setup.Url);

        await first.SubmitAsync(firstPage, new Dictionary<string, string> { ["accept"] = $"{menteeA}:{mentor}" }, "#accept-form");
        var refused = await second.FollowAsync(await second.SubmitAsync(secondPage, new Dictionary<string, string> { ["accept"] = $"{menteeB}:{mentor}" }, "#accept-form"));

        Assert.Contains(MentorHub.Web.Filters.ConflictFilter.ConflictMessage, refused.Text);
        Assert.Equal(0, await app.WithDbAsync(db => db.MentorshipMembers.CountAsync(m => m.EnrollmentId == menteeB)));
        Assert.Equal(1, await app.WithDbAsync(db => db.MentorshipMembers.CountAsync(m => m.EnrollmentId == mentor)));
        // From the page as it is now, the same acceptance goes through.
        await second.SubmitAsync(await second.GetAsync(setup.Url), new Dictionary<string, string> { ["accept"] = $"{menteeB}:{mentor}" }, "#accept-form");
        Assert.Equal(1, await app.WithDbAsync(db => db.MentorshipMembers.CountAsync(m => m.EnrollmentId == menteeB)));
    }

    [Fact]
    public async Task The_database_refuses_a_mentee_in_two_running_mentorships_of_a_cohort()
    {
        var setup = await CohortAsync(ProgramFormat.OneToOne);
        var mentorA = await EnrollWithAsync(setup.CohortId, "Mentor A", EnrollmentRole.Mentor, 5);
        var mentorB = await EnrollWithAsync(setup.CohortId, "Mentor B", EnrollmentRole.Mentor, 5);
        var mentee = await EnrollWithAsync(setup.CohortId, "Twice Mentee", EnrollmentRole.Mentee, 1);
        var (first, second) = await app.WithDbAsync(async db =>
        {
            var enrollments = await db.Enrollments.Where(e => e.CohortId == setup.CohortId).ToDictionaryAsync(e => e.Id);
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var one = new Mentorship(setup.CohortId, DateTime.UtcNow);
            one.AddMember(enrollments[mentorA], MemberRole.Mentor, today);
            one.AddMember(enrollments[mentee], MemberRole.Mentee, today);
            one.Activate(today);
            var two = new Mentorship(setup.CohortId, DateTime.UtcNow);
            two.AddMember(enrollments[mentorB], MemberRole.Mentor, today);
            db.Mentorships.AddRange(one, two);
            await db.SaveChangesAsync();
            return (one.Id, two.Id);
        });

        // Straight SQL, past every page and domain rule: the index alone refuses it.
        var error = await Assert.ThrowsAnyAsync<Exception>(() => app.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO \"MentorshipMembers\" (\"MentorshipId\", \"EnrollmentId\", \"UserId\", \"Role\", \"JoinedOn\", \"IsCurrent\") SELECT {second}, \"Id\", \"UserId\", {"Mentee"}, {new DateOnly(2026, 1, 1)}, {true} FROM \"Enrollments\" WHERE \"Id\" = {mentee}")));
        Assert.Contains("UNIQUE", error.Message, StringComparison.OrdinalIgnoreCase);

        // Once the first mentorship is closed, the mentee may be matched again.
        await app.WithDbAsync(async db =>
        {
            var one = await db.Mentorships.Include(m => m.Members).SingleAsync(m => m.Id == first);
            one.End(DateOnly.FromDateTime(DateTime.UtcNow), MentorshipEndReason.NotAGoodFit, null);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(1, await app.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO \"MentorshipMembers\" (\"MentorshipId\", \"EnrollmentId\", \"UserId\", \"Role\", \"JoinedOn\", \"IsCurrent\") SELECT {second}, \"Id\", \"UserId\", {"Mentee"}, {new DateOnly(2026, 1, 1)}, {true} FROM \"Enrollments\" WHERE \"Id\" = {mentee}")));
    }

    [Fact]
    public async Task Accepting_a_pair_that_is_not_in_the_proposal_creates_nothing()
    {
        var setup = await CohortAsync(ProgramFormat.OneToOne);
        var mentor = await EnrollWithAsync(setup.CohortId, "Only Mentor", EnrollmentRole.Mentor, 5);
        await EnrollWithAsync(setup.CohortId, "Only Mentee", EnrollmentRole.Mentee, 1);
        using var client = await CoordinatorClientAsync(setup);

        var page = await client.GetAsync(setup.Url);
        var response = await client.SubmitAsync(page, new Dictionary<string, string> { ["accept"] = $"99999:{mentor}" }, "#accept-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Mentorships.AnyAsync(m => m.CohortId == setup.CohortId)));
    }

    [Fact]
    public async Task Peers_are_paired_with_each_other()
    {
        var setup = await CohortAsync(ProgramFormat.Peer);
        for (var i = 0; i < 4; i++) await EnrollWithAsync(setup.CohortId, $"Peer {i}", EnrollmentRole.Peer, 1 + (i % 2));
        using var client = await CoordinatorClientAsync(setup);

        var page = await client.GetAsync(setup.Url);

        Assert.Equal(2, page.Document.QuerySelectorAll("#accept-form tbody tr").Length);
    }

    /// <summary>A group cohort with two mentors and five mentees, and its coordinator signed in.</summary>
    private async Task<(Setup Setup, AppClient Client)> GroupCohortAsync()
    {
        var setup = await CohortAsync(ProgramFormat.Group);
        await EnrollWithAsync(setup.CohortId, "Lead A", EnrollmentRole.Mentor, 5);
        await EnrollWithAsync(setup.CohortId, "Lead B", EnrollmentRole.Mentor, 4);
        for (var i = 0; i < 5; i++) await EnrollWithAsync(setup.CohortId, $"Member {i}", EnrollmentRole.Mentee, 1);
        return (setup, await CoordinatorClientAsync(setup));
    }

    [Fact]
    public async Task Group_format_forms_groups_each_led_by_a_mentor()
    {
        var (setup, client) = await GroupCohortAsync();
        using var _ = client;

        var page = await client.GetAsync(setup.Url + "?size=4");
        var groups = page.Document.QuerySelectorAll("#accept-form tbody tr");
        Assert.Equal(2, groups.Length);
        await client.SubmitAsync(page, new Dictionary<string, string>(), "#accept-form");

        var sizes = await app.WithDbAsync(db => db.Mentorships.Where(m => m.CohortId == setup.CohortId).Select(m => m.Members.Count).ToListAsync());
        Assert.Equal(7, sizes.Sum());
        Assert.All(sizes, size => Assert.InRange(size, 2, 4));
    }

    [Fact]
    public async Task A_coordinator_moves_a_group_member_into_another_group_or_back_to_the_pool_and_a_group_keeps_its_mentor_and_a_mentee()
    {
        var (setup, client) = await GroupCohortAsync();
        using var _ = client;
        var matching = await client.GetAsync(setup.Url + "?size=4");
        await client.SubmitAsync(matching, new Dictionary<string, string>(), "#accept-form");
        var groups = await app.WithDbAsync(db => db.Mentorships.Where(m => m.CohortId == setup.CohortId)
            .Select(m => new { m.Id, Mentees = m.Members.Where(mm => mm.Role == MemberRole.Mentee).Select(mm => new { mm.EnrollmentId, mm.UserId, mm.User!.DisplayName, mm.User.Email }).ToList() })
            .OrderByDescending(m => m.Mentees.Count).ToListAsync());
        var (big, small) = (groups[0], groups[1]);
        Assert.Equal(3, big.Mentees.Count);
        var mover = big.Mentees[0];

        // Into the other group: the person leaves this one (history kept, read-only to them) and is told of the new one.
        var move = await client.GetAsync($"/Mentorships/{big.Id}/Move?member={mover.EnrollmentId}");
        Assert.Equal(mover.EnrollmentId.ToString(CultureInfo.InvariantCulture), move.Document.QuerySelector("#Input_EnrollmentId option[selected]")?.GetAttribute("value"));
        var moved = await client.FollowAsync(await client.SubmitAsync(move, new Dictionary<string, string> { ["Input.EnrollmentId"] = mover.EnrollmentId.ToString(CultureInfo.InvariantCulture), ["Input.To"] = small.Id.ToString(CultureInfo.InvariantCulture) }));
        Assert.Contains($"{mover.DisplayName} has moved to the group of Lead", moved.Text);
        Assert.Contains("left the group on", moved.Text);
        Assert.DoesNotContain(mover.DisplayName, moved.Document.QuerySelector("h1")!.TextContent);
        var memberships = await app.WithDbAsync(db => db.MentorshipMembers.Where(mm => mm.EnrollmentId == mover.EnrollmentId).Select(mm => new { mm.MentorshipId, mm.IsCurrent, mm.LeftOn }).ToListAsync());
        Assert.Equal([(big.Id, false), (small.Id, true)], memberships.OrderBy(m => m.IsCurrent).Select(m => (m.MentorshipId, m.IsCurrent)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.Kind == "matched" && n.DedupeKey == $"matched:mentorship:{small.Id}:user:{mover.UserId}")));
        using (var person = app.CreateAppClient())
        {
            await person.SignInAsync(mover.Email!);
            Assert.Equal(HttpStatusCode.OK, (await person.GetAsync($"/Mentorships/{big.Id}")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await person.Http.GetAsync($"/Mentorships/{big.Id}/Meetings/New")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await person.GetAsync($"/Mentorships/{small.Id}/Meetings/New")).Status);
        }

        // Back to the pool: the matching page counts them among the people to match again.
        var second = big.Mentees[1];
        var pooled = await client.FollowAsync(await client.SubmitAsync($"/Mentorships/{big.Id}/Move", new Dictionary<string, string> { ["Input.EnrollmentId"] = second.EnrollmentId.ToString(CultureInfo.InvariantCulture), ["Input.To"] = "" }));
        Assert.Contains($"{second.DisplayName} has left the group and is back in the matching pool", pooled.Text);
        Assert.Contains(second.DisplayName, (await client.GetAsync(setup.Url + "?size=4")).Document.QuerySelector("section[aria-labelledby=unmatched-heading]")!.TextContent);

        // The last mentee cannot leave: the group would be its mentor alone.
        var last = big.Mentees[2];
        var refused = await client.SubmitAsync($"/Mentorships/{big.Id}/Move", new Dictionary<string, string> { ["Input.EnrollmentId"] = last.EnrollmentId.ToString(CultureInfo.InvariantCulture), ["Input.To"] = "" });
        var refusedPage = await client.FollowAsync(refused);
        Assert.Equal(HttpStatusCode.OK, refusedPage.Status);
        Assert.Contains("end it instead", refusedPage.Text);
        Assert.Equal(last.EnrollmentId.ToString(CultureInfo.InvariantCulture), refusedPage.Document.QuerySelector("#Input_EnrollmentId option[selected]")?.GetAttribute("value"));
        Assert.True(await app.WithDbAsync(db => db.MentorshipMembers.AnyAsync(mm => mm.EnrollmentId == last.EnrollmentId && mm.IsCurrent)));

        // Nor can a group lose its mentor.
        var lead = await app.WithDbAsync(db => db.MentorshipMembers.Where(mm => mm.MentorshipId == small.Id && mm.Role == MemberRole.Mentor).Select(mm => mm.EnrollmentId).SingleAsync());
        Assert.Contains("lose its mentor", (await client.FollowAsync(await client.SubmitAsync($"/Mentorships/{small.Id}/Move", new Dictionary<string, string> { ["Input.EnrollmentId"] = lead.ToString(CultureInfo.InvariantCulture), ["Input.To"] = "" }))).Text);

        // A member who withdraws from the cohort leaves a group that can go on without them; the others carry on.
        var cohortPath = $"/Programs/{setup.ProgramId}/Cohorts/{setup.CohortId}";
        var cohortPage = await client.GetAsync(cohortPath);
        await client.FollowAsync(await client.Http.PostAsync($"{cohortPath}?handler=Bulk", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = cohortPage.AntiforgeryToken,
            ["bulkAction"] = "withdraw",
            ["text"] = "Moved to another library",
            ["selected"] = mover.EnrollmentId.ToString(CultureInfo.InvariantCulture),
        })));
        var after = await app.WithDbAsync(db => db.Mentorships.Where(m => m.Id == small.Id).Select(m => new { m.Status, Current = m.Members.Count(mm => mm.IsCurrent) }).SingleAsync());
        Assert.Equal((MentorshipStatus.Active, 3), (after.Status, after.Current));

        // Only a coordinator of the program, and only a running group.
        var outsider = await app.CreateUserAsync(null, Roles.Coordinator);
        using var outsiderClient = app.CreateAppClient();
        await outsiderClient.SignInAsync(outsider.Email!);
        Assert.Equal(HttpStatusCode.NotFound, (await outsiderClient.Http.GetAsync($"/Mentorships/{big.Id}/Move")).StatusCode);
        var pair = await app.CreateMentorshipAsync(await app.CreateUserAsync(null, canSignIn: false), await app.CreateUserAsync(null, canSignIn: false), setup.Coordinator.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/Mentorships/{pair}/Move")).StatusCode);
    }

    [Fact]
    public async Task Each_person_links_to_their_profile_and_a_pair_under_the_minimum_score_is_proposed_unticked_with_a_warning()
    {
        var setup = await CohortAsync(ProgramFormat.OneToOne);
        var strong = await EnrollWithAsync(setup.CohortId, "Stella Strong", EnrollmentRole.Mentor, 5);
        var weak = await EnrollWithAsync(setup.CohortId, "Walt Weak", EnrollmentRole.Mentor, 1);
        var first = await EnrollWithAsync(setup.CohortId, "Fay First", EnrollmentRole.Mentee, 1);
        var second = await EnrollWithAsync(setup.CohortId, "Sam Second", EnrollmentRole.Mentee, 1);
        using var client = await CoordinatorClientAsync(setup);

        var page = await client.GetAsync(setup.Url);

        Assert.Contains("Scores run from 0 to 100", page.Text);
        Assert.Contains("Minimum score: 40.", page.Document.QuerySelector("#minimum-score")!.TextContent);
        var rows = page.Document.QuerySelectorAll("#accept-form tbody tr");
        Assert.Equal(2, rows.Length);
        var weakRow = Assert.Single(rows, r => r.TextContent.Contains("Walt Weak", StringComparison.Ordinal));
        var strongRow = Assert.Single(rows, r => r.TextContent.Contains("Stella Strong", StringComparison.Ordinal));
        Assert.False(weakRow.QuerySelector("input[name='accept']")!.HasAttribute("checked"));
        Assert.Contains("Under 40", weakRow.TextContent);
        Assert.True(strongRow.QuerySelector("input[name='accept']")!.HasAttribute("checked"));
        Assert.Contains("1 pair scores under the minimum of 40, so it is not ticked.", page.Document.QuerySelector("#below-minimum")!.TextContent);
        foreach (var id in new[] { strong, weak, first, second })
            Assert.NotNull(page.Document.QuerySelector($"#accept-form a[href='/Enrollments/{id}/Profile']"));
        Assert.NotNull(page.Document.QuerySelector($"#mentor-places a[href='/Enrollments/{weak}/Profile']"));

        // Accepting as proposed makes only the ticked pair.
        await client.SubmitAsync(page, new Dictionary<string, string>(), "#accept-form");
        var made = await app.WithDbAsync(db => db.MentorshipMembers.Where(m => m.Mentorship!.CohortId == setup.CohortId).Select(m => m.EnrollmentId).ToListAsync());
        Assert.Contains(strong, made);
        Assert.DoesNotContain(weak, made);
        Assert.Equal(2, made.Count);
    }

    [Fact]
    public async Task The_minimum_score_and_objective_are_program_settings_the_matching_page_uses()
    {
        var setup = await CohortAsync(ProgramFormat.OneToOne);
        await EnrollWithAsync(setup.CohortId, "Walt Weak", EnrollmentRole.Mentor, 1);
        await EnrollWithAsync(setup.CohortId, "Fay First", EnrollmentRole.Mentee, 1);
        using var client = await CoordinatorClientAsync(setup);

        var saved = await client.SubmitAsync(await client.GetAsync($"/Programs/{setup.ProgramId}/Edit"),
            new Dictionary<string, string> { ["Input.MinimumScore"] = "0", ["Input.Objective"] = "MostMatched" }, "form:has([name='Input.MinimumScore'])");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var settings = await app.WithDbAsync(db => db.Programs.Where(p => p.Id == setup.ProgramId)
            .Select(p => new { p.MatchWeights.MinimumScore, p.MatchWeights.Objective }).SingleAsync());
        Assert.Equal((0, MatchObjective.MostMatched), (settings.MinimumScore, settings.Objective));
        var page = await client.GetAsync(setup.Url);
        Assert.True(page.Document.QuerySelector("#accept-form input[name='accept']")!.HasAttribute("checked"));
        Assert.Null(page.Document.QuerySelector("#below-minimum"));

        var refused = await client.SubmitAsync(await client.GetAsync($"/Programs/{setup.ProgramId}/Edit"),
            new Dictionary<string, string> { ["Input.MinimumScore"] = "101" }, "form:has([name='Input.MinimumScore'])");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var form = new Page(refused, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync()));
        Assert.Contains("The minimum score is from 0 to 100.", form.Errors);
        Assert.Equal("101", form.InputValue("Input.MinimumScore"));
    }

    [Fact]
    public async Task A_mentor_capacity_raised_on_the_matching_page_matches_the_mentee_who_had_no_place()
    {
        var setup = await CohortAsync(ProgramFormat.OneToOne);
        var mentor = await EnrollWithAsync(setup.CohortId, "Cap Mentor", EnrollmentRole.Mentor, 5);
        await EnrollWithAsync(setup.CohortId, "Ann Mentee", EnrollmentRole.Mentee, 1);
        await EnrollWithAsync(setup.CohortId, "Ben Mentee", EnrollmentRole.Mentee, 1);
        using var client = await CoordinatorClientAsync(setup);

        var page = await client.GetAsync(setup.Url);
        Assert.Single(page.Document.QuerySelectorAll("#accept-form tbody tr"));
        Assert.Contains("Not enough places: 1 place for 2 mentees.", page.Text);
        var capacityForm = $"#mentor-places form:has(input[name='enrollmentId'][value='{mentor}'])";

        var stale = page;
        var tooMany = await client.FollowAsync(await client.SubmitAsync(page, new Dictionary<string, string> { ["capacity"] = "11" }, capacityForm));
        Assert.Contains("Cap Mentor's capacity was not changed: a mentor takes between 1 and 10 mentees.", tooMany.Text);

        var raised = await client.FollowAsync(await client.SubmitAsync(page, new Dictionary<string, string> { ["capacity"] = "2" }, capacityForm));
        Assert.Contains("Cap Mentor now takes up to 2 mentees; the proposal below uses it.", raised.Text);
        Assert.Equal(2, raised.Document.QuerySelectorAll("#accept-form tbody tr").Length);
        Assert.DoesNotContain("Not enough places", raised.Text);

        // A second change from the page read before the first is refused rather than silently overwriting it.
        var conflict = await client.FollowAsync(await client.SubmitAsync(stale, new Dictionary<string, string> { ["capacity"] = "5" }, capacityForm));
        Assert.Contains("Cap Mentor's profile was changed by someone else meanwhile", conflict.Text);
        Assert.Equal(2, await app.WithDbAsync(db => db.Enrollments.Where(e => e.Id == mentor).Select(e => e.MentorCapacity).SingleAsync()));
    }

    [Fact]
    public async Task Without_mentors_the_unmatched_are_told_to_enroll_mentors_not_about_training()
    {
        var setup = await CohortAsync(ProgramFormat.OneToOne);
        await EnrollWithAsync(setup.CohortId, "Lone Mentee", EnrollmentRole.Mentee, 1);
        using var client = await CoordinatorClientAsync(setup);

        var page = await client.GetAsync(setup.Url);

        Assert.Contains("No mentor is enrolled in this cohort yet: invite or import mentors.", page.Text);
        Assert.DoesNotContain("training", page.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Group_programs_speak_of_groups_and_a_mentee_placed_by_hand_joins_that_mentors_group()
    {
        var (setup, client) = await GroupCohortAsync();
        using var _ = client;
        var page = await client.GetAsync(setup.Url + "?size=4");
        Assert.Contains("Place by hand", page.Text);
        Assert.DoesNotContain("Pair by hand", page.Text);
        Assert.DoesNotContain("pairs", page.Document.QuerySelector(".page-lead")!.TextContent, StringComparison.Ordinal);
        var (leadB, member) = await app.WithDbAsync(async db => (
            await db.Enrollments.Where(e => e.CohortId == setup.CohortId && e.User!.DisplayName == "Lead B").Select(e => e.Id).SingleAsync(),
            await db.Enrollments.Where(e => e.CohortId == setup.CohortId && e.User!.DisplayName == "Member 0").Select(e => e.Id).SingleAsync()));

        var placed = await client.FollowAsync(await client.SubmitAsync(page,
            new Dictionary<string, string> { ["menteeId"] = member.ToString(CultureInfo.InvariantCulture), ["mentorId"] = leadB.ToString(CultureInfo.InvariantCulture) }, "#manual-form"));

        Assert.Contains("Placed", placed.Document.QuerySelector("#manual-heading")!.ParentElement!.TextContent);
        Assert.Contains("Member 0 in the group of Lead B", placed.Text);
        var group = Assert.Single(placed.Document.QuerySelectorAll("#accept-form tbody tr"), r => r.TextContent.Contains("Member 0", StringComparison.Ordinal));
        Assert.Contains("Lead B", group.TextContent);
    }

    [Fact]
    public async Task Another_programs_coordinator_gets_404_on_matching()
    {
        var setup = await CohortAsync(ProgramFormat.OneToOne);
        var outsider = await app.CreateUserAsync(null, Roles.Coordinator);
        using var client = app.CreateAppClient();
        await client.SignInAsync(outsider.Email!);

        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync(setup.Url)).StatusCode);
    }
}
