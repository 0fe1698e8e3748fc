using MentorHub.Core.Domain;
using MentorHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Tests.Pages.Programs;

[Collection(AppCollection.Name)]
public class ReportTests(MentorHubAppFactory app)
{
    [Fact]
    public async Task Groups_below_the_minimum_size_show_no_figures()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var mentorshipId = await app.CreateMentorshipAsync(await app.CreateUserAsync(null, canSignIn: false), await app.CreateUserAsync(null, canSignIn: false), coordinator.Id, running: true);
        var programId = await app.WithDbAsync(db => db.Mentorships.Where(m => m.Id == mentorshipId).Select(m => m.Cohort!.ProgramId).SingleAsync());
        using var client = app.CreateAppClient();
        await client.SignInAsync(coordinator.Email!);

        var page = await client.GetAsync($"/Programs/{programId}/Report");

        Assert.Contains("too few to report (0 people; at least 5 needed)", page.Document.QuerySelector("#retention-table")!.TextContent);
        Assert.Contains("too few", page.Document.QuerySelector("#promotion-table")!.TextContent);
        Assert.Contains("too few to report", page.Document.QuerySelector("#proficiency-table")!.TextContent);
        Assert.DoesNotContain("%", page.Document.QuerySelector("#retention-table tbody")!.TextContent);
        var chart = System.Text.Json.JsonDocument.Parse(page.Document.QuerySelector("#retention-chart")!.GetAttribute("data-chart")!).RootElement;
        Assert.Equal(0, chart.GetProperty("participants").GetArrayLength());
    }

    [Fact]
    public async Task The_figures_as_shown_are_kept_until_the_next_write()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var programId = await app.CreateProgramAsync(coordinator.Id, name: $"Kept {Guid.NewGuid():N}"[..16]);
        var cohortId = await app.CreateCohortAsync(programId, opensInDays: -40, closesInDays: -10);
        await app.EnrollAsync(cohortId, (await app.CreateUserAsync(null, canSignIn: false)).Id, EnrollmentRole.Mentee);
        using var client = app.CreateAppClient();
        await client.SignInAsync(coordinator.Email!);
        async Task<string> LeadAsync(string url) => (await client.GetAsync(url)).Document.QuerySelector(".page-lead")!.TextContent;

        var report = $"/Programs/{programId}/Report";
        Assert.Contains("to today: 1 participant (", await LeadAsync(report));
        Assert.Contains("to today: 1 participant (", await LeadAsync("/Reports"));
        Assert.Contains("to today: 1 participant (", await LeadAsync(report));

        await app.EnrollAsync(cohortId, (await app.CreateUserAsync(null, canSignIn: false)).Id, EnrollmentRole.Mentee);
        Assert.Contains("to today: 2 participants (", await LeadAsync(report));
        Assert.Contains("to today: 2 participants (", await LeadAsync("/Reports"));
        // Another range of the same report is kept apart from the whole of it.
        var later = app.Clock.GetUtcNow().UtcDateTime.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Null((await client.GetAsync($"{report}?from={later}")).Document.QuerySelector(".page-lead"));
        Assert.Contains("to today: 2 participants (", await LeadAsync(report));
    }

    [Fact]
    public async Task Reports_list_the_coordinators_own_programs_with_their_figures_together_and_refuse_participants()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var mine = new[] { await app.CreateProgramAsync(coordinator.Id, name: $"Mine A {Guid.NewGuid():N}"[..16]), await app.CreateProgramAsync(coordinator.Id, name: $"Mine B {Guid.NewGuid():N}"[..16]) };
        var theirs = await app.CreateProgramAsync((await app.CreateUserAsync(null, canSignIn: false)).Id, name: $"Theirs {Guid.NewGuid():N}"[..16]);
        foreach (var id in mine) await app.CreateCohortAsync(id);
        using var client = app.CreateAppClient();
        await client.SignInAsync(coordinator.Email!);

        var page = await client.GetAsync("/Reports");

        var links = page.Document.QuerySelectorAll("#report-programs tbody a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(mine.Select(id => $"/Programs/{id}/Report").Order(), links.Order());
        Assert.DoesNotContain($"/Programs/{theirs}/Report", page.Document.Body!.InnerHtml);
        Assert.Contains("All 2 programs together", page.Text);
        Assert.NotNull(page.Document.QuerySelector("#retention-table"));

        // The list is kept between requests, until the next write: a new program and a new participant show at once.
        var third = await app.CreateProgramAsync(coordinator.Id, name: $"Mine C {Guid.NewGuid():N}"[..16]);
        await app.EnrollAsync(await app.CreateCohortAsync(third), (await app.CreateUserAsync()).Id, EnrollmentRole.Mentee);
        var after = await client.GetAsync("/Reports");
        Assert.Contains("All 3 programs together", after.Text);
        var row = after.Document.QuerySelectorAll("#report-programs tbody tr").Single(r => r.InnerHtml.Contains($"/Programs/{third}/Report", StringComparison.Ordinal));
        Assert.Equal("1", row.QuerySelectorAll("td").Last().TextContent);

        var mentee = await app.CreateUserAsync();
        using var menteeClient = app.CreateAppClient();
        await menteeClient.SignInAsync(mentee.Email!);
        using var refused = await menteeClient.Http.GetAsync("/Reports");
        Assert.Contains("/Account/AccessDenied", refused.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_report_narrows_to_one_cohort_or_a_date_range_and_refuses_another_programs_cohort()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var programId = await app.CreateProgramAsync(coordinator.Id);
        var recent = await app.CreateCohortAsync(programId, "Recent", opensInDays: -100, closesInDays: -80);
        var earlier = await app.CreateCohortAsync(programId, "Earlier", opensInDays: -400, closesInDays: -380);
        await app.CreatePairsAsync(recent, 5);
        await app.CreatePairsAsync(earlier, 4);
        var foreign = await app.CreateCohortAsync(await app.CreateProgramAsync(coordinator.Id));
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        using var client = app.CreateAppClient();
        await client.SignInAsync(coordinator.Email!);

        var all = await client.GetAsync($"/Programs/{programId}/Report");
        Assert.Contains("18 participants", all.Text);
        Assert.Collection(all.Document.QuerySelectorAll("#cohorts-table tbody th"),
            th => Assert.StartsWith("Earlier", th.TextContent.Trim()), th => Assert.StartsWith("Recent", th.TextContent.Trim()), th => Assert.StartsWith("All cohorts", th.TextContent.Trim()));
        Assert.Equal($"/Programs/{programId}/Report?cohort={recent}", all.Document.QuerySelector("#cohorts-table tbody a[href*='cohort=" + recent + "']")!.GetAttribute("href"));

        var one = await client.GetAsync($"/Programs/{programId}/Report?cohort={recent}");
        Assert.Contains("10 participants", one.Text);
        var row = one.Document.QuerySelector("#cohorts-table tbody tr")!;
        // Each pair started 40 days ago on a 14-day cadence (two meetings expected) and held one.
        Assert.StartsWith("50%", row.Children[3].TextContent);
        Assert.StartsWith("4.0", row.Children[6].TextContent);
        Assert.Equal(recent.ToString(System.Globalization.CultureInfo.InvariantCulture), one.Document.QuerySelector("#cohort option[selected]")!.GetAttribute("value"));

        var dated = await client.GetAsync($"/Programs/{programId}/Report?from={today.AddDays(-100):yyyy-MM-dd}&to={today.AddDays(-50):yyyy-MM-dd}");
        Assert.Contains("10 participants", dated.Text);
        var backwards = await client.GetAsync($"/Programs/{programId}/Report?from={today:yyyy-MM-dd}&to={today.AddDays(-50):yyyy-MM-dd}");
        Assert.Contains("after it ends", backwards.Text);
        Assert.Contains("18 participants", backwards.Text);
        var none = await client.GetAsync($"/Programs/{programId}/Report?from={today.AddDays(10):yyyy-MM-dd}");
        Assert.Contains("No cohort of this program starts within the range chosen.", none.Text);

        using var csv = await client.Http.GetAsync($"/Programs/{programId}/Report?handler=Csv&figure=cohorts&cohort={recent}");
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("cohort,starts,participants,completed (share)", lines[0]);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("Recent,", lines[1]);
        Assert.Contains(",0.5,0.5,0.5,", lines[1]);

        using var refused = await client.Http.GetAsync($"/Programs/{programId}/Report?cohort={foreign}");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, refused.StatusCode);
        using var garbage = await client.Http.GetAsync($"/Programs/{programId}/Report?from=yesterday&years=many");
        Assert.Equal(System.Net.HttpStatusCode.OK, garbage.StatusCode);
    }

    [Fact]
    public async Task Proficiency_shows_the_means_before_and_after_and_the_change_to_the_midpoint()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var programId = await app.CreateProgramAsync(coordinator.Id);
        var cohortId = await app.CreateCohortAsync(programId, opensInDays: -100, closesInDays: -80);
        await app.CreatePairsAsync(cohortId, 6);
        var competencyId = await app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var competency = await db.Programs.Where(p => p.Id == programId).SelectMany(p => p.TargetCompetencies).Select(t => t.CompetencyId).FirstAsync();
            var baselines = await db.Assessments.Where(a => a.Kind == AssessmentKind.Baseline && a.Member!.Mentorship!.CohortId == cohortId).ToListAsync();
            var level = 0;
            foreach (var baseline in baselines)
            {
                // Baselines 1, 2, 1, 2, …; each person is one level up at the midpoint and two at exit (three for the last).
                var start = 1 + level++ % 2;
                baseline.Submit(new Dictionary<int, int> { [competency] = start }, 2, 3, null, now.AddDays(-30));
                var midpoint = new Assessment(baseline.MentorshipMemberId, AssessmentKind.Midpoint, DateOnly.FromDateTime(now).AddDays(-10));
                midpoint.Submit(new Dictionary<int, int> { [competency] = start + 1 }, 3, 3, null, now.AddDays(-10));
                var exit = new Assessment(baseline.MentorshipMemberId, AssessmentKind.Exit, DateOnly.FromDateTime(now).AddDays(-1));
                exit.Submit(new Dictionary<int, int> { [competency] = start + (level == baselines.Count ? 3 : 2) }, 4, 3, null, now.AddDays(-1));
                db.Assessments.AddRange(midpoint, exit);
            }
            await db.SaveChangesAsync();
            return competency;
        });
        var name = await app.WithDbAsync(db => db.Competencies.Where(c => c.Id == competencyId).Select(c => c.Name).SingleAsync());
        using var client = app.CreateAppClient();
        await client.SignInAsync(coordinator.Email!);

        var page = await client.GetAsync($"/Programs/{programId}/Report");

        var row = page.Document.QuerySelectorAll("#proficiency-table tbody tr").Single(r => r.QuerySelector("th")!.TextContent == name);
        // Baselines average 1.5; exits 3.5 + 1/6.
        Assert.Equal("1.50 → 3.67", row.Children[1].TextContent);
        Assert.StartsWith("+2.17 (95% CI", row.Children[2].TextContent);
        Assert.Equal("+1.00 (1.00 to 1.00); 6 people", row.Children[3].TextContent);
        var chart = System.Text.Json.JsonDocument.Parse(page.Document.QuerySelector("#proficiency-chart")!.GetAttribute("data-chart")!).RootElement;
        Assert.Equal(1.5, chart.GetProperty("before")[0].GetDouble());
        Assert.Equal(3.67, chart.GetProperty("after")[0].GetDouble());
    }

    [Fact]
    public async Task The_report_runs_the_same_queries_for_a_small_and_a_large_program()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        using var client = app.CreateAppClient();
        await client.SignInAsync(coordinator.Email!);

        async Task<int> MeasureAsync(int pairs)
        {
            var programId = await app.CreateProgramAsync(coordinator.Id);
            var cohortId = await app.CreateCohortAsync(programId, opensInDays: -100, closesInDays: -80);
            await app.CreatePairsAsync(cohortId, pairs);
            return await app.Queries.MeasureAsync(() => client.GetAsync($"/Programs/{programId}/Report"));
        }

        var small = await MeasureAsync(5);
        var large = await MeasureAsync(120);

        Assert.True(small > 0);
        Assert.Equal(small, large);
    }

    [Fact]
    public async Task Reports_run_the_same_queries_for_one_program_and_for_four()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        using var client = app.CreateAppClient();
        await client.SignInAsync(coordinator.Email!);
        async Task AddProgramAsync(int cohorts, int pairs)
        {
            var programId = await app.CreateProgramAsync(coordinator.Id);
            for (var i = 0; i < cohorts; i++) await app.CreatePairsAsync(await app.CreateCohortAsync(programId, $"Cohort {i}", opensInDays: -100 - 50 * i, closesInDays: -80 - 50 * i), pairs);
        }

        await AddProgramAsync(1, 5);
        // Each count follows a write, so the figures are computed again rather than read from what was kept.
        var one = await app.Queries.MeasureAsync(() => client.GetAsync("/Reports"));
        for (var i = 0; i < 3; i++) await AddProgramAsync(3, 20);
        var four = await app.Queries.MeasureAsync(() => client.GetAsync("/Reports"));

        Assert.True(one > 3);
        Assert.Equal(one, four);
    }
}
