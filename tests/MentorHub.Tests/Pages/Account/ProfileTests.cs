using System.Net;
using MentorHub.Tests.Infrastructure;

namespace MentorHub.Tests.Pages.Account;

[Collection(AppCollection.Name)]
public class ProfileTests(MentorHubAppFactory app)
{
    [Fact]
    public async Task Saving_the_profile_changes_the_name_and_time_zone_shown_on_every_page()
    {
        var user = await app.CreateUserAsync();
        using var client = app.CreateAppClient();
        await client.SignInAsync(user.Email!);

        var response = await client.SubmitAsync("/Account/Profile", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Grace Hopper-Smith",
            ["Input.JobTitle"] = "Systems Librarian",
            ["Input.Branch"] = "Harbour",
            ["Input.CareerStage"] = "Senior",
            ["Input.TimeZoneId"] = "America/Los_Angeles",
        });

        var saved = await client.FollowAsync(response);
        Assert.Contains("Your profile has been saved.", saved.Text);
        var home = await client.GetAsync("/");
        Assert.Contains("Hello, Grace Hopper-Smith", home.Text);
        Assert.Contains("America/Los_Angeles", home.Text);
    }

    [Fact]
    public async Task Unknown_time_zone_and_empty_name_re_render_with_messages_and_keep_the_input()
    {
        var user = await app.CreateUserAsync();
        using var client = app.CreateAppClient();
        await client.SignInAsync(user.Email!);

        var page = await client.FollowAsync(await client.SubmitAsync("/Account/Profile", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "",
            ["Input.JobTitle"] = "Branch Librarian",
            ["Input.TimeZoneId"] = "Mars/Olympus_Mons",
        }));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Enter your name.", page.Errors);
        Assert.Contains("Choose a time zone from the list.", page.Errors);
        Assert.Equal("Branch Librarian", page.InputValue("Input.JobTitle"));
    }

    [Fact]
    public async Task Self_registration_does_not_exist_unless_turned_on()
    {
        using var client = app.CreateAppClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Account/Register")).Status);
        Assert.DoesNotContain("Create an account", (await client.GetAsync("/Account/Login")).Text);
    }
}
