using System.Text;
using MentorHub.Core.Data;
using Microsoft.Playwright;

namespace MentorHub.BrowserTests.Journeys;

[Collection(BrowserCollection.Name)]
public class OutcomeJourneys(BrowserFixture browser)
{
    [Fact]
    public Task Coordinator_imports_the_roster_records_a_promotion_and_reads_the_report() => Journey.RunAsync(browser, nameof(Coordinator_imports_the_roster_records_a_promotion_and_reads_the_report), async page =>
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        await Journey.SignInAsync(page, DemoDataSeeder.CoordinatorEmail, DemoDataSeeder.Password);

        await page.GetByRole(AriaRole.Link, new() { Name = "Staff", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Import the staff list" }).ClickAsync();
        var csv = "staff id;name;email;branch;job title;career stage;hire date;leave date;leave reason\n"
            + $"J-{tag}-1;Jo Journey {tag};;Central;Library Technician;early career;2022-02-01;;\n"
            + $"J-{tag}-2;Kit Journey {tag};;Harbour;Cataloguer;developing;2018-09-03;2026-06-30;Retired\n";
        await page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload { Name = "staff.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await Assertions.Expect(page.Locator("#import-summary")).ToContainTextAsync("2 rows: 2 ready (2 new");
        await Journey.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Import all 2 rows" }).ClickAsync();
        await Assertions.Expect(page.Locator("#import-result")).ToContainTextAsync("2 added");

        await page.GetByRole(AriaRole.Link, new() { Name = "Open the roster" }).ClickAsync();
        await page.GetByLabel("Search the roster").FillAsync(tag);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Journey.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = $"Jo Journey {tag}" }).ClickAsync();
        await page.GetByLabel("What happened").SelectOptionAsync("Promoted");
        await page.GetByLabel("Note").FillAsync("Senior Library Technician");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync($"Promoted recorded for Jo Journey {tag}");
        await Assertions.Expect(page.Locator("#outcomes")).ToContainTextAsync("Senior Library Technician");
        await Journey.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Programs", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Digital Skills Reverse Mentoring" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Outcomes" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Outcomes of Digital Skills Reverse Mentoring");
        await Assertions.Expect(page.Locator("#headlines")).ToContainTextAsync("were still on staff a year after joining");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Print or save as PDF" })).ToBeVisibleAsync();
        // The chart drew: Chart.js has sized the canvas and attached itself to it.
        await Assertions.Expect(page.Locator("#retention-chart")).ToHaveAttributeAsync("style", new System.Text.RegularExpressions.Regex("width"));
        await Journey.AssertAccessibleAsync(page);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download the curves (CSV)" }).ClickAsync());
        var path = await download.PathAsync();
        var lines = (await File.ReadAllTextAsync(path!)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("group,months,at risk,left,still on staff,lower 95%,upper 95%", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("colleagues,", StringComparison.Ordinal));

        await page.GetByRole(AriaRole.Link, new() { Name = "Reports", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Digital Skills Reverse Mentoring" })).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(page);

        // The print view keeps the figures and drops the controls.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator("#retention-table")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download the curves (CSV)" })).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".app-header")).ToBeHiddenAsync();
    });
}
