using System.Net;
using MentorHub.Core.Data;
using MentorHub.Core.Domain;
using MentorHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MentorHub.Tests.Data;

/// <summary>The demo data on an app of its own, seeded once the way --seed-demo does it.</summary>
public sealed class DemoAppFactory : MentorHubAppFactory, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        Assert.True(await ActivatorUtilities.CreateInstance<DemoDataSeeder>(scope.ServiceProvider).SeedAsync());
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public class DemoDataTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    [Fact]
    public async Task Seeding_a_second_time_adds_nothing()
    {
        var before = await CountsAsync();

        await using var scope = app.Services.CreateAsyncScope();
        var created = await ActivatorUtilities.CreateInstance<DemoDataSeeder>(scope.ServiceProvider).SeedAsync();

        Assert.False(created);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Demo_data_spans_two_years_of_meetings_goals_and_check_ins()
    {
        await app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            Assert.Equal([ProgramFormat.Reverse, ProgramFormat.Peer, ProgramFormat.Group], (await db.Programs.Select(p => p.Format).ToListAsync()).OrderBy(f => f == ProgramFormat.Group).ThenByDescending(f => f == ProgramFormat.Reverse));
            // The group program runs one group of a mentor and three mentees, with its own history.
            var group = await db.Mentorships.Where(m => m.Cohort!.Program!.Format == ProgramFormat.Group).Select(m => new { m.Status, Members = m.Members.Count, Held = db.Meetings.Count(x => x.MentorshipId == m.Id && x.Status == MeetingStatus.Held) }).SingleAsync();
            Assert.Equal((MentorshipStatus.Active, 4), (group.Status, group.Members));
            Assert.True(group.Held > 2, $"The group held only {group.Held} meetings.");
            var firstMeeting = await db.Meetings.MinAsync(m => m.StartsAtUtc);
            Assert.True(now - firstMeeting > TimeSpan.FromDays(700), $"History starts only {firstMeeting:d}.");
            Assert.True(await db.Meetings.CountAsync(m => m.Status == MeetingStatus.Held) > 200);
            Assert.True(await db.Meetings.AnyAsync(m => m.Status == MeetingStatus.Scheduled && m.StartsAtUtc > now));
            Assert.True(await db.Goals.CountAsync(g => g.Status == GoalStatus.Achieved) > 5);
            Assert.True(await db.Assessments.CountAsync(a => a.Kind == AssessmentKind.Exit && a.SubmittedAtUtc != null) > 5);
            Assert.True(await db.OutcomeEvents.CountAsync() >= 8);
            Assert.True(await db.Enrollments.AnyAsync(e => e.Status == EnrollmentStatus.Withdrawn && e.WithdrawalReason != null));
            return 0;
        });
    }

    [Fact]
    public async Task The_coordinator_sees_an_at_risk_pair_an_ended_pair_and_a_completed_cohort()
    {
        var (programId, cohortId) = await app.WithDbAsync(db => db.Cohorts.Where(c => c.Name == "2025-26").Select(c => new ValueTuple<int, int>(c.ProgramId, c.Id)).SingleAsync());
        using var client = app.CreateAppClient();
        await client.SignInAsync(DemoDataSeeder.CoordinatorEmail, DemoDataSeeder.Password);

        var cohort = await client.GetAsync($"/Programs/{programId}/Cohorts/{cohortId}");
        var health = cohort.Document.QuerySelectorAll("#connections .health").Select(h => h.TextContent).ToList();
        Assert.Contains(health, h => h.Contains("At risk", StringComparison.Ordinal) && h.Contains("No meeting held for", StringComparison.Ordinal));
        Assert.Contains(health, h => h.Contains("Ended", StringComparison.Ordinal) && h.Contains("not a good fit", StringComparison.Ordinal));
        var program = await client.GetAsync($"/Programs/{programId}");
        Assert.Contains(program.Document.QuerySelectorAll("#cohorts-heading ~ * tbody tr, section[aria-labelledby=cohorts-heading] tbody tr"), r => r.TextContent.Contains("Completed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_mentorships_recurring_meetings_keep_their_local_hour_across_daylight_saving()
    {
        var chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
        var series = await app.WithDbAsync(db => db.Meetings.GroupBy(m => m.MentorshipId).Where(g => g.Count() > 10).Select(g => g.Select(m => m.StartsAtUtc).ToList()).Take(5).ToListAsync());
        Assert.NotEmpty(series);
        foreach (var starts in series)
        {
            Assert.Single(starts.Select(s => TimeOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(s, chicago))).Distinct());
            Assert.True(starts.Select(s => s.Hour).Distinct().Count() > 1, "A year of meetings crosses a daylight-saving change, so their UTC hours differ.");
        }
    }

    [Theory]
    [InlineData(DemoDataSeeder.AdminEmail, "people")]
    [InlineData(DemoDataSeeder.CoordinatorEmail, "Programs you coordinate")]
    [InlineData(DemoDataSeeder.MentorEmail, "Margaret Okafor")]
    [InlineData(DemoDataSeeder.MenteeEmail, "Priya Natarajan")]
    public async Task Each_demo_account_signs_in_and_sees_its_own_home_page(string email, string expected)
    {
        using var client = app.CreateAppClient();

        await client.SignInAsync(email, DemoDataSeeder.Password);
        var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Contains(expected, home.Text);
    }

    [Fact]
    public async Task Demo_mentee_sees_goals_and_next_meetings_on_the_home_page()
    {
        using var client = app.CreateAppClient();
        await client.SignInAsync(DemoDataSeeder.MenteeEmail, DemoDataSeeder.Password);

        var home = await client.GetAsync("/");

        Assert.NotEmpty(home.Document.QuerySelectorAll("[aria-labelledby=goals-heading] li"));
        Assert.NotEmpty(home.Document.QuerySelectorAll("[aria-labelledby=meetings-heading] li"));
        Assert.NotEmpty(home.Document.QuerySelectorAll("#as-mentee .home-card"));
    }

    private Task<(int Users, int Meetings, int Goals, int Assessments, int Outcomes)> CountsAsync() => app.WithDbAsync(async db =>
        (await db.Users.CountAsync(), await db.Meetings.CountAsync(), await db.Goals.CountAsync(), await db.Assessments.CountAsync(), await db.OutcomeEvents.CountAsync()));

    [Fact]
    public async Task The_outcome_report_shows_every_figure_and_its_numbers_match_the_demo_database()
    {
        var (programId, today) = (await app.WithDbAsync(db => db.Programs.Where(p => p.Name == "Digital Skills Reverse Mentoring").Select(p => p.Id).SingleAsync()),
            DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime));
        using var client = app.CreateAppClient();
        await client.SignInAsync(DemoDataSeeder.CoordinatorEmail, DemoDataSeeder.Password);

        var page = await client.GetAsync($"/Programs/{programId}/Report");

        // Computed here from the tables, independently of the report's own loading.
        var (windowStart, participants, roster) = await app.WithDbAsync(async db =>
        {
            var start = await db.Cohorts.Where(c => c.ProgramId == programId).MinAsync(c => c.StartsOn);
            var took = await db.Enrollments.Where(e => e.Cohort!.ProgramId == programId && e.Cohort.StartsOn <= today
                    && (e.Status == EnrollmentStatus.Active || e.Status == EnrollmentStatus.Completed || e.Status == EnrollmentStatus.Withdrawn))
                .Select(e => e.UserId).Distinct().ToListAsync();
            var staff = await db.StaffMembers.Select(s => new { s.UserId, s.HiredOn, s.LeftOn }).ToListAsync();
            return (start, took.ToHashSet(), staff);
        });
        var colleagues = roster.Where(s => s.UserId is null || !participants.Contains(s.UserId)).ToList();
        Assert.Contains($"{participants.Count} participants", page.Text);
        Assert.Contains($"{colleagues.Count} colleagues on the roster who never took part", page.Text);
        var observations = colleagues
            .Select(s => (s.LeftOn, Start: s.HiredOn > windowStart ? s.HiredOn.Value : windowStart))
            .Where(x => x.LeftOn is null || x.LeftOn >= x.Start)
            .Select(x => new MentorHub.Core.Outcomes.SurvivalObservation(((x.LeftOn ?? today).DayNumber - x.Start.DayNumber) / 30.4375, x.LeftOn is not null))
            .ToList();
        var twelve = MentorHub.Core.Outcomes.KaplanMeier.Estimate(observations).At(12)!;
        var row = page.Document.QuerySelectorAll("#retention-table tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "12 months");
        Assert.StartsWith($"{Math.Round(twelve.Survival * 100):0}% (95% CI {Math.Round(twelve.Lower * 100):0}%–{Math.Round(twelve.Upper * 100):0}%", row.Children[2].TextContent);

        // Every figure has data on first run: both curves, a promotion comparison, and each check-in change.
        var chart = System.Text.Json.JsonDocument.Parse(page.Document.QuerySelector("#retention-chart")!.GetAttribute("data-chart")!).RootElement;
        Assert.True(chart.GetProperty("participants").GetArrayLength() > 1 && chart.GetProperty("colleagues").GetArrayLength() > 1);
        Assert.DoesNotContain("too few", page.Document.QuerySelector("#promotion-table")!.TextContent);
        Assert.DoesNotContain("too few", page.Document.QuerySelector("#proficiency-table")!.TextContent);

        // The trend, the cohort chart and the applicants not placed have data too.
        var trend = System.Text.Json.JsonDocument.Parse(page.Document.QuerySelector("#trend-chart")!.GetAttribute("data-chart")!).RootElement;
        Assert.True(trend.GetProperty("months").GetArrayLength() > 1);
        var cohortChart = System.Text.Json.JsonDocument.Parse(page.Document.QuerySelector("#cohorts-chart")!.GetAttribute("data-chart")!).RootElement;
        Assert.True(cohortChart.GetProperty("labels").GetArrayLength() >= 1);
        Assert.True(chart.GetProperty("waitlist").GetArrayLength() > 1);
        Assert.Contains("Applicants not placed", page.Document.QuerySelector("#promotion-table")!.TextContent);
        var proficiencyChart = System.Text.Json.JsonDocument.Parse(page.Document.QuerySelector("#proficiency-chart")!.GetAttribute("data-chart")!).RootElement;
        Assert.True(proficiencyChart.GetProperty("labels").GetArrayLength() > 1);
        var measure = System.Text.Json.JsonDocument.Parse(page.Document.QuerySelector(".measure-chart")!.GetAttribute("data-chart")!).RootElement;
        Assert.Contains(measure.GetProperty("before").EnumerateArray(), v => v.ValueKind == System.Text.Json.JsonValueKind.Number);
        Assert.Contains(measure.GetProperty("during").EnumerateArray(), v => v.ValueKind == System.Text.Json.JsonValueKind.Number);

        // Goals achieved across the cohorts, counted here from the goals table: settled or past their date.
        var (achieved, due) = await app.WithDbAsync(async db =>
        {
            var goals = await db.Goals.Where(g => g.Mentorship!.Cohort!.ProgramId == programId).Select(g => new { g.Status, g.TargetDate }).ToListAsync();
            var settled = goals.Where(g => g.Status is GoalStatus.Achieved or GoalStatus.Abandoned || g.TargetDate <= today).ToList();
            return (settled.Count(g => g.Status == GoalStatus.Achieved), settled.Count);
        });
        var allCohorts = page.Document.QuerySelectorAll("#cohorts-table tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim().StartsWith("All cohorts", StringComparison.Ordinal));
        Assert.StartsWith($"{Math.Round(100.0 * achieved / due):0}% (", allCohorts.Children[4].TextContent);

        using var csv = await client.Http.GetAsync($"/Programs/{programId}/Report?handler=Csv&figure=retention");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("group,months,at risk,left,still on staff,lower 95%,upper 95%", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("colleagues,", StringComparison.Ordinal));
    }
}
