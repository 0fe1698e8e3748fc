using System.Text.RegularExpressions;
using MentorHub.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MentorHub.BrowserTests.Journeys;

/// <summary>Mentors and mentees, every day: arriving, talking to each other, and finding their way back in the history.</summary>
[Collection(BrowserCollection.Name)]
public partial class DailyJourneys(BrowserFixture browser)
{
    private async Task<T> WithDbAsync<T>(Func<MentorHubDbContext, Task<T>> read)
    {
        await using var scope = browser.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<MentorHubDbContext>());
    }

    [GeneratedRegex(@"/Account/AcceptInvitation\S*")]
    private static partial Regex InvitationLink();

    [Fact]
    public Task An_invited_person_accepts_sets_their_zone_in_the_welcome_step_and_sees_their_checklist() =>
        Journey.RunAsync(browser, nameof(An_invited_person_accepts_sets_their_zone_in_the_welcome_step_and_sees_their_checklist), async page =>
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var cohort = await WithDbAsync(db => db.Cohorts.Where(c => c.EndsOn > today.AddDays(30) && c.CompletedOn == null && c.Program!.Format != MentorHub.Core.Domain.ProgramFormat.Peer && c.Program.Coordinators.Any(pc => pc.User!.Email == DemoDataSeeder.CoordinatorEmail))
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.ProgramId }).FirstAsync());
        var email = $"wren-{Guid.NewGuid():N}@example.org";
        await Journey.SignInAsync(page, DemoDataSeeder.CoordinatorEmail, DemoDataSeeder.Password);
        await page.GotoAsync($"/Programs/{cohort.ProgramId}/Cohorts/{cohort.Id}/Invite");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Wren Newcomer");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Role").SelectOptionAsync("Mentee");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enroll and email" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Wren Newcomer");
        var mail = await WithDbAsync(db => db.Notifications.Where(n => n.RecipientEmail == email).OrderByDescending(n => n.Id).Select(n => n.TextBody).FirstAsync());
        var link = InvitationLink().Match(mail).Value;

        // The newcomer's browser is in Tokyo; the organisation's default is not.
        var newcomer = await browser.NewPageAsync(timezoneId: "Asia/Tokyo");
        try
        {
            await newcomer.GotoAsync(link);
            await newcomer.GetByLabel("Password", new() { Exact = true }).FillAsync("first day at the branch");
            await newcomer.GetByLabel("Type it again").FillAsync("first day at the branch");
            await newcomer.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();

            await Assertions.Expect(newcomer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welcome to MentorHub");
            await Assertions.Expect(newcomer.GetByLabel("Time zone")).ToHaveValueAsync("Asia/Tokyo");
            await Assertions.Expect(newcomer.Locator("#tz-browser")).ToContainTextAsync("Set to Asia/Tokyo from your browser");
            await Journey.AssertAccessibleAsync(newcomer);
            await newcomer.GetByLabel("Job title").FillAsync("Library technician");
            await newcomer.GetByLabel("Branch or location").FillAsync("Eastside branch");
            await newcomer.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();

            await Assertions.Expect(newcomer.GetByRole(AriaRole.Status).First).ToContainTextAsync("Times are now shown in Asia/Tokyo");
            await Assertions.Expect(newcomer.Locator(".page-lead").First).ToContainTextAsync("(Asia/Tokyo)");
            var checklist = newcomer.Locator("#checklist");
            await Assertions.Expect(checklist.Locator("li.done")).ToContainTextAsync("Complete your profile");
            await Assertions.Expect(checklist.GetByRole(AriaRole.Link, new() { Name = "Subscribe to your meetings calendar" })).ToBeVisibleAsync();
            await Journey.AssertAccessibleAsync(newcomer);

            // The welcome step does not come back.
            await newcomer.GotoAsync("/Messages");
            await Assertions.Expect(newcomer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Messages");
        }
        finally
        {
            await newcomer.Context.CloseAsync();
        }
    });

    [Fact]
    public Task A_mentor_and_mentee_exchange_messages_and_see_what_is_unread() =>
        Journey.RunAsync(browser, nameof(A_mentor_and_mentee_exchange_messages_and_see_what_is_unread), async mentor =>
    {
        await Journey.SignInAsync(mentor, DemoDataSeeder.MentorEmail, DemoDataSeeder.Password);
        await mentor.Locator(".home-card", new() { HasText = "Margaret Okafor" }).First.GetByRole(AriaRole.Link).First.ClickAsync();
        await mentor.Locator("#messages-link").ClickAsync();
        await mentor.GetByLabel("Your message").FillAsync("Before Thursday:\n- read the *fixity* checklist\n- bring two questions");
        await mentor.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(mentor.GetByRole(AriaRole.Status).First).ToContainTextAsync("Message sent.");
        await Assertions.Expect(mentor.Locator(".message-mine").Last.Locator("li")).ToHaveTextAsync(["read the fixity checklist", "bring two questions"]);
        await Journey.AssertAccessibleAsync(mentor);

        var mentee = await browser.NewPageAsync();
        try
        {
            await Journey.SignInAsync(mentee, DemoDataSeeder.MenteeEmail, DemoDataSeeder.Password);
            await Assertions.Expect(mentee.Locator("#nav-messages .badge-unread")).ToContainTextAsync("1");
            await mentee.Locator("#nav-messages").ClickAsync();
            await Assertions.Expect(mentee.Locator("#conversations")).ToContainTextAsync("1 unread message");
            await mentee.Locator("#conversations a", new() { HasText = "Priya Natarajan" }).ClickAsync();
            await Assertions.Expect(mentee.Locator(".message").Last).ToContainTextAsync("read the fixity checklist");
            await Assertions.Expect(mentee.Locator("#nav-messages .badge-unread")).ToHaveCountAsync(0);
            await mentee.GetByLabel("Your message").FillAsync("Thanks, Priya. I will bring the list.");
            await mentee.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
            await Assertions.Expect(mentee.Locator(".message-mine").Last).ToContainTextAsync("I will bring the list.");
        }
        finally
        {
            await mentee.Context.CloseAsync();
        }

        await mentor.GotoAsync("/");
        await Assertions.Expect(mentor.Locator("#nav-messages .badge-unread")).ToContainTextAsync("1");
        await mentor.Locator(".home-card", new() { HasText = "Margaret Okafor" }).First.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(mentor.Locator("#messages-link .badge-unread")).ToContainTextAsync("1");
    });

    [Fact]
    public Task A_mentee_pages_back_through_the_mentorships_history_and_filters_it() =>
        Journey.RunAsync(browser, nameof(A_mentee_pages_back_through_the_mentorships_history_and_filters_it), async page =>
    {
        await Journey.SignInAsync(page, DemoDataSeeder.MenteeEmail, DemoDataSeeder.Password);
        await page.Locator(".home-card").First.GetByRole(AriaRole.Link).First.ClickAsync();
        var entries = page.Locator("#timeline-entries > li");
        await Assertions.Expect(entries).ToHaveCountAsync(20);
        var newest = await entries.First.InnerTextAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Older entries" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("before="));
        await Assertions.Expect(entries.First).Not.ToHaveTextAsync(newest);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Back to the latest" })).ToBeVisibleAsync();

        await page.Locator(".timeline-filter").GetByRole(AriaRole.Link, new() { Name = "Meetings" }).ClickAsync();
        await Assertions.Expect(page.Locator(".timeline-filter a[aria-current=page]")).ToHaveTextAsync("Meetings");
        foreach (var title in await page.Locator("#timeline-entries > li > a").AllInnerTextsAsync())
            Assert.StartsWith("Meeting", title);
        await Journey.AssertAccessibleAsync(page);
    });

    [Fact]
    public async Task On_a_phone_list_tables_stack_into_labelled_cards_with_nothing_off_screen()
    {
        var page = await browser.NewPageAsync(width: 390);
        try
        {
            await Journey.SignInAsync(page, DemoDataSeeder.AdminEmail, DemoDataSeeder.Password);
            await page.GotoAsync("/Admin/Users");
            var row = page.Locator("table.table-stack tbody tr").First;
            Assert.Equal("block", await row.EvaluateAsync<string>("r => getComputedStyle(r).display"));
            var email = row.Locator("td").First;
            Assert.Equal("Email", await email.GetAttributeAsync("data-label"));
            Assert.Contains("Email", await email.EvaluateAsync<string>("c => getComputedStyle(c, '::before').content"));
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The page scrolls sideways on a phone.");
            await Journey.AssertAccessibleAsync(page);

            // The profile reflows at 320 px (WCAG 1.4.10): its buttons wrap instead of running off the side.
            await page.SetViewportSizeAsync(320, 800);
            await page.GotoAsync("/Account/Profile");
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The profile scrolls sideways at 320 px.");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>WCAG contrast of the focused element's outline against the nearest opaque background behind it.</summary>
    private const string FocusContrast = """
        () => {
            const el = document.activeElement;
            const rgb = c => c.match(/\d+(\.\d+)?/g).slice(0, 4).map(Number);
            const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
                .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
            const style = getComputedStyle(el);
            if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2) return 0;
            let node = el.parentElement, bg = [255, 255, 255];
            while (node) { const c = rgb(getComputedStyle(node).backgroundColor); if (c.length < 4 || c[3] > 0) { bg = c; break; } node = node.parentElement; }
            const [a, b] = [lum(rgb(style.outlineColor)), lum(bg)].sort((x, y) => y - x);
            return (a + 0.05) / (b + 0.05);
        }
        """;

    [Fact]
    public Task The_keyboard_focus_ring_stands_out_at_3_to_1_on_the_light_page_and_on_the_teal_bar() =>
        Journey.RunAsync(browser, nameof(The_keyboard_focus_ring_stands_out_at_3_to_1_on_the_light_page_and_on_the_teal_bar), async page =>
    {
        await Journey.SignInAsync(page, DemoDataSeeder.MenteeEmail, DemoDataSeeder.Password);
        await page.Locator("#nav-messages").FocusAsync();
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("nav-messages", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        var onBar = await page.EvaluateAsync<double>(FocusContrast);
        Assert.True(onBar >= 3, $"The focus ring on the navigation bar has a contrast of {onBar:0.00}:1.");

        await page.Locator(".home-card a").First.FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Shift+Tab");
        var onPage = await page.EvaluateAsync<double>(FocusContrast);
        Assert.True(onPage >= 3, $"The focus ring on the page has a contrast of {onPage:0.00}:1.");

        await page.GotoAsync("/Account/Profile");
        await page.GetByLabel("Job title").FocusAsync();
        var onField = await page.EvaluateAsync<double>(FocusContrast);
        Assert.True(onField >= 3, $"The focus ring of a form field has a contrast of {onField:0.00}:1.");
    });
}
