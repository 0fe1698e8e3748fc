using Microsoft.Playwright;

namespace MentorHub.BrowserTests.Journeys;

/// <summary>Runs a journey in a fresh browser page; on failure it saves a screenshot named after the test before rethrowing.</summary>
public static class Journey
{
    public static async Task RunAsync(BrowserFixture browser, string name, Func<IPage, Task> steps)
    {
        var page = await browser.NewPageAsync();
        try
        {
            await steps(page);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsFolder, $"{name}.png"), FullPage = true });
        }
        catch
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsFolder, $"{name}-FAILED.png"), FullPage = true });
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }
}
