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
}
