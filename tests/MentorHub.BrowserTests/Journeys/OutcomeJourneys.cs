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

        // A training provider's file of certifications, recorded against the roster.
        await page.GetByRole(AriaRole.Link, new() { Name = "Staff", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Import outcome records" }).ClickAsync();
        await page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload
        {
            Name = "outcomes.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes($"staff id,outcome,date,note\nJ-{tag}-1,certification,2026-03-14,Digital Preservation Foundation\n")
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await Assertions.Expect(page.Locator("#import-summary")).ToContainTextAsync("1 to record");
        await Journey.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record 1 outcome" }).ClickAsync();
        await Assertions.Expect(page.Locator("#import-result")).ToContainTextAsync("Recorded 1 outcome");

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
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Digital Skills Reverse Mentoring", Exact = true })).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(page);

        // The print view keeps the figures and drops the controls.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator("#retention-table")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download the curves (CSV)" })).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".app-header")).ToBeHiddenAsync();
    });

    [Fact]
    public Task Coordinator_defines_a_service_measure_records_its_months_and_narrows_the_report_to_a_cohort() => Journey.RunAsync(browser, nameof(Coordinator_defines_a_service_measure_records_its_months_and_narrows_the_report_to_a_cohort), async page =>
    {
        var name = $"Items digitised {Guid.NewGuid().ToString("N")[..6]}";
        await Journey.SignInAsync(page, DemoDataSeeder.CoordinatorEmail, DemoDataSeeder.Password);
        await page.GetByRole(AriaRole.Link, new() { Name = "Programs", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "ILS Migration Peer Circle" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Service measures" }).ClickAsync();

        // An empty form is refused with a message and nothing lost.
        await page.GetByLabel("Unit").FillAsync("items");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the measure" }).ClickAsync();
        await Assertions.Expect(page.Locator("#form-errors")).ToContainTextAsync("Name the measure");
        await Assertions.Expect(page.GetByLabel("Unit")).ToHaveValueAsync("items");
        await Journey.AssertAccessibleAsync(page);
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the measure" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(name);

        var rows = page.Locator("#values-table tbody tr");
        var baseline = rows.Filter(new() { HasText = "baseline" });
        for (var i = 0; i < await baseline.CountAsync(); i++) await baseline.Nth(i).Locator("input").FillAsync($"{40 + i % 2}");
        var later = rows.Filter(new() { HasText = "during or after" });
        for (var i = 0; i < await later.CountAsync(); i++) await later.Nth(i).Locator("input").FillAsync($"{60 + i % 3}");
        await Journey.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("months recorded");

        await page.GetByRole(AriaRole.Link, new() { Name = "ILS Migration Peer Circle" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Outcomes" }).ClickAsync();
        var table = page.Locator(".measure-table").Filter(new() { HasText = name });
        await Assertions.Expect(table).ToContainTextAsync("40.5 (");
        await Assertions.Expect(table).ToContainTextAsync("better");
        await Assertions.Expect(page.Locator("#headlines")).ToContainTextAsync($"{name}: 40.5 items a month on average");
        await Assertions.Expect(page.Locator(".measure-chart").Last).ToHaveAttributeAsync("style", new System.Text.RegularExpressions.Regex("width"));
        await Assertions.Expect(page.Locator("#cohorts-chart")).ToHaveAttributeAsync("style", new System.Text.RegularExpressions.Regex("width"));
        await Journey.AssertAccessibleAsync(page);

        // Narrowed to one cohort, the cohort table has that cohort alone.
        await page.GetByLabel("Cohort", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = await page.Locator("#cohort option").Nth(1).TextContentAsync() ?? "" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.Locator("#cohorts-table tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#cohorts-table tbody")).ToContainTextAsync("Cohort 1");
        await Journey.AssertAccessibleAsync(page);
    });
}
