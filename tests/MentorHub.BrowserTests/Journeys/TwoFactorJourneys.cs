using MentorHub.Tests.Infrastructure;
using Microsoft.Playwright;

namespace MentorHub.BrowserTests.Journeys;

[Collection(BrowserCollection.Name)]
public class TwoFactorJourneys(BrowserFixture browser)
{
    private const string Password = "lamplight over the reading room";

    [Fact]
    public Task A_person_turns_on_two_step_sign_in_and_signs_in_with_a_code() => Journey.RunAsync(browser, nameof(A_person_turns_on_two_step_sign_in_and_signs_in_with_a_code), async page =>
    {
        var email = await browser.CreatePersonAsync("Tomasz Twostep", Password);
        await Journey.SignInAsync(page, email, Password);
        await page.GotoAsync("/Account/Profile");
        await page.GetByRole(AriaRole.Link, new() { Name = "Two-step sign-in" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Set up an authenticator app" }).ClickAsync();

        await Assertions.Expect(page.GetByAltText("QR code holding your MentorHub authenticator key")).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(page);
        var key = await page.Locator("#shared-key").TextContentAsync();
        await page.GetByLabel("Code from the app").FillAsync(Totp.Code(key!, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-step sign-in" }).ClickAsync();

        await Assertions.Expect(page.Locator("#two-factor-status")).ToContainTextAsync("On");
        await Assertions.Expect(page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
        await Journey.AssertAccessibleAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "two-step-recovery-codes.png"), FullPage = true });

        await page.Context.ClearCookiesAsync();
        await Journey.SignInAsync(page, email, Password);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("One more step");
        await page.GetByLabel("Code").FillAsync(Totp.Code(key!, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hello, Tomasz Twostep");
    });
}
