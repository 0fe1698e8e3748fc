using MentorHub.Core.Data;
using Microsoft.Playwright;

namespace MentorHub.BrowserTests.Journeys;

[Collection(BrowserCollection.Name)]
public class MenteeChoiceJourneys(BrowserFixture browser)
{
    [Fact]
    public Task A_mentee_asks_a_mentor_from_their_shortlist_the_mentor_accepts_and_the_coordinator_approves() => Journey.RunAsync(browser, nameof(A_mentee_asks_a_mentor_from_their_shortlist_the_mentor_accepts_and_the_coordinator_approves), async page =>
    {
        var programName = $"Preservation Pairs {Guid.NewGuid():N}"[..26];
        const string Password = "Quiet-harbour-ledger-17";
        var menteeEmail = await browser.CreatePersonAsync("Tara Trainee", Password);
        var mentorEmail = await browser.CreatePersonAsync("Moses Mentor", Password);
        await Journey.SignInAsync(page, DemoDataSeeder.CoordinatorEmail, DemoDataSeeder.Password);

        await page.GotoAsync("/Programs/Create");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(programName);
        await page.GetByLabel("Description").FillAsync("Technicians choose a colleague to learn digital preservation from.");
        await page.GetByLabel("Format").SelectOptionAsync("OneToOne");
        await page.GetByLabel("Digital preservation").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create program" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New cohort" }).ClickAsync();
        await page.GetByLabel("Name").FillAsync("First choosers");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create cohort" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("First choosers");
        var cohortPath = new Uri(page.Url).AbsolutePath;

        // Mentees of this cohort request their mentor.
        await page.GetByRole(AriaRole.Link, new() { Name = "Matching", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Mentee choice" }).ClickAsync();
        await page.GetByLabel("Mentees request a mentor").CheckAsync();
        await page.GetByLabel("Days a mentor has to answer").FillAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Mentees now choose their mentor");
        foreach (var (name, email, role) in new[] { ("Moses Mentor", mentorEmail, "Mentor"), ("Tara Trainee", menteeEmail, "Mentee") })
        {
            await page.GotoAsync($"{cohortPath}/Invite");
            await page.GetByLabel("Name").FillAsync(name);
            await page.GetByLabel("Email").FillAsync(email);
            await page.GetByLabel("Role").SelectOptionAsync(role);
            await page.GetByRole(AriaRole.Button, new() { Name = "Enroll and email" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync(name);
        }

        // The mentee picks from the shortlist, with a word for the mentor.
        var mentee = await browser.NewPageAsync();
        await Journey.SignInAsync(mentee, menteeEmail, Password);
        await mentee.GetByRole(AriaRole.Link, new() { Name = "Choose your mentor" }).ClickAsync();
        var entry = mentee.Locator("#shortlist > li", new() { HasText = "Moses Mentor" });
        await Assertions.Expect(entry).ToContainTextAsync("Suggested first");
        await entry.GetByLabel("A word to Moses Mentor (optional)").FillAsync("I look after the digitisation backlog and would love your advice.");
        await entry.GetByRole(AriaRole.Button, new() { Name = "Ask Moses Mentor" }).ClickAsync();
        await Assertions.Expect(mentee.GetByRole(AriaRole.Status).First).ToContainTextAsync("Your request is with Moses Mentor");
        await Assertions.Expect(mentee.Locator("#request-status")).ToContainTextAsync("You asked Moses Mentor");
        await Journey.AssertAccessibleAsync(mentee);

        // The mentor accepts from their home page.
        var mentor = await browser.NewPageAsync();
        await Journey.SignInAsync(mentor, mentorEmail, Password);
        await mentor.Locator("#mentee-requests").GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(mentor.Locator("#pending-requests")).ToContainTextAsync("digitisation backlog");
        await Journey.AssertAccessibleAsync(mentor);
        await mentor.GetByRole(AriaRole.Button, new() { Name = "Accept Tara Trainee" }).ClickAsync();
        await Assertions.Expect(mentor.GetByRole(AriaRole.Status).First).ToContainTextAsync("You accepted Tara Trainee");
        await mentor.Context.CloseAsync();

        // The coordinator approves, and the mentorship is made.
        await page.GotoAsync($"{cohortPath}/Choice");
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve: match Tara Trainee with Moses Mentor" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Tara Trainee and Moses Mentor are matched");
        await Assertions.Expect(page.Locator("#ended-requests")).ToContainTextAsync("approved");

        await mentee.ReloadAsync();
        await mentee.GetByRole(AriaRole.Link, new() { Name = "Open your mentorship" }).ClickAsync();
        await Assertions.Expect(mentee.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Moses Mentor");
        await mentee.Context.CloseAsync();
    });
}
