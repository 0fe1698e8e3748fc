using MentorHub.Core.Data;
using Microsoft.Playwright;

namespace MentorHub.BrowserTests.Journeys;

/// <summary>What a person meets when a form is refused: where focus goes, and how they get from a message to its field.</summary>
[Collection(BrowserCollection.Name)]
public class FormJourneys(BrowserFixture browser)
{
    [Fact]
    public Task A_refused_form_moves_focus_to_its_problems_and_each_message_leads_to_its_field() =>
        Journey.RunAsync(browser, nameof(A_refused_form_moves_focus_to_its_problems_and_each_message_leads_to_its_field), async page =>
    {
        await Journey.SignInAsync(page, DemoDataSeeder.CoordinatorEmail, DemoDataSeeder.Password);
        await page.GotoAsync("/Programs/Create");
        await page.GetByLabel("Description").FillAsync("Kept after the refusal.");
        await page.GetByLabel("Meet every … days").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create program" }).ClickAsync();

        var summary = page.Locator("#form-errors");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Give the program a name." })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Description")).ToHaveValueAsync("Kept after the refusal.");
        var cadence = page.GetByLabel("Meet every … days");
        await Assertions.Expect(cadence).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(cadence).ToHaveValueAsync("");
        // The field's message names it as its label does, and is the summary's message too.
        var message = await page.EvaluateAsync<string>("() => document.getElementById(document.getElementById('Input_MeetingCadenceDays').getAttribute('aria-describedby').split(' ')[0]).textContent");
        Assert.Equal("Enter a number for “Meet every … days”.", message);
        await Assertions.Expect(summary.GetByRole(AriaRole.Link, new() { Name = message })).ToBeVisibleAsync();

        // From the summary, the keyboard reaches the first message and Enter puts the cursor in its field.
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(summary.GetByRole(AriaRole.Link).First).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByLabel("Name", new() { Exact = true })).ToBeFocusedAsync();
        await Assertions.Expect(page.GetByLabel("Name", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await Journey.AssertAccessibleAsync(page);
    });
}
