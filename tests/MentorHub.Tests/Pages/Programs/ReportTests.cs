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

        var mentee = await app.CreateUserAsync();
        using var menteeClient = app.CreateAppClient();
        await menteeClient.SignInAsync(mentee.Email!);
        using var refused = await menteeClient.Http.GetAsync("/Reports");
        Assert.Contains("/Account/AccessDenied", refused.Headers.Location!.OriginalString);
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
}
