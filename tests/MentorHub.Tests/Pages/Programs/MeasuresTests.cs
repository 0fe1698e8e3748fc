using System.Net;
using MentorHub.Core.Domain;
using MentorHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Tests.Pages.Programs;

[Collection(AppCollection.Name)]
public class MeasuresTests(MentorHubAppFactory app)
{
    /// <summary>A coordinator's program whose only cohort started about a year ago and ended half a year ago.</summary>
    private async Task<(AppUser Coordinator, int ProgramId)> ProgramAsync()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var programId = await app.CreateProgramAsync(coordinator.Id);
        await app.CreateCohortAsync(programId, opensInDays: -400, closesInDays: -380);
        return (coordinator, programId);
    }

    private Task<int> MeasureAsync(int programId) => app.WithDbAsync(async db =>
    {
        var measure = new ServiceMeasure(programId, "Items digitised", "items", higherIsBetter: true, DateTime.UtcNow);
        db.ServiceMeasures.Add(measure);
        await db.SaveChangesAsync();
        return measure.Id;
    });

    /// <summary>Every month's field on the values page, by the period the page says it falls in.</summary>
    private static Dictionary<string, string> Fill(Page page, string baseline, string later) =>
        page.Document.QuerySelectorAll("#values-table tbody tr").ToDictionary(
            row => row.QuerySelector("input")!.GetAttribute("name")!,
            row => row.Children[1].TextContent.Trim() switch { "baseline" => baseline, "during or after" => later, _ => "" });

    [Fact]
    public async Task A_coordinator_defines_a_measure_records_months_and_the_report_compares_before_with_during()
    {
        var (coordinator, programId) = await ProgramAsync();
        using var client = app.CreateAppClient();
        await client.SignInAsync(coordinator.Email!);

        var empty = await client.GetAsync($"/Programs/{programId}/Measures");
        Assert.Contains("No measures yet", empty.Text);
        var invalid = await client.FollowAsync(await client.SubmitAsync(empty, new Dictionary<string, string> { ["Input.Name"] = " ", ["Input.Unit"] = "days", ["Input.HigherIsBetter"] = "false" }));
        Assert.Equal(HttpStatusCode.OK, invalid.Response.StatusCode);
        Assert.Contains("Name the measure", invalid.Text);
        Assert.Equal("days", invalid.Document.QuerySelector("#Input_Unit")!.GetAttribute("value"));
        Assert.NotNull(invalid.Document.QuerySelector("#lower[checked]"));

        var added = await client.SubmitAsync(empty, new Dictionary<string, string> { ["Input.Name"] = "Days from receipt to shelf", ["Input.Unit"] = "days", ["Input.HigherIsBetter"] = "false" });
        var values = await client.FollowAsync(added);
        Assert.Contains("“Days from receipt to shelf” added", values.Text);
        var measureUrl = values.Response.RequestMessage!.RequestUri!.AbsolutePath;

        var typo = Fill(values, baseline: "12", later: "8");
        var lastField = typo.Keys.Last();
        typo[lastField] = "eight";
        var refused = await client.FollowAsync(await client.SubmitAsync(values, typo));
        Assert.Contains("“eight” is not a number", refused.Text);
        Assert.Equal("eight", refused.Document.QuerySelector($"input[name='{lastField}']")!.GetAttribute("value"));
        Assert.Equal("true", refused.Document.QuerySelector($"input[name='{lastField}']")!.GetAttribute("aria-invalid"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<ServiceMeasureValue>().CountAsync(v => db.ServiceMeasures.Any(m => m.ProgramId == programId && m.Id == v.ServiceMeasureId))));

        var saved = await client.FollowAsync(await client.SubmitAsync(refused, Fill(refused, baseline: "12", later: "8.5")));
        var recorded = saved.Document.QuerySelectorAll("#values-table input").Count(i => !string.IsNullOrEmpty(i.GetAttribute("value")));
        Assert.Contains($"{recorded} months recorded", saved.Text);
        Assert.True(recorded > 6);

        var report = await client.GetAsync($"/Programs/{programId}/Report");
        var table = report.Document.QuerySelector(".measure-table")!.TextContent;
        Assert.Contains("12.0 (12.0–12.0) days; 6 months", table);
        Assert.Contains("-3.5 days", table);
        Assert.Contains("better", table);
        Assert.Contains("Days from receipt to shelf: 12.0 days a month on average", report.Document.QuerySelector("#headlines")!.TextContent);
        using var csv = await client.Http.GetAsync($"/Programs/{programId}/Report?handler=Csv&figure=measures");
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("program,measure,unit,month,value,period", lines[0]);
        Assert.Equal(recorded, lines.Length - 1);
        Assert.Equal(6, lines.Count(l => l.EndsWith(",12,before", StringComparison.Ordinal)));

        var list = await client.GetAsync($"/Programs/{programId}/Measures");
        Assert.Contains("Days from receipt to shelf", list.Document.QuerySelector("#measures-table")!.TextContent);
        Assert.Equal(measureUrl, list.Document.QuerySelector("#measures-table a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_stale_save_is_refused_with_the_typed_values_kept_and_removal_takes_the_months()
    {
        var (coordinator, programId) = await ProgramAsync();
        var measureId = await MeasureAsync(programId);
        using var first = app.CreateAppClient();
        using var second = app.CreateAppClient();
        await first.SignInAsync(coordinator.Email!);
        await second.SignInAsync(coordinator.Email!);
        var url = $"/Programs/{programId}/Measures/{measureId}";
        var (pageA, pageB) = (await first.GetAsync(url), await second.GetAsync(url));

        Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitAsync(pageA, Fill(pageA, "100", "150"))).StatusCode);
        var stale = await second.FollowAsync(await second.SubmitAsync(pageB, Fill(pageB, "90", "140")));

        Assert.Contains("Someone else saved this measure", stale.Text);
        Assert.Equal("90", stale.Document.QuerySelectorAll("#values-table tbody tr").First(r => r.Children[1].TextContent.Trim() == "baseline").QuerySelector("input")!.GetAttribute("value"));
        Assert.Equal(100m, await app.WithDbAsync(db => db.Set<ServiceMeasureValue>().Where(v => v.ServiceMeasureId == measureId).MinAsync(v => v.Value)));

        var removed = await first.FollowAsync(await first.SubmitAsync(await first.GetAsync(url), new Dictionary<string, string>(), "form[action*='handler=Remove']"));
        Assert.Contains("“Items digitised” removed", removed.Text);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<ServiceMeasureValue>().CountAsync(v => v.ServiceMeasureId == measureId)));
    }

    [Fact]
    public async Task Another_coordinator_and_another_programs_measure_get_404()
    {
        var (coordinator, programId) = await ProgramAsync();
        var (other, otherProgram) = await ProgramAsync();
        var otherMeasure = await MeasureAsync(otherProgram);
        using var client = app.CreateAppClient();
        await client.SignInAsync(coordinator.Email!);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Programs/{otherProgram}/Measures/{otherMeasure}")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Programs/{programId}/Measures/{otherMeasure}")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Programs/{otherProgram}/Measures")).Response.StatusCode);
        Assert.NotEqual(coordinator.Id, other.Id);
    }
}
