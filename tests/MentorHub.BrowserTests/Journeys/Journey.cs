using Microsoft.Playwright;

namespace MentorHub.BrowserTests.Journeys;

/// <summary>Runs a journey in a fresh browser page; on failure it saves a screenshot named after the test before rethrowing.</summary>
public static class Journey
{
    public static async Task RunAsync(BrowserFixture browser, string name, Func<IPage, Task> steps, string? timezoneId = null)
    {
        var page = await browser.NewPageAsync(timezoneId);
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

    /// <summary>Fails on any serious or critical axe violation on the current page.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await Deque.AxeCore.Playwright.PageExtensions.RunAxe(page);
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious.Select(v => $"{page.Url} {v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})")));
    }

    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }
}
