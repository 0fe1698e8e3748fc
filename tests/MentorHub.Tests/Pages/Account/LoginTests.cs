using System.Net;
using MentorHub.Core.Domain;
using MentorHub.Tests.Infrastructure;

namespace MentorHub.Tests.Pages.Account;

[Collection(AppCollection.Name)]
public class LoginTests(MentorHubAppFactory app)
{
    [Fact]
    public async Task Correct_password_signs_in_and_shows_the_persons_home_page()
    {
        var user = await app.CreateUserAsync("Ada Login");
        using var client = app.CreateAppClient();

        var response = await client.LoginAsync(user.Email!);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Contains("Hello, Ada Login", home.Text);
    }

    [Fact]
    public async Task Sign_in_returns_to_the_local_page_asked_for_but_never_to_another_site()
    {
        var user = await app.CreateUserAsync();
        using var client = app.CreateAppClient();
        var evil = await client.SubmitAsync("/Account/Login?ReturnUrl=https%3A%2F%2Fevil.example%2F",
            new Dictionary<string, string> { ["Input.Email"] = user.Email!, ["Input.Password"] = MentorHubAppFactory.Password });
        Assert.Equal("/", evil.Headers.Location?.OriginalString);

        using var second = app.CreateAppClient();
        var local = await second.SubmitAsync("/Account/Login?ReturnUrl=%2FAccount%2FProfile",
            new Dictionary<string, string> { ["Input.Email"] = user.Email!, ["Input.Password"] = MentorHubAppFactory.Password });
        Assert.Equal("/Account/Profile", local.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Wrong_password_re_renders_with_a_message_and_keeps_the_email()
    {
        var user = await app.CreateUserAsync();
        using var client = app.CreateAppClient();

        var page = await client.FollowAsync(await client.LoginAsync(user.Email!, "not-the-password"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(MentorHub.Web.Pages.Account.LoginModel.FailedMessage, page.Errors);
        Assert.Equal(user.Email, page.InputValue("Input.Email"));
        Assert.Equal("", page.InputValue("Input.Password"));
    }

    [Fact]
    public async Task Empty_form_re_renders_with_a_message_for_each_field()
    {
        using var client = app.CreateAppClient();

        var page = await client.FollowAsync(await client.LoginAsync("", ""));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Enter your email address.", page.Errors);
        Assert.Contains("Enter your password.", page.Errors);
    }

    /// <summary>Each attempt from an address of its own, as a spread-out attacker would, so the per-address throttle never steps in.</summary>
    private async Task FailSignInsAsync(AppUser user, int attempts)
    {
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            using var attacker = app.CreateAppClient();
            Assert.Equal(HttpStatusCode.OK, (await attacker.LoginAsync(user.Email!, $"wrong-{attempt}")).StatusCode);
        }
    }

    [Fact]
    public async Task Ten_wrong_passwords_lock_the_account_even_against_the_right_one_with_the_usual_message()
    {
        var user = await app.CreateUserAsync();
        await FailSignInsAsync(user, 10);
        using var client = app.CreateAppClient();

        var page = await client.FollowAsync(await client.LoginAsync(user.Email!));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(MentorHub.Web.Pages.Account.LoginModel.FailedMessage, page.Errors);
        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Nine_wrong_passwords_do_not_lock_the_account()
    {
        var user = await app.CreateUserAsync();
        await FailSignInsAsync(user, 9);
        using var client = app.CreateAppClient();

        Assert.Equal(HttpStatusCode.Redirect, (await client.LoginAsync(user.Email!)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).Status);
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_message_as_a_wrong_password()
    {
        using var client = app.CreateAppClient();

        var page = await client.FollowAsync(await client.LoginAsync("nobody-here@test.mentorhub.local", "whatever it is"));

        Assert.Contains(MentorHub.Web.Pages.Account.LoginModel.FailedMessage, page.Errors);
    }

    [Fact]
    public async Task Posting_without_the_antiforgery_token_is_refused()
    {
        var user = await app.CreateUserAsync();
        using var client = app.CreateAppClient();

        var response = await client.Http.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email!,
            ["Input.Password"] = MentorHubAppFactory.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
