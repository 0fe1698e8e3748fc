using System.Text;
using MentorHub.Core.Data;
using Microsoft.Playwright;

namespace MentorHub.BrowserTests.Journeys;

[Collection(TimeTravelCollection.Name)]
public class ProgramLifecycleJourneys(TimeTravelBrowserFixture browser)
{
    [Fact]
    public Task Coordinator_runs_a_program_from_an_empty_form_to_a_completed_cohort() => Journey.RunAsync(browser, nameof(Coordinator_runs_a_program_from_an_empty_form_to_a_completed_cohort), async page =>
    {
        var programName = $"ILS Migration Circle {Guid.NewGuid():N}"[..28];
        var suffix = Guid.NewGuid().ToString("N")[..8];
        const string StaffPassword = "Gentle-lantern-archive-42";
        var staffEmail = await browser.CreatePersonAsync("Sam Staff", StaffPassword);
        await Journey.SignInAsync(page, DemoDataSeeder.CoordinatorEmail, DemoDataSeeder.Password);

        // Create, add a cohort (enrollment opens today) and publish.
        await page.GotoAsync("/Programs/Create");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(programName);
        await page.GetByLabel("Description").FillAsync("Technicians learn the new ILS alongside a colleague who has used it.");
        await page.GetByLabel("ILS administration").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create program" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New cohort" }).ClickAsync();
        await page.GetByLabel("Name").FillAsync("Spring cohort");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create cohort" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Spring cohort");
        var cohortPath = new Uri(page.Url).AbsolutePath;
        await page.GetByLabel("Breadcrumb").GetByRole(AriaRole.Link, new() { Name = programName }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish the program" }).ClickAsync();
        await Assertions.Expect(page.GetByText("is published")).ToBeVisibleAsync();

        // A member of staff applies on the enrollment page.
        var staff = await browser.NewPageAsync();
        await Journey.SignInAsync(staff, staffEmail, StaffPassword);
        await staff.GotoAsync("/Enroll");
        await staff.GetByRole(AriaRole.Button, new() { Name = $"Apply to {programName}" }).ClickAsync();
        await Assertions.Expect(staff.Locator("article", new() { HasText = programName })).ToContainTextAsync("Your application: Applied");
        await staff.Context.CloseAsync();

        // The coordinator approves, imports mentors and one more mentee, and matches.
        await page.GotoAsync(cohortPath);
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve Sam Staff" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Sam Staff is in.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Import from CSV" }).ClickAsync();
        var csv = "name,email,role,branch,job title,competencies\n"
            + $"Mina Mentor,mina-{suffix}@example.org,mentor,Central,Systems Librarian,ILS administration:5\n"
            + $"Pavel Preserver,pavel-{suffix}@example.org,mentor,Harbour,Archivist,ILS administration:4\n"
            + $"Omar Okoro,omar-{suffix}@example.org,mentee,Northgate,Library Technician,ILS administration:1\n";
        await page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload { Name = "people.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Import all 3 rows" }).ClickAsync();
        await Assertions.Expect(page.Locator("#import-status")).ToContainTextAsync("3 imported", new() { Timeout = 20_000 });
        await page.GotoAsync($"{cohortPath}/Matching");
        await Assertions.Expect(page.Locator("#accept-form tbody tr")).ToHaveCountAsync(2);
        // Sam named no competencies, so their pair scores under the program's minimum: proposed unticked, with a warning.
        await Assertions.Expect(page.Locator("#below-minimum")).ToContainTextAsync("1 pair scores under the minimum of 40");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Sam Staff" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept the ticked matches" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("2 mentorships created");

        // Both pairs are in the connections list, on track.
        await page.GotoAsync(cohortPath);
        var connections = page.Locator("#connections tbody tr");
        await Assertions.Expect(connections).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#connections .health", new() { HasText = "On track" })).ToHaveCountAsync(2);

        // Two months on (a month into the cohort), with no meeting and no goal, the pairs are at risk and say why.
        browser.Clock.Advance(TimeSpan.FromDays(60));
        await page.Context.ClearCookiesAsync();
        await Journey.SignInAsync(page, DemoDataSeeder.CoordinatorEmail, DemoDataSeeder.Password);
        await page.GotoAsync(cohortPath);
        var samsPair = page.Locator("#connections tbody tr", new() { HasText = "Sam Staff" });
        await Assertions.Expect(samsPair.Locator(".health")).ToContainTextAsync("At risk");
        await Assertions.Expect(samsPair.Locator(".health")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("No meeting held in the 3[123] days since it started"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "connections-at-risk.png"), FullPage = true });
        await samsPair.GetByRole(AriaRole.Button, new() { Name = "Nudge" }).ClickAsync();
        await Assertions.Expect(page.GetByText("1 pair nudged")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#connections tbody tr", new() { HasText = "Sam Staff" })).ToContainTextAsync("Nudged");

        // Omar's pair is not a good fit: the coordinator ends it, and he is matched again with a new mentor.
        await page.Locator("#connections tbody tr", new() { HasText = "Omar Okoro" }).Locator("th a").First.ClickAsync();
        var omarsMentor = (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync())!.Split(" & ").Single(n => n != "Omar Okoro");
        await page.GetByRole(AriaRole.Link, new() { Name = "End mentorship" }).ClickAsync();
        await page.GetByLabel("Not a good fit").CheckAsync();
        await page.GetByLabel("Note").FillAsync("Their schedules never lined up.");
        await page.GetByRole(AriaRole.Button, new() { Name = "End the mentorship" }).ClickAsync();
        await Assertions.Expect(page.GetByText("back in the matching pool")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#ended-reason")).ToContainTextAsync("not a good fit");

        await page.GotoAsync($"{cohortPath}/Invite");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync($"quinn-{suffix}@example.org");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Quinn Quill");
        await page.GetByLabel("Role").SelectOptionAsync("Mentor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enroll and email" }).ClickAsync();
        await page.GotoAsync($"{cohortPath}/Matching");
        var proposal = page.Locator("#accept-form tbody tr");
        await Assertions.Expect(proposal).ToHaveCountAsync(1);
        await Assertions.Expect(proposal).ToContainTextAsync("Omar Okoro");
        await Assertions.Expect(proposal).Not.ToContainTextAsync(omarsMentor);
        await proposal.GetByRole(AriaRole.Checkbox).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept the ticked matches" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("1 mentorship created");

        // The cohort is completed: every pair ends, and the cohort becomes read-only.
        await page.GotoAsync(cohortPath);
        await page.GetByRole(AriaRole.Link, new() { Name = "Complete cohort" }).ClickAsync();
        await Assertions.Expect(page.GetByText("ends its 2 running mentorships")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete the cohort" }).ClickAsync();
        await Assertions.Expect(page.GetByText("2 mentorships ended")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#cohort-completed")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#connections .health", new() { HasText = "Ended" })).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Matching", Exact = true })).ToHaveCountAsync(0);
    });
}
