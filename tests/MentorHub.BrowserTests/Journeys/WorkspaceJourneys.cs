using System.Globalization;
using MentorHub.Core.Data;
using Microsoft.Playwright;

namespace MentorHub.BrowserTests.Journeys;

[Collection(BrowserCollection.Name)]
public class WorkspaceJourneys(BrowserFixture browser)
{
    private static string Date(int days) => DateTime.UtcNow.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task OpenMentorshipWithAsync(IPage page, string partner)
    {
        await page.GotoAsync("/");
        await page.Locator(".home-card", new() { HasText = partner }).First.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(partner);
    }

    [Fact]
    public Task Mentor_schedules_a_meeting_and_logs_it() => Journey.RunAsync(browser, nameof(Mentor_schedules_a_meeting_and_logs_it), async page =>
    {
        await Journey.SignInAsync(page, DemoDataSeeder.MentorEmail, DemoDataSeeder.Password);
        await OpenMentorshipWithAsync(page, "Margaret Okafor");

        await page.GetByRole(AriaRole.Link, new() { Name = "Schedule a meeting" }).ClickAsync();
        await page.GetByLabel("Date").FillAsync(Date(-2));
        await page.GetByLabel("Time").FillAsync("10:30");
        await page.GetByLabel("How").SelectOptionAsync("Virtual");
        await page.GetByLabel("Video link").FillAsync("https://meet.example.org/priya-margaret");
        await page.GetByLabel("Agenda").FillAsync("Try the AI headings sandbox on ten records");
        await page.GetByRole(AriaRole.Button, new() { Name = "Schedule" }).ClickAsync();
        await Assertions.Expect(page.Locator("#meeting-time")).ToContainTextAsync("10:30");

        await page.GetByRole(AriaRole.Link, new() { Name = "Log this meeting" }).ClickAsync();
        await page.GetByLabel("Yes, it was held").CheckAsync();
        await page.GetByLabel("AI-assisted cataloguing").CheckAsync();
        await page.GetByLabel("Notes").FillAsync("Margaret reviewed ten suggestions and kept seven.\nAgreed actions:\n- try ten more records\n- share the **results** with the branch");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the log" }).ClickAsync();

        // The notes read as written: their line breaks and list kept, the emphasis rendered.
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Meeting logged as held");
        await Assertions.Expect(page.Locator("#notes")).ToContainTextAsync("Margaret reviewed ten suggestions and kept seven.");
        await Assertions.Expect(page.Locator("#notes li")).ToHaveTextAsync(["try ten more records", "share the results with the branch"]);
        await Assertions.Expect(page.Locator("#notes strong")).ToHaveTextAsync("results");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "How was it?" })).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(page);
        await page.Locator("nav[aria-label=Breadcrumb] a").First.ClickAsync();
        await Journey.AssertAccessibleAsync(page);
    });

    [Fact]
    public Task Mentee_creates_a_goal_adds_a_milestone_and_records_progress() => Journey.RunAsync(browser, nameof(Mentee_creates_a_goal_adds_a_milestone_and_records_progress), async page =>
    {
        await Journey.SignInAsync(page, DemoDataSeeder.MenteeEmail, DemoDataSeeder.Password);
        await OpenMentorshipWithAsync(page, "Priya Natarajan");

        await page.GetByRole(AriaRole.Link, new() { Name = "New goal" }).ClickAsync();
        await page.GetByLabel("Goal", new() { Exact = true }).FillAsync("Describe 30 photographs with AI-suggested subjects");
        await page.GetByLabel("Competency").SelectOptionAsync(new SelectOptionValue { Label = "AI-assisted cataloguing" });
        await page.GetByLabel("Target date").FillAsync(Date(40));
        await page.GetByRole(AriaRole.Button, new() { Name = "Create goal" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Describe 30 photographs with AI-suggested subjects");

        await page.GetByLabel("New milestone").FillAsync("First ten photographs");
        await page.GetByLabel("Due").FillAsync(Date(14));
        await page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("[aria-labelledby=milestones-heading]")).ToContainTextAsync("First ten photographs");

        await page.GetByLabel("Progress (%)").FillAsync("30");
        await page.GetByLabel("What moved forward").FillAsync("Did the first batch with Priya");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save progress" }).ClickAsync();

        await Assertions.Expect(page.Locator("#goal-status")).ToContainTextAsync("30%");
        await Assertions.Expect(page.Locator("[aria-labelledby=updates-heading]")).ToContainTextAsync("Did the first batch with Priya");
        await Journey.AssertAccessibleAsync(page);
    });
}
