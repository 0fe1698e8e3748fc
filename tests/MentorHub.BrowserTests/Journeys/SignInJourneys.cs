using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using MentorHub.Core.Data;
using Microsoft.Playwright;

namespace MentorHub.BrowserTests.Journeys;

[Collection(BrowserCollection.Name)]
public class SignInJourneys(BrowserFixture browser)
{
    [Fact]
    public Task Demo_coordinator_signs_in_and_sees_their_programs() => Journey.RunAsync(browser, nameof(Demo_coordinator_signs_in_and_sees_their_programs), async page =>
    {
        await Journey.SignInAsync(page, DemoDataSeeder.CoordinatorEmail, DemoDataSeeder.Password);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hello, Dana Whitfield");
        var programs = page.Locator("[aria-labelledby=programs-heading]");
        await Assertions.Expect(programs).ToContainTextAsync("ILS Migration Peer Circle");
        await Assertions.Expect(programs).ToContainTextAsync("Digital Skills Reverse Mentoring");
    });

    [Fact]
    public Task Wrong_password_keeps_the_visitor_on_the_sign_in_form_with_a_message() => Journey.RunAsync(browser, nameof(Wrong_password_keeps_the_visitor_on_the_sign_in_form_with_a_message), async page =>
    {
        await Journey.SignInAsync(page, DemoDataSeeder.MentorEmail, "not the password");

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The email or password is incorrect,");
        await Assertions.Expect(page.GetByLabel("Email")).ToHaveValueAsync(DemoDataSeeder.MentorEmail);
    });

    [Fact]
    public Task Skip_link_is_the_first_thing_the_keyboard_reaches() => Journey.RunAsync(browser, nameof(Skip_link_is_the_first_thing_the_keyboard_reaches), async page =>
    {
        await page.GotoAsync("/Account/Login");

        await page.Keyboard.PressAsync("Tab");

        await Assertions.Expect(page.Locator(":focus")).ToHaveTextAsync("Skip to main content");
        await page.Keyboard.PressAsync("Enter");
        Assert.EndsWith("#main", page.Url);
    });

    [Theory]
    [InlineData("/Account/Login", null)]
    [InlineData("/", DemoDataSeeder.MenteeEmail)]
    [InlineData("/Account/Profile", DemoDataSeeder.MentorEmail)]
    [InlineData("/Admin/Users", DemoDataSeeder.AdminEmail)]
    [InlineData("/Admin/Outbox", DemoDataSeeder.AdminEmail)]
    [InlineData("/Account/Notifications", DemoDataSeeder.MenteeEmail)]
    public Task Pages_have_no_serious_accessibility_violations(string url, string? signInAs) => Journey.RunAsync(browser, "axe" + url.Replace('/', '-'), async page =>
    {
        if (signInAs is not null) await Journey.SignInAsync(page, signInAs, DemoDataSeeder.Password);
        await page.GotoAsync(url);

        var result = await page.RunAxe();

        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})")));
    });
}
