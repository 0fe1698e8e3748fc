using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Hangfire;
using MentorHub.Core.Data;
using MentorHub.Core.Domain;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MentorHub.BrowserTests.Journeys;

/// <summary>
/// axe's WCAG 2.2 A and AA rules on every page the app routes (found from its endpoints, so a new page is checked
/// without being listed) and on the jobs dashboard, at a desktop width and at 320 px, each page as someone allowed to
/// see it, with the demo library's real ids.
/// </summary>
[Collection(BrowserCollection.Name)]
public partial class AccessibilitySweep(BrowserFixture browser)
{
    private static readonly AxeRunOptions Wcag22AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        // Only what fails is reported in detail: much less for axe to gather on 124 runs.
        ResultTypes = [ResultType.Violations],
        Iframes = false,
    };

    /// <summary>Pages that are not a page to look at without a key of their own: a token from mail, a sign-in step, a file.</summary>
    private static readonly HashSet<string> NeedAKey =
    [
        "/Account/AcceptInvitation", "/Account/ResetPassword", "/Account/LoginWith2fa", "/Account/Logout", "/Unsubscribe",
        "/Me/Feed", "/Dev/Mail", "/Welcome", "/Error",
    ];

    private static readonly string[] JobsPages = ["/jobs", "/jobs/recurring", "/jobs/jobs/enqueued", "/jobs/jobs/scheduled", "/jobs/jobs/succeeded", "/jobs/servers"];

    [GeneratedRegex("{([a-zA-Z]+)[^}]*}")]
    private static partial Regex Parameter();

    private async Task<Dictionary<string, string>> DemoIdsAsync()
    {
        await using var scope = browser.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MentorHubDbContext>();
        var mentee = await db.Users.SingleAsync(u => u.Email == DemoDataSeeder.MenteeEmail);
        var member = await db.MentorshipMembers.Where(m => m.UserId == mentee.Id && m.Mentorship!.Status == MentorshipStatus.Active
                && m.Mentorship.Cohort!.Program!.Coordinators.Any(c => c.User!.Email == DemoDataSeeder.CoordinatorEmail))
            .OrderBy(m => m.Id).Select(m => new { m.Id, m.MentorshipId, m.EnrollmentId, m.Mentorship!.CohortId, m.Mentorship.Cohort!.ProgramId }).FirstAsync();
        var group = await db.Mentorships.Where(m => m.Status == MentorshipStatus.Active && m.Cohort!.Program!.Format == ProgramFormat.Group)
            .OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
        // The cohort where mentees choose: the demo mentee's shortlist and the demo mentor's requests.
        var choosing = await db.Enrollments.Where(e => e.Cohort!.ChoiceMode == MenteeChoiceMode.Request)
            .Select(e => new { e.Id, e.Role, e.User!.Email }).ToListAsync();
        return new Dictionary<string, string>
        {
            ["choosingMentee"] = $"{choosing.Single(e => e.Email == DemoDataSeeder.MenteeEmail).Id}",
            ["choosingMentor"] = $"{choosing.Single(e => e.Email == DemoDataSeeder.MentorEmail).Id}",
            ["program"] = $"{member.ProgramId}",
            ["cohort"] = $"{member.CohortId}",
            ["mentorship"] = $"{member.MentorshipId}",
            ["enrollment"] = $"{member.EnrollmentId}",
            ["group"] = $"{group}",
            ["meeting"] = $"{await db.Meetings.Where(m => m.MentorshipId == member.MentorshipId && m.Status == MeetingStatus.Held).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync()}",
            ["scheduledMeeting"] = $"{await db.Meetings.Where(m => m.MentorshipId == member.MentorshipId && m.Status == MeetingStatus.Scheduled && m.StartsAtUtc > DateTime.UtcNow).OrderBy(m => m.StartsAtUtc).Select(m => m.Id).FirstAsync()}",
            ["goal"] = $"{await db.Goals.Where(g => g.OwnerMemberId == member.Id && g.Status == GoalStatus.InProgress).OrderBy(g => g.Id).Select(g => g.Id).FirstAsync()}",
            ["checkIn"] = $"{await db.Assessments.Where(a => a.MentorshipMemberId == member.Id).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync()}",
            ["resource"] = $"{await db.Resources.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync()}",
            ["module"] = $"{await db.TrainingModules.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync()}",
            ["measure"] = $"{await db.ServiceMeasures.Where(s => s.ProgramId == member.ProgramId).OrderBy(s => s.Id).Select(s => s.Id).FirstOrDefaultAsync()}",
            ["staff"] = $"{await db.StaffMembers.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync()}",
            ["user"] = mentee.Id,
        };
    }

    /// <summary>Every routed page with the demo's ids in place.</summary>
    private List<(string Page, string Url)> Pages(Dictionary<string, string> ids) => browser.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
        .Select(e => (Page: e.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath, Route: "/" + e.RoutePattern.RawText!.TrimStart('/')))
        .Where(x => x.Page is not null && !NeedAKey.Contains(x.Page))
        .GroupBy(x => x.Page!).Select(g => g.OrderBy(x => x.Route.Length).First())
        .Select(x =>
        {
            var prefix = x.Route.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
            var url = Parameter().Replace(x.Route, m => m.Groups[1].Value switch
            {
                "id" when x.Route.EndsWith("/Move", StringComparison.Ordinal) => ids["group"],
                "id" when x.Route.StartsWith("/Meetings/", StringComparison.Ordinal) && x.Route.EndsWith("/Edit", StringComparison.Ordinal) => ids["scheduledMeeting"],
                "id" => ids[prefix switch { "Programs" => "program", "Mentorships" => "mentorship", "Meetings" => "meeting", "Goals" => "goal", "CheckIns" => "checkIn", "Resources" => "resource", "Staff" => "staff", _ => throw new InvalidOperationException(x.Route) }],
                "cohortId" => ids["cohort"],
                "enrollmentId" when x.Route.EndsWith("/Shortlist", StringComparison.Ordinal) => ids["choosingMentee"],
                "enrollmentId" when x.Route.EndsWith("/Requests", StringComparison.Ordinal) => ids["choosingMentor"],
                "enrollmentId" => ids["enrollment"],
                "moduleId" => ids["module"],
                "measureId" => ids["measure"],
                var other => throw new InvalidOperationException($"No demo id for {{{other}}} in {x.Route}: add it to the sweep."),
            });
            return (x.Page!, x.Route.StartsWith("/Admin/Users/", StringComparison.Ordinal) && !x.Route.EndsWith("Invite", StringComparison.Ordinal) ? $"{url}?id={ids["user"]}" : url);
        })
        .OrderBy(x => x.Item2, StringComparer.Ordinal).ToList();

    /// <summary>The innermost elements that reach past the window's right edge, when the page scrolls sideways.</summary>
    private const string Overflowing = """
        () => {
            if (document.documentElement.scrollWidth <= window.innerWidth + 1) return [];
            const clipped = e => { for (let a = e.parentElement; a; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return true; return false; };
            const wide = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !clipped(e)
                && ![...e.children].some(c => c.getBoundingClientRect().right > window.innerWidth + 1));
            return wide.slice(0, 4).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).split(' ').join('.') : '') + ' ' + (e.textContent || '').trim().slice(0, 40));
        }
        """;

    /// <summary>Who is asked first for a page: the person it is for, so the sweep rarely knocks on a wrong door.</summary>
    private static string? FirstAsked(string page) => page switch
    {
        _ when page.StartsWith("/Admin", StringComparison.Ordinal) || page.StartsWith("/jobs", StringComparison.Ordinal) => DemoDataSeeder.AdminEmail,
        _ when page.StartsWith("/Programs", StringComparison.Ordinal) || page.StartsWith("/Staff", StringComparison.Ordinal) || page.StartsWith("/Reports", StringComparison.Ordinal) => DemoDataSeeder.CoordinatorEmail,
        "/Account/Login" or "/Account/ForgotPassword" or "/Account/Register" => null,
        _ => DemoDataSeeder.MenteeEmail,
    };

    private static readonly int[] Widths = [1280, 320];

    [Fact]
    public async Task Every_page_meets_WCAG_2_2_AA_at_1280_and_320_px()
    {
        var ids = await DemoIdsAsync();
        var pages = Pages(ids);
        // Jobs waiting and scheduled, so the dashboard shows its highlighted counters and state labels too.
        var jobs = browser.Services.GetRequiredService<IBackgroundJobClient>();
        jobs.Enqueue<MentorHub.Web.Jobs.DeliverNotificationsJob>(job => job.RunAsync(CancellationToken.None));
        jobs.Schedule<MentorHub.Web.Jobs.DeliverNotificationsJob>(job => job.RunAsync(CancellationToken.None), TimeSpan.FromDays(1));
        // Each page as someone who may see it: the person it is for first, then the others in turn.
        var people = new List<(string? Email, IPage Page)>();
        foreach (var email in new string?[] { null, DemoDataSeeder.MenteeEmail, DemoDataSeeder.MentorEmail, DemoDataSeeder.CoordinatorEmail, DemoDataSeeder.AdminEmail })
        {
            var page = await browser.NewPageAsync(width: Widths[0]);
            if (email is not null) await Journey.SignInAsync(page, email, DemoDataSeeder.Password);
            people.Add((email, page));
        }
        var problems = new List<string>();
        var checkedPages = 0;
        try
        {
            foreach (var (name, url) in pages.Concat(JobsPages.Select(p => (p, p))))
            {
                var reached = false;
                foreach (var (email, page) in people.OrderBy(p => p.Email == FirstAsked(name) ? 0 : 1).Where(p => p.Email is not null || !url.StartsWith("/jobs", StringComparison.Ordinal)))
                {
                    await page.SetViewportSizeAsync(Widths[0], 900);
                    var response = await page.GotoAsync(url);
                    // The access-denied page says so with its status.
                    if (response?.Status != (name == "/Account/AccessDenied" ? 403 : 200) || new Uri(page.Url).AbsolutePath.StartsWith("/Account/Login", StringComparison.Ordinal) && !name.StartsWith("/Account/Login", StringComparison.Ordinal)
                        || page.Url.Contains("/Account/AccessDenied", StringComparison.Ordinal) && name != "/Account/AccessDenied") continue;
                    reached = true;
                    checkedPages++;
                    // The same page at each width: the layout reflows without a reload.
                    foreach (var width in Widths)
                    {
                        await page.SetViewportSizeAsync(width, 900);
                        var result = await page.RunAxe(Wcag22AA);
                        problems.AddRange(result.Violations.Select(v => $"{url} ({email ?? "anonymous"}, {width} px) {v.Id} [{v.Impact}]: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html + " " + string.Join(" ", n.Any.Select(a => a.Message))))}"));
                        var wide = await page.EvaluateAsync<string[]>(Overflowing);
                        if (wide.Length > 0) problems.Add($"{url} ({email ?? "anonymous"}, {width} px) scrolls sideways (WCAG 1.4.10): {string.Join(" | ", wide)}");
                    }
                    break;
                }
                if (!reached) problems.Add($"{url} answered nobody with a page: the sweep's ids or people are wrong.");
            }
        }
        finally
        {
            foreach (var (_, page) in people) await page.Context.CloseAsync();
        }

        Assert.True(problems.Count == 0, $"{problems.Count} problems on {checkedPages} pages:\n" + string.Join("\n", problems));
        Assert.True(checkedPages >= 55, $"Only {checkedPages} pages checked.");
    }
}
