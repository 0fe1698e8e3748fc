using System.Net;
using MentorHub.Core.Domain;
using MentorHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Tests.Pages.Account;

/// <summary>A host of its own: these tests change the organisation's default time zone.</summary>
public sealed class OnboardingAppFactory : MentorHubAppFactory;

public class OnboardingTests(OnboardingAppFactory app) : IClassFixture<OnboardingAppFactory>
{
    private async Task<string> InviteAndAcceptAsync(AppClient admin, AppClient newcomer, string name)
    {
        var email = $"new-{Guid.NewGuid():N}@test.mentorhub.local";
        var invited = await admin.SubmitAsync("/Admin/Users/Invite", new Dictionary<string, string> { ["Input.DisplayName"] = name, ["Input.Email"] = email });
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var accepted = await newcomer.SubmitAsync(Mailbox.LinkIn(await Mailbox.LatestToAsync(app, email)), new Dictionary<string, string>
        {
            ["Input.NewPassword"] = "first day at the branch",
            ["Input.ConfirmPassword"] = "first day at the branch",
        });
        Assert.Equal("/", accepted.Headers.Location?.OriginalString);
        return email;
    }

    [Fact]
    public async Task An_invited_person_starts_in_the_organisations_zone_is_welcomed_once_and_lands_where_they_were_going()
    {
        var admin = await app.CreateUserAsync("Ada Admin", Roles.Administrator);
        using var adminClient = app.CreateAppClient();
        await adminClient.SignInAsync(admin.Email!);
        var saved = await adminClient.FollowAsync(await adminClient.SubmitAsync("/Admin/Settings", new Dictionary<string, string> { ["TimeZoneId"] = "America/Chicago" }, "#settings-form"));
        Assert.Contains("New accounts and invitations now start in America/Chicago", saved.Text);
        Assert.Equal("America/Chicago", saved.Document.QuerySelector("#TimeZoneId option[selected]")!.GetAttribute("value"));

        using var newcomer = app.CreateAppClient();
        var email = await InviteAndAcceptAsync(adminClient, newcomer, "Nell Newcomer");
        Assert.Equal("America/Chicago", await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.TimeZoneId).SingleAsync()));

        // Any page leads to the welcome step first, and back to that page after it.
        var goingTo = await newcomer.Http.GetAsync("/Messages");
        Assert.Equal(HttpStatusCode.Redirect, goingTo.StatusCode);
        Assert.Equal("/Welcome?returnUrl=%2FMessages", goingTo.Headers.Location?.OriginalString);
        var welcome = await newcomer.GetAsync("/Welcome?returnUrl=%2FMessages");
        Assert.Equal("Nell Newcomer", welcome.InputValue("Input.DisplayName"));
        var zones = welcome.Document.QuerySelectorAll("#Input_TimeZoneId optgroup");
        Assert.Equal("Suggested", zones[0].GetAttribute("label"));
        Assert.Equal("America/Chicago", zones[0].QuerySelector("option")!.GetAttribute("value"));
        Assert.Equal("America/Chicago", welcome.Document.QuerySelector("#Input_TimeZoneId option[selected]")!.GetAttribute("value"));
        Assert.Equal("suggest", welcome.Document.QuerySelector("#Input_TimeZoneId")!.GetAttribute("data-browser-zone"));
        Assert.Contains("Europe", zones.Skip(1).Select(g => g.GetAttribute("label")));

        var bad = await newcomer.FollowAsync(await newcomer.SubmitAsync(welcome, new Dictionary<string, string>
        {
            ["Input.TimeZoneId"] = "Mars/Olympus_Mons",
            ["Input.JobTitle"] = "Library technician",
        }, "#welcome-form"));
        Assert.Contains("Choose a time zone from the list.", bad.Errors);
        Assert.Equal("Library technician", bad.InputValue("Input.JobTitle"));
        Assert.NotEqual("suggest", bad.Document.QuerySelector("#Input_TimeZoneId")!.GetAttribute("data-browser-zone"));

        var done = await newcomer.SubmitAsync(welcome, new Dictionary<string, string>
        {
            ["Input.TimeZoneId"] = "Europe/Dublin",
            ["Input.JobTitle"] = "Library technician",
            ["Input.Branch"] = "Northside",
            ["Input.CareerStage"] = "EarlyCareer",
        }, "#welcome-form");
        Assert.Equal("/Messages", done.Headers.Location?.OriginalString);
        var home = await newcomer.Http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("(Europe/Dublin)", await home.Content.ReadAsStringAsync());
        var user = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == email));
        Assert.Equal(("Library technician", "Northside", CareerStage.EarlyCareer), (user.JobTitle, user.Branch, user.CareerStage));

        // Never again, not even after signing in afresh.
        using var later = app.CreateAppClient();
        await later.SignInAsync(email, "first day at the branch");
        Assert.Equal(HttpStatusCode.OK, (await later.Http.GetAsync("/Messages")).StatusCode);
        Assert.Equal("/", (await later.Http.GetAsync("/Welcome")).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Not_now_ends_the_welcome_step_too()
    {
        var person = await app.CreateUserAsync("Sam Skipper", canSignIn: true, welcomed: false);
        using var client = app.CreateAppClient();
        await client.SignInAsync(person.Email!);
        Assert.Equal("/Welcome", (await client.Http.GetAsync("/")).Headers.Location?.OriginalString);

        var welcome = await client.GetAsync("/Welcome");
        var skipped = await client.Http.PostAsync("/Welcome?handler=Skip", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = welcome.AntiforgeryToken,
            ["returnUrl"] = "https://elsewhere.example.org/",
        }));
        Assert.Equal("/", skipped.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/")).StatusCode);
        Assert.NotNull(await app.WithDbAsync(db => db.Users.Where(u => u.Id == person.Id).Select(u => u.WelcomedAtUtc).SingleAsync()));
    }

    [Fact]
    public async Task A_new_participant_sees_a_checklist_for_their_role_until_every_step_is_done()
    {
        var mentor = await app.CreateUserAsync("Max Mentor");
        var mentee = await app.CreateUserAsync("Mia Mentee");
        var mentorshipId = await app.CreateMentorshipAsync(mentor, mentee);
        using var client = app.CreateAppClient();
        await client.SignInAsync(mentee.Email!);

        List<(string Text, string? Link, bool Done)> Checklist(Page page) => page.Document.QuerySelectorAll("#checklist li")
            .Select(li => (li.TextContent.Replace("✓", "").Replace("(done)", "").Trim(), li.QuerySelector("a")?.GetAttribute("href"), li.ClassList.Contains("done"))).ToList();

        var start = Checklist(await client.GetAsync("/"));
        Assert.Equal(
        [
            ("Complete your profile (job title and branch)", "/Account/Profile", false),
            ("Subscribe to your meetings calendar", "/Me/Calendar", false),
            ("Schedule a first meeting", $"/Mentorships/{mentorshipId}/Meetings/New", false),
            ("Set a first goal with your mentor", $"/Mentorships/{mentorshipId}/Goals/New", false),
        ], start);

        await client.SubmitAsync("/Account/Profile", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Mia Mentee",
            ["Input.JobTitle"] = "Cataloguer",
            ["Input.Branch"] = "Central",
            ["Input.TimeZoneId"] = "Europe/Berlin",
        });
        await app.CreateMeetingAsync(mentorshipId, app.Clock.GetUtcNow().UtcDateTime.AddDays(3), mentor.Id);
        var partway = Checklist(await client.GetAsync("/"));
        Assert.Equal([true, false, true, false], partway.Select(i => i.Done));
        Assert.Contains("2 of 4 done", (await client.GetAsync("/")).Document.QuerySelector("#checklist")!.TextContent);

        await client.SubmitAsync("/Me/Calendar", new Dictionary<string, string>());
        var goal = await client.SubmitAsync($"/Mentorships/{mentorshipId}/Goals/New", new Dictionary<string, string>
        {
            ["Input.Title"] = "Catalogue the zine collection",
            ["Input.TargetDate"] = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, goal.StatusCode);
        Assert.Null((await client.GetAsync("/")).Document.QuerySelector("#checklist"));
    }
}
