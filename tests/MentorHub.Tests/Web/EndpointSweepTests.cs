using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using MentorHub.Core.Data;
using MentorHub.Core.Domain;
using MentorHub.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MentorHub.Tests.Web;

/// <summary>
/// Every routable page and every POST handler, found from the app itself (endpoints and page models), called by
/// anonymous visitors, the program's own people and an outsider who coordinates another program, with real ids of the
/// right kind. A new page or handler is swept without anyone adding it here.
/// </summary>
[Collection(AppCollection.Name)]
public partial class EndpointSweepTests(MentorHubAppFactory app)
{
    /// <summary>Pages anyone may use before signing in.</summary>
    private static readonly HashSet<string> AnonymousPages =
    [
        "/Account/Login", "/Account/LoginWith2fa", "/Account/ForgotPassword", "/Account/ResetPassword", "/Account/AcceptInvitation",
        "/Account/Register", "/Account/AccessDenied", "/Error", "/Dev/Mail", "/Me/Feed", "/Unsubscribe",
    ];

    /// <summary>
    /// Pages for the whole organisation's coordinators and administrators (the staff roster), not for one program's:
    /// another program's coordinator may use them, and a participant who coordinates nothing is refused instead.
    /// </summary>
    private static bool OrganisationWide(string page) => page.StartsWith("/Staff", StringComparison.Ordinal) || page.StartsWith("/Reports", StringComparison.Ordinal);

    /// <summary>
    /// Pages that take no antiforgery token on purpose: the error page (re-executed for any failed request), the feed (GET
    /// only) and the one-click unsubscribe, which mail providers POST to without a form (RFC 8058; its signed link is the key).
    /// </summary>
    private static readonly HashSet<string> WithoutAntiforgery = ["/Error", "/Me/Feed", "/Unsubscribe"];

    public sealed record Handler(string Page, string Route, string Name);

    /// <summary>Each page's route, by its view path (e.g. /Meetings/Details → /Meetings/{id:int}).</summary>
    private Dictionary<string, string> Routes() => app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
        .Select(e => (Page: e.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath, Route: "/" + e.RoutePattern.RawText!.TrimStart('/')))
        .Where(x => x.Page is not null && !x.Route.Contains("{code", StringComparison.Ordinal))
        .GroupBy(x => x.Page!).ToDictionary(g => g.Key, g => g.OrderBy(x => x.Route.Length).First().Route);

    /// <summary>Every POST handler of every page model, by reflection, so none is missed.</summary>
    private List<Handler> PostHandlers()
    {
        var routes = Routes();
        var handlers = new List<Handler>();
        foreach (var type in typeof(Program).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(PageModel)) && !t.IsAbstract))
        {
            var page = "/" + type.Namespace!["MentorHub.Web.Pages".Length..].TrimStart('.').Replace('.', '/') + "/" + type.Name[..^"Model".Length];
            page = page.Replace("//", "/", StringComparison.Ordinal);
            if (!routes.TryGetValue(page, out var route)) continue;
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                var match = HandlerName().Match(method.Name);
                if (match.Success) handlers.Add(new Handler(page, route, match.Groups[1].Value));
            }
        }
        return handlers;
    }

    [GeneratedRegex("^OnPost([A-Za-z]*?)(Async)?$")]
    private static partial Regex HandlerName();

    /// <summary>The program's people and data, and an outsider who coordinates a program of their own.</summary>
    private sealed record World(AppUser Coordinator, AppUser Mentor, AppUser Mentee, AppUser Outsider, AppUser Admin, Dictionary<string, string> Ids)
    {
        public string Url(string route)
        {
            var prefix = route.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
            var url = Regex.Replace(route, "{([a-zA-Z]+)[^}]*}", m => m.Groups[1].Value switch
            {
                "id" when route.EndsWith("/Move", StringComparison.Ordinal) => Ids["group"],
                "id" => Ids[prefix switch { "Programs" => "program", "Mentorships" => "mentorship", "Meetings" => "meeting", "Goals" => "goal", "CheckIns" => "checkIn", "Resources" => "resource", "Staff" => "staff", _ => throw new InvalidOperationException(route) }],
                "cohortId" => Ids["cohort"],
                "enrollmentId" when route.EndsWith("/Requests", StringComparison.Ordinal) => Ids["mentorEnrollment"],
                "enrollmentId" => Ids["enrollment"],
                "moduleId" => Ids["module"],
                "measureId" => Ids["measure"],
                var other => throw new InvalidOperationException($"No id for {{{other}}} in {route}: add it to the sweep's world."),
            });
            return route.StartsWith("/Admin/Users/", StringComparison.Ordinal) && !route.EndsWith("Invite", StringComparison.Ordinal) ? $"{url}?id={Ids["user"]}" : url;
        }

        /// <summary>The other ids a handler may take, all real and all belonging to the program.</summary>
        public Dictionary<string, string> Fields() => new()
        {
            ["enrollmentId"] = Ids["enrollment"],
            ["menteeId"] = Ids["enrollment"],
            ["mentorId"] = Ids["mentorEnrollment"],
            ["workshopId"] = Ids["workshop"],
            ["mentorshipId"] = Ids["mentorship"],
            ["milestoneId"] = Ids["milestone"],
            ["moduleId"] = Ids["module"],
            ["constraintId"] = Ids["constraint"],
            ["run"] = Ids["run"],
            ["questionId"] = Ids["question"],
            ["requestId"] = Ids["request"],
            ["userId"] = Ids["user"],
            ["messageId"] = "1",
            ["going"] = "true",
            ["confirmed"] = "true",
            ["version"] = Ids["goalVersion"],
            ["outcomeId"] = "1",
        };
    }

    private async Task<World> WorldAsync()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var mentor = await app.CreateUserAsync();
        var mentee = await app.CreateUserAsync();
        var outsider = await app.CreateUserAsync(null, Roles.Coordinator);
        var admin = await app.CreateUserAsync(null, Roles.Administrator);
        await app.CreateProgramAsync(outsider.Id);
        var mentorshipId = await app.CreateMentorshipAsync(mentor, mentee, coordinator.Id);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var meetingId = await app.CreateMeetingAsync(mentorshipId, now.AddDays(3), mentor.Id);
        var ids = await app.WithDbAsync(async db =>
        {
            var m = await db.Mentorships.Include(x => x.Members).Include(x => x.Cohort).SingleAsync(x => x.Id == mentorshipId);
            var menteeMember = m.Members.Single(x => x.UserId == mentee.Id);
            var mentorMember = m.Members.Single(x => x.UserId == mentor.Id);
            var goal = new Goal(mentorshipId, menteeMember.Id, "Migrate the serials module", null, null, DateOnly.FromDateTime(now).AddDays(60), mentee.Id, now);
            var milestone = goal.AddMilestone("Map the fields", DateOnly.FromDateTime(now).AddDays(20));
            var checkIn = new Assessment(menteeMember.Id, AssessmentKind.Midpoint, DateOnly.FromDateTime(now));
            var workshop = new Workshop(m.CohortId, "Metadata clinic", null, now.AddDays(7), 60, Modality.Virtual, null, capacity: 10);
            var program = await db.Programs.Include(p => p.TrainingModules).SingleAsync(p => p.Id == m.Cohort!.ProgramId);
            var module = new TrainingModule("Active listening", "Listen first.", null, 20, isRequired: true);
            program.AddTrainingModule(module);
            var question = program.AddQuestion(new MatchQuestion("How fast do you like to learn?", QuestionKind.Scale, [], 2, 50));
            var constraint = new MatchConstraint(m.CohortId, menteeMember.EnrollmentId, mentorMember.EnrollmentId, MatchConstraintKind.Pin, coordinator.Id, now);
            var resource = Resource.ForMentorship(mentorshipId, "Serials mapping sheet", "https://example.org/serials", null, mentee.Id, now);
            var measure = new ServiceMeasure(program.Id, "Days from receipt to shelf", "days", higherIsBetter: false, now);
            var run = new MentorHub.Core.Domain.MatchRun(m.CohortId, coordinator.Id, now, new MatchWeights(), 4,
                new MentorHub.Core.Matching.MatchRunResult([], [], new MentorHub.Core.Matching.MatchFigures(0, 0, 0, 0, null, null, 0, [], [], [])).ToJson());
            var request = new MentorRequest(m.CohortId, menteeMember.EnrollmentId, mentorMember.EnrollmentId, "Could you mentor me?", now, 7);
            db.AddRange(goal, checkIn, workshop, constraint, resource, measure, run, request);
            await db.SaveChangesAsync();
            return new Dictionary<string, string>
            {
                ["program"] = $"{m.Cohort!.ProgramId}",
                ["cohort"] = $"{m.CohortId}",
                ["mentorship"] = $"{mentorshipId}",
                ["meeting"] = $"{meetingId}",
                ["goal"] = $"{goal.Id}",
                ["goalVersion"] = $"{goal.Version}",
                ["milestone"] = $"{milestone.Id}",
                ["checkIn"] = $"{checkIn.Id}",
                ["workshop"] = $"{workshop.Id}",
                ["resource"] = $"{resource.Id}",
                ["module"] = $"{module.Id}",
                ["constraint"] = $"{constraint.Id}",
                ["run"] = $"{run.Id}",
                ["question"] = $"{question.Id}",
                ["request"] = $"{request.Id}",
                ["measure"] = $"{measure.Id}",
                ["enrollment"] = $"{menteeMember.EnrollmentId}",
                ["mentorEnrollment"] = $"{mentorMember.EnrollmentId}",
                ["user"] = mentee.Id,
            };
        });
        ids["group"] = $"{await GroupAsync(coordinator.Id, mentee)}";
        ids["staff"] = await app.WithDbAsync(async db =>
        {
            var person = new StaffMember($"S-{Guid.NewGuid():N}"[..12], new StaffDetails("Sweep Staff", mentee.Email, "Central", null, CareerStage.EarlyCareer, null, null, null), app.Clock.GetUtcNow().UtcDateTime);
            person.LinkTo(mentee.Id);
            db.StaffMembers.Add(person);
            await db.SaveChangesAsync();
            return $"{person.Id}";
        });
        return new World(coordinator, mentor, mentee, outsider, admin, ids);
    }

    /// <summary>A running group of the coordinator's with the world's mentee in it (pages only for groups need one).</summary>
    private async Task<int> GroupAsync(string coordinatorId, AppUser mentee)
    {
        var programId = await app.CreateProgramAsync(coordinatorId, ProgramFormat.Group);
        var cohortId = await app.CreateCohortAsync(programId);
        var people = new[] { (await app.CreateUserAsync(null, canSignIn: false), EnrollmentRole.Mentor), (mentee, EnrollmentRole.Mentee), (await app.CreateUserAsync(null, canSignIn: false), EnrollmentRole.Mentee) };
        var enrollments = new List<int>();
        foreach (var (person, role) in people) enrollments.Add(await app.EnrollAsync(cohortId, person.Id, role));
        return await app.WithDbAsync(async db =>
        {
            var group = new Mentorship(cohortId, app.Clock.GetUtcNow().UtcDateTime);
            var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
            foreach (var enrollment in await db.Enrollments.Where(e => enrollments.Contains(e.Id)).OrderBy(e => e.Id).ToListAsync())
                group.AddMember(enrollment, enrollment.Role is EnrollmentRole.Mentor ? MemberRole.Mentor : MemberRole.Mentee, today);
            group.Activate(today);
            db.Mentorships.Add(group);
            await db.SaveChangesAsync();
            return group.Id;
        });
    }

    /// <summary>A signed-in client for each of the world's administrator, coordinator, mentor and mentee.</summary>
    private async Task<List<AppClient>> SignedInAsync(World world)
    {
        var clients = new List<AppClient>();
        foreach (var person in new[] { world.Admin, world.Coordinator, world.Mentor, world.Mentee })
        {
            var client = app.CreateAppClient();
            await client.SignInAsync(person.Email!);
            clients.Add(client);
        }
        return clients;
    }

    /// <summary>Sent to the access-denied page (or answered 403): the role check refused the request.</summary>
    private static bool Refused(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Forbidden
        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/Account/AccessDenied", StringComparison.Ordinal));

    private static bool HasIds(string route) => route.Contains('{', StringComparison.Ordinal);

    private static async Task<HttpStatusCode> PostAsync(AppClient client, string url, string handler, string? token, Dictionary<string, string> fields)
    {
        var form = new Dictionary<string, string>(fields);
        if (token is not null) form["__RequestVerificationToken"] = token;
        var target = handler.Length == 0 ? url : url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=" + handler;
        // From an address of its own each time, so the account forms' throttle never answers in place of the rule under test.
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(ClientAddresses.Header, ClientAddresses.Next());
        using var response = await client.Http.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public void The_sweep_finds_every_page_and_handler()
    {
        var handlers = PostHandlers();

        Assert.Contains(handlers, h => h.Page == "/Goals/Details" && h.Name == "ToggleMilestone");
        Assert.Contains(handlers, h => h.Page == "/Programs/Cohorts/Matching" && h.Name == "RemoveConstraint");
        Assert.True(handlers.Count >= 60, $"Only {handlers.Count} handlers found.");
        Assert.True(Routes().Count >= 45, $"Only {Routes().Count} pages found.");
    }

    [Fact]
    public async Task Every_post_handler_sends_anonymous_visitors_to_sign_in()
    {
        var world = await WorldAsync();
        using var client = app.CreateAppClient();
        var token = (await client.GetAsync("/Account/Login")).AntiforgeryToken;

        foreach (var h in PostHandlers().Where(h => !AnonymousPages.Contains(h.Page)))
        {
            using var response = await client.Http.PostAsync(world.Url(h.Route) + (h.Name.Length > 0 ? $"{(h.Route.StartsWith("/Admin/Users/", StringComparison.Ordinal) ? "&" : "?")}handler={h.Name}" : ""),
                new FormUrlEncodedContent(new Dictionary<string, string>(world.Fields()) { ["__RequestVerificationToken"] = token }));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.PathAndQuery.StartsWith("/Account/Login", StringComparison.Ordinal),
                $"POST {h.Page} handler '{h.Name}' answered {(int)response.StatusCode} to an anonymous visitor.");
        }
    }

    [Fact]
    public async Task Every_post_handler_requires_the_antiforgery_token()
    {
        var world = await WorldAsync();
        using var client = app.CreateAppClient();
        await client.SignInAsync(world.Admin.Email!);

        foreach (var h in PostHandlers().Where(h => !WithoutAntiforgery.Contains(h.Page)))
        {
            var status = await PostAsync(client, world.Url(h.Route), h.Name, token: null, world.Fields());
            Assert.True(status == HttpStatusCode.BadRequest, $"POST {h.Page} handler '{h.Name}' without a token answered {(int)status}.");
        }
    }

    [Fact]
    public async Task An_outsider_gets_404_from_every_program_route_and_handler_and_changes_nothing()
    {
        var world = await WorldAsync();
        using var coordinator = app.CreateAppClient();
        using var mentee = app.CreateAppClient();
        using var mentor = app.CreateAppClient();
        using var outsider = app.CreateAppClient();
        await coordinator.SignInAsync(world.Coordinator.Email!);
        await mentee.SignInAsync(world.Mentee.Email!);
        await mentor.SignInAsync(world.Mentor.Email!);
        await outsider.SignInAsync(world.Outsider.Email!);
        var token = (await outsider.GetAsync("/Account/Profile")).AntiforgeryToken;
        var routes = Routes().Where(r => HasIds(r.Value)).ToList();

        foreach (var (page, route) in routes)
        {
            var url = world.Url(route);
            // The ids are real: the program's own people reach the page.
            var own = new[] { (await coordinator.GetAsync(url)).Status, (await mentee.GetAsync(url)).Status, (await mentor.GetAsync(url)).Status };
            Assert.True(own.Contains(HttpStatusCode.OK), $"{page} at {url} answered {string.Join("/", own.Select(s => (int)s))} to its own coordinator, mentee and mentor: the sweep's ids are wrong.");
            if (OrganisationWide(page))
                Assert.True(Refused(await mentee.Http.GetAsync(url)), $"GET {url} answered a participant who coordinates nothing.");
            else
                Assert.True((await outsider.GetAsync(url)).Status == HttpStatusCode.NotFound, $"GET {url} answered an outsider.");
        }

        var before = await SnapshotAsync();
        var handlers = PostHandlers().Where(h => HasIds(h.Route)).ToList();
        var menteeToken = (await mentee.GetAsync("/Account/Profile")).AntiforgeryToken;
        foreach (var h in handlers)
        {
            if (OrganisationWide(h.Page))
            {
                var refused = await PostAsync(mentee, world.Url(h.Route), h.Name, menteeToken, world.Fields());
                Assert.True(refused is HttpStatusCode.Redirect or HttpStatusCode.Forbidden, $"POST {h.Page} handler '{h.Name}' answered {(int)refused} to a participant who coordinates nothing.");
                continue;
            }
            var status = await PostAsync(outsider, world.Url(h.Route), h.Name, token, world.Fields());
            Assert.True(status == HttpStatusCode.NotFound, $"POST {h.Page} handler '{h.Name}' answered {(int)status} to an outsider.");
        }
        Assert.Equal(before, await SnapshotAsync());
        Assert.True(routes.Count >= 20 && handlers.Count >= 35, $"{routes.Count} routes, {handlers.Count} handlers");
    }

    [Fact]
    public async Task No_get_changes_anything_and_every_answer_carries_the_security_headers()
    {
        var world = await WorldAsync();
        var clients = await SignedInAsync(world);
        clients.Add(app.CreateAppClient());
        var urls = Routes().Values.Select(world.Url).Append("/css/site.css").Append("/no/such/page").Append("/Error/500").ToList();
        var before = await SnapshotAsync();

        foreach (var client in clients)
            foreach (var url in urls)
            {
                using var response = await client.Http.GetAsync(url);
                Assert.True((int)response.StatusCode < 500 || url.StartsWith("/Error", StringComparison.Ordinal), $"GET {url} answered {(int)response.StatusCode}.");
                Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out _), $"GET {url} has no Content-Security-Policy.");
                Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
                Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            }

        Assert.Equal(before, await SnapshotAsync());
        foreach (var client in clients) client.Dispose();
    }

    /// <summary>Rows of every table and the version of every row that has one: what any write would change.</summary>
    private Task<string> SnapshotAsync() => app.WithDbAsync(async db =>
    {
        var parts = new List<string>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && e.ClrType != typeof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey)))
        {
            var table = entity.GetTableName();
            var versioned = entity.FindProperty("Version") is not null;
            await using var command = connection.CreateCommand();
            var versions = db.Database.IsNpgsql() ? "STRING_AGG(CAST(\"Version\" AS text), ',')" : "GROUP_CONCAT(\"Version\")";
            command.CommandText = versioned ? $"SELECT COUNT(*) || ':' || COALESCE({versions}, '') FROM \"{table}\"" : $"SELECT COUNT(*) FROM \"{table}\"";
            parts.Add($"{table}={await command.ExecuteScalarAsync()}");
        }
        return string.Join("\n", parts.Distinct());
    });
}
