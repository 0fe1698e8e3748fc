using System.Text;
using MentorHub.Core.Data;
using Microsoft.Playwright;

namespace MentorHub.BrowserTests.Journeys;

[Collection(BrowserCollection.Name)]
public class CoordinatorJourneys(BrowserFixture browser)
{
    [Fact]
    public Task Coordinator_creates_a_program_and_cohort_imports_people_dry_runs_matching_compares_two_runs_and_accepts_one() => Journey.RunAsync(browser, nameof(Coordinator_creates_a_program_and_cohort_imports_people_dry_runs_matching_compares_two_runs_and_accepts_one), async page =>
    {
        var programName = $"Cataloguing Buddies {Guid.NewGuid():N}"[..26];
        var suffix = Guid.NewGuid().ToString("N")[..8];
        await Journey.SignInAsync(page, DemoDataSeeder.CoordinatorEmail, DemoDataSeeder.Password);

        await page.GotoAsync("/Programs/Create");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(programName);
        await page.GetByLabel("Description").FillAsync("Cataloguers pair up to learn the new ILS's record editor.");
        await page.GetByLabel("Format").SelectOptionAsync("OneToOne");
        await page.GetByLabel("ILS administration").CheckAsync();
        await page.GetByLabel("Digital preservation").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create program" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(programName);

        await page.GetByRole(AriaRole.Link, new() { Name = "New cohort" }).ClickAsync();
        await page.GetByLabel("Name").FillAsync("Winter cohort");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create cohort" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Winter cohort");

        // A new program is a draft: with a description, competencies and a cohort, the coordinator publishes it.
        await page.GetByLabel("Breadcrumb").GetByRole(AriaRole.Link, new() { Name = programName }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This program is a draft" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish the program" }).ClickAsync();
        await Assertions.Expect(page.GetByText("is published")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Winter cohort" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Winter cohort");

        await page.GetByRole(AriaRole.Link, new() { Name = "Import from CSV" }).ClickAsync();
        var csv = "name,email,role,branch,job title,competencies,capacity,availability,modality\n"
            + $"Mina Mentor,mina-{suffix}@example.org,mentor,Central,Systems Librarian,\"ILS administration:5;Digital preservation:3\",2,\"Mon morning; Wed afternoon\",hybrid\n"
            + $"Pavel Preserver,pavel-{suffix}@example.org,mentor,Harbour,Archivist,Digital preservation:5,1,Tue morning,virtual\n"
            + $"Tia Tech,tia-{suffix}@example.org,mentee,Eastside,Library Technician,ILS administration:1,,Mon morning,in person\n"
            + $"Omar Okoro,omar-{suffix}@example.org,mentee,Northgate,Library Technician,Digital preservation:1,,Tue morning,virtual\n";
        await page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload { Name = "people.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await Assertions.Expect(page.Locator("#import-summary")).ToContainTextAsync("4 rows: 4 ready");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import all 4 rows" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import finished" })).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("#import-status")).ToContainTextAsync("4 imported");

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the cohort" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Matching", Exact = true }).ClickAsync();
        var proposal = page.Locator("#accept-form tbody tr");
        await Assertions.Expect(proposal).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#accept-form")).ToContainTextAsync("Tia Tech");
        await page.Locator("#accept-form details").First.Locator("summary").ClickAsync();
        await Assertions.Expect(page.Locator("#accept-form details").First).ToContainTextAsync("Competencies");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "matching-proposal.png"), FullPage = true });
        // The imported capacity is there: Mina takes two mentees.
        await Assertions.Expect(page.Locator("#mentor-places").GetByLabel("Capacity of Mina Mentor")).ToHaveValueAsync("2");

        // A dry run with the program's settings, then one with competencies left out and no minimum score.
        await page.GetByText("Dry-run other settings").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Dry run", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("saved: 2 of 2 matched");
        await page.GetByText("Dry-run other settings").ClickAsync();
        await page.GetByLabel("Competency coverage").FillAsync("0");
        await page.GetByLabel("Minimum score (0 to 100)").FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Dry run", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#run-banner")).ToContainTextAsync("competencies 0");

        await page.GetByRole(AriaRole.Link, new() { Name = "Saved dry runs" }).ClickAsync();
        await page.Locator("#runs input[name='compare']").Nth(0).CheckAsync();
        await page.Locator("#runs input[name='compare']").Nth(1).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare the two ticked runs" }).ClickAsync();
        await Assertions.Expect(page.Locator("#comparison")).ToContainTextAsync("side by side");
        // Two settings differ (competency weight and minimum score), highlighted in both columns: the newer run's are 0.
        await Assertions.Expect(page.Locator("#comparison dd.fw-bold")).ToHaveTextAsync(["5", "40", "0", "0"]);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "matching-runs-compared.png"), FullPage = true });
        await page.Locator("#comparison a").Last.ClickAsync();
        await Assertions.Expect(page.Locator("#run-status")).ToContainTextAsync("the same proposal today");
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept the ticked matches of dry run" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("2 mentorships created");
        await Assertions.Expect(page.GetByText("Nothing to propose")).ToBeVisibleAsync();
    });

    [Fact]
    public Task Coordinator_pages_have_no_serious_accessibility_violations() => Journey.RunAsync(browser, nameof(Coordinator_pages_have_no_serious_accessibility_violations), async page =>
    {
        await Journey.SignInAsync(page, DemoDataSeeder.CoordinatorEmail, DemoDataSeeder.Password);
        await page.GotoAsync("/Programs");
        await Journey.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Digital Skills Reverse Mentoring" }).ClickAsync();
        await Journey.AssertAccessibleAsync(page);
        var programPath = new Uri(page.Url).AbsolutePath;

        await page.GetByRole(AriaRole.Link, new() { Name = "2025-26" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("2025-26");
        await Journey.AssertAccessibleAsync(page);
        var cohortPath = new Uri(page.Url).AbsolutePath;

        foreach (var path in new[] { $"{cohortPath}/Matching", $"{cohortPath}/Import", $"{cohortPath}/Workshops", $"{cohortPath}/Invite", $"{programPath}/Training", $"{programPath}/Edit" })
        {
            await page.GotoAsync(path);
            await Journey.AssertAccessibleAsync(page);
        }
    });
}
