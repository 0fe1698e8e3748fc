using System.Net;
using MentorHub.Core.Domain;
using MentorHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Tests.Pages.Programs;

[Collection(AppCollection.Name)]
public class ProgramsTests(MentorHubAppFactory app)
{
    private static Dictionary<string, string> ValidProgram(string name) => new()
    {
        ["Input.Name"] = name,
        ["Input.Description"] = "Technicians learn the new ILS together.",
        ["Input.Format"] = "Peer",
        ["Input.DefaultModality"] = "Virtual",
        ["Input.MeetingCadenceDays"] = "14",
        ["Input.ExpectedMeetingCount"] = "8",
        ["Input.TargetCompetencyIds"] = "1",
    };

    [Fact]
    public async Task A_coordinator_creates_a_program_and_becomes_its_coordinator()
    {
        var coordinator = await app.CreateUserAsync("Cora Ordinator", Roles.Coordinator);
        using var client = app.CreateAppClient();
        await client.SignInAsync(coordinator.Email!);
        var name = $"ILS Circle {Guid.NewGuid():N}"[..24];

        var response = await client.SubmitAsync("/Programs/Create", ValidProgram(name));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var details = await client.FollowAsync(response);
        Assert.Contains(name, details.Text);
        Assert.Contains("Cora Ordinator", details.Document.QuerySelector("[aria-labelledby=coordinators-heading]")!.TextContent);
        Assert.Contains(name, (await client.GetAsync("/Programs")).Text);
        var programId = response.Headers.Location!.OriginalString.Split('/').Last();
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "ProgramCreated" && a.EntityId == programId && a.UserId == coordinator.Id && a.OccurredAtUtc == app.Clock.GetUtcNow().UtcDateTime)));
    }

    [Fact]
    public async Task A_new_program_is_a_draft_until_its_checklist_is_complete_then_publishing_opens_its_cohort_to_staff()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var staff = await app.CreateUserAsync();
        using var client = app.CreateAppClient();
        using var staffClient = app.CreateAppClient();
        await client.SignInAsync(coordinator.Email!);
        await staffClient.SignInAsync(staff.Email!);
        var name = $"Publishable {Guid.NewGuid():N}"[..24];
        var created = await client.SubmitAsync("/Programs/Create", ValidProgram(name));
        var url = created.Headers.Location!.OriginalString;

        var draft = await client.GetAsync(url);
        Assert.Contains("This program is a draft", draft.Text);
        Assert.Contains("at least one cohort", draft.Document.QuerySelector("#publish-missing")!.TextContent);
        Assert.Null(draft.Document.QuerySelector("form[action*=Publish]"));
        var token = draft.AntiforgeryToken;
        var refused = await client.FollowAsync(await client.Http.PostAsync($"{url}?handler=Publish", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token })));
        Assert.Contains("Before publishing, add at least one cohort", refused.Text);

        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        string Day(int days) => today.AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await client.SubmitAsync($"{url}/Cohorts/Create", new Dictionary<string, string>
        {
            ["Input.Name"] = "First cohort",
            ["Input.EnrollmentOpensOn"] = Day(-1),
            ["Input.EnrollmentClosesOn"] = Day(20),
            ["Input.StartsOn"] = Day(30),
            ["Input.EndsOn"] = Day(200),
        });
        Assert.DoesNotContain(name, (await staffClient.GetAsync("/Enroll")).Text);

        var published = await client.FollowAsync(await client.SubmitAsync(await client.GetAsync(url), new Dictionary<string, string>(), "form[action*=Publish]"));

        Assert.Contains("is published", published.Text);
        Assert.DoesNotContain("This program is a draft", published.Text);
        Assert.Contains(name, (await staffClient.GetAsync("/Enroll")).Text);
    }

    [Fact]
    public async Task An_invalid_program_re_renders_with_messages_and_keeps_the_input()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        using var client = app.CreateAppClient();
        await client.SignInAsync(coordinator.Email!);
        var fields = ValidProgram("");
        fields["Input.MeetingCadenceDays"] = "0";
        fields["Input.Description"] = "Kept description";
        fields.Remove("Input.TargetCompetencyIds");

        var page = await client.FollowAsync(await client.SubmitAsync("/Programs/Create", fields));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Give the program a name.", page.Errors);
        Assert.Contains("Meet every 1 to 180 days.", page.Errors);
        Assert.Contains("Choose at least one target competency.", page.Errors);
        Assert.Equal("Kept description", page.Document.QuerySelector("textarea[name='Input.Description']")!.TextContent);
    }

    [Fact]
    public async Task Staff_without_the_coordinator_role_cannot_create_programs()
    {
        var member = await app.CreateUserAsync();
        using var client = app.CreateAppClient();
        await client.SignInAsync(member.Email!);

        var response = await client.Http.GetAsync("/Programs/Create");

        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [InlineData("/Programs/{0}")]
    [InlineData("/Programs/{0}/Edit")]
    [InlineData("/Programs/{0}/Archive")]
    [InlineData("/Programs/{0}/Cohorts/Create")]
    [InlineData("/Programs/{0}/Cohorts/{1}")]
    public async Task Another_programs_coordinator_gets_404_on_every_page_of_it(string template)
    {
        var owner = await app.CreateUserAsync(null, Roles.Coordinator);
        var outsider = await app.CreateUserAsync(null, Roles.Coordinator);
        var programId = await app.CreateProgramAsync(owner.Id);
        var cohortId = await app.CreateCohortAsync(programId);
        using var client = app.CreateAppClient();
        await client.SignInAsync(outsider.Email!);

        var response = await client.Http.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, programId, cohortId));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_outsider_cannot_archive_or_take_over_another_program_by_posting()
    {
        var owner = await app.CreateUserAsync(null, Roles.Coordinator);
        var outsider = await app.CreateUserAsync(null, Roles.Coordinator);
        var programId = await app.CreateProgramAsync(owner.Id);
        var ownProgram = await app.CreateProgramAsync(outsider.Id);
        using var client = app.CreateAppClient();
        await client.SignInAsync(outsider.Email!);
        var page = await client.GetAsync($"/Programs/{ownProgram}/Archive");

        var archive = await client.SubmitAsync(page, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, archive.StatusCode);
        var form = page.Document.QuerySelector("main form")!;
        form.SetAttribute("action", $"/Programs/{programId}/Archive");
        var foreign = await client.SubmitAsync(page, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(ProgramStatus.Active, await app.WithDbAsync(db => db.Programs.Where(p => p.Id == programId).Select(p => p.Status).SingleAsync()));
    }

    [Fact]
    public async Task Administrators_see_every_program()
    {
        var owner = await app.CreateUserAsync(null, Roles.Coordinator);
        var admin = await app.CreateUserAsync(null, Roles.Administrator);
        var name = $"Admin-visible {Guid.NewGuid():N}"[..24];
        var programId = await app.CreateProgramAsync(owner.Id, name: name);
        using var client = app.CreateAppClient();
        await client.SignInAsync(admin.Email!);

        Assert.Contains(name, (await client.GetAsync($"/Programs?q={Uri.EscapeDataString(name)}")).Text);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Programs/{programId}")).Status);
    }

    [Fact]
    public async Task Archiving_asks_first_then_hides_the_program_from_the_list()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var name = $"Archivable {Guid.NewGuid():N}"[..22];
        var programId = await app.CreateProgramAsync(coordinator.Id, name: name);
        using var client = app.CreateAppClient();
        await client.SignInAsync(coordinator.Email!);

        var confirm = await client.GetAsync($"/Programs/{programId}/Archive");
        Assert.Contains($"Archive {name}?", confirm.Text);
        Assert.Equal(ProgramStatus.Active, await app.WithDbAsync(db => db.Programs.Where(p => p.Id == programId).Select(p => p.Status).SingleAsync()));
        await client.SubmitAsync(confirm, new Dictionary<string, string>());

        static IEnumerable<string> Listed(Page page) => page.Document.QuerySelectorAll("article h2").Select(h => h.TextContent.Trim());
        Assert.DoesNotContain(name, Listed(await client.GetAsync("/Programs")));
        Assert.Contains(name, Listed(await client.GetAsync("/Programs?archived=true")));
    }

    [Fact]
    public async Task Archiving_from_a_stale_page_shows_the_conflict_instead_of_an_error()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var programId = await app.CreateProgramAsync(coordinator.Id);
        using var client = app.CreateAppClient();
        await client.SignInAsync(coordinator.Email!);
        var stale = await client.GetAsync($"/Programs/{programId}/Archive");
        await app.WithDbAsync(async db =>
        {
            (await db.Programs.SingleAsync(p => p.Id == programId)).Description = "Changed by a colleague meanwhile";
            return await db.SaveChangesAsync();
        });

        var page = await client.FollowAsync(await client.SubmitAsync(stale, new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(MentorHub.Web.Filters.ConflictFilter.ConflictMessage, page.Text);
        Assert.Equal(ProgramStatus.Active, await app.WithDbAsync(db => db.Programs.Where(p => p.Id == programId).Select(p => p.Status).SingleAsync()));
    }

    [Fact]
    public async Task Archiving_twice_says_why_instead_of_failing()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var programId = await app.CreateProgramAsync(coordinator.Id);
        using var first = app.CreateAppClient();
        using var second = app.CreateAppClient();
        await first.SignInAsync(coordinator.Email!);
        await second.SignInAsync(coordinator.Email!);
        var tab = await second.GetAsync($"/Programs/{programId}/Archive");
        await first.SubmitAsync($"/Programs/{programId}/Archive", new Dictionary<string, string>());

        var page = await second.FollowAsync(await second.SubmitAsync(tab, new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("is archived and read-only", page.Text);
    }

    [Fact]
    public async Task A_second_save_from_a_stale_form_shows_a_conflict_and_overwrites_nothing()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var programId = await app.CreateProgramAsync(coordinator.Id);
        using var first = app.CreateAppClient();
        using var second = app.CreateAppClient();
        await first.SignInAsync(coordinator.Email!);
        await second.SignInAsync(coordinator.Email!);
        var firstForm = await first.GetAsync($"/Programs/{programId}/Edit");
        var secondForm = await second.GetAsync($"/Programs/{programId}/Edit");

        Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitAsync(firstForm, new Dictionary<string, string> { ["Input.Description"] = "First person's text" })).StatusCode);
        var conflict = await second.FollowAsync(await second.SubmitAsync(secondForm, new Dictionary<string, string> { ["Input.Description"] = "Second person's text" }));

        Assert.Equal(HttpStatusCode.OK, conflict.Status);
        Assert.Contains(conflict.Errors, e => e.Contains("Someone else saved this program", StringComparison.Ordinal));
        Assert.Contains("First person's text", conflict.Text);
        Assert.Equal("Second person's text", conflict.Document.QuerySelector("textarea[name='Input.Description']")!.TextContent);
        Assert.Equal("First person's text", await app.WithDbAsync(db => db.Programs.Where(p => p.Id == programId).Select(p => p.Description).SingleAsync()));
    }

    [Fact]
    public async Task Coordinators_can_be_added_by_email_and_the_last_one_cannot_be_removed()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var colleague = await app.CreateUserAsync("Colin Colleague");
        var programId = await app.CreateProgramAsync(coordinator.Id);
        using var client = app.CreateAppClient();
        await client.SignInAsync(coordinator.Email!);

        var added = await client.FollowAsync(await client.SubmitAsync($"/Programs/{programId}", new Dictionary<string, string> { ["CoordinatorEmail"] = colleague.Email! }, "form[action*='AddCoordinator']"));
        Assert.Contains("Colin Colleague now coordinates", added.Text);

        var unknown = await client.FollowAsync(await client.SubmitAsync($"/Programs/{programId}", new Dictionary<string, string> { ["CoordinatorEmail"] = "nobody@test.mentorhub.local" }, "form[action*='AddCoordinator']"));
        Assert.Contains("Nobody with the email nobody@test.mentorhub.local has an account. Invite them first.", unknown.Errors);

        await client.SubmitAsync(added, new Dictionary<string, string> { ["userId"] = colleague.Id }, "form[action*='RemoveCoordinator']");
        var coordinators = await app.WithDbAsync(db => db.ProgramCoordinators.Where(c => c.ProgramId == programId).Select(c => c.UserId).ToListAsync());
        Assert.Equal([coordinator.Id], coordinators);
    }

    [Fact]
    public async Task The_programs_list_and_a_program_page_run_the_same_queries_for_a_small_and_a_large_program()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        using var client = app.CreateAppClient();
        await client.SignInAsync(coordinator.Email!);
        async Task<(int List, int Program)> AddAndMeasureAsync(int cohorts, int pairs)
        {
            var programId = await app.CreateProgramAsync(coordinator.Id);
            for (var i = 0; i < cohorts; i++) await app.CreatePairsAsync(await app.CreateCohortAsync(programId, $"Cohort {i}", opensInDays: -100 - 50 * i, closesInDays: -80 - 50 * i), pairs);
            var list = await app.Queries.MeasureAsync(() => client.GetAsync("/Programs"));
            var program = await app.Queries.MeasureAsync(() => client.GetAsync($"/Programs/{programId}"));
            return (list, program);
        }

        var small = await AddAndMeasureAsync(1, 3);
        var large = await AddAndMeasureAsync(4, 25);

        Assert.True(small.Program > 3);
        Assert.Equal(small, large);
    }
}
