using System.Net;
using MentorHub.Core.Domain;
using MentorHub.Tests.Infrastructure;

namespace MentorHub.Tests.Pages.Account;

/// <summary>An app host of its own: these tests move its clock on by more than half a day, which would shift "today" for the shared host's tests.</summary>
public sealed class SessionAppFactory : MentorHubAppFactory;

public class SessionTests(SessionAppFactory app) : IClassFixture<SessionAppFactory>
{
    [Fact]
    public async Task Session_cookie_is_secure_http_only_and_same_site()
    {
        var user = await app.CreateUserAsync();
        using var client = app.CreateAppClient();

        var response = await client.LoginAsync(user.Email!);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-MentorHub.Session=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("secure", cookie);
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=lax", cookie);
        Assert.Contains("path=/", cookie);
        Assert.DoesNotContain("domain=", cookie);
    }

    [Fact]
    public async Task Signing_out_ends_the_persons_other_sessions()
    {
        var user = await app.CreateUserAsync();
        using var laptop = app.CreateAppClient();
        using var phone = app.CreateAppClient();
        await laptop.SignInAsync(user.Email!);
        await phone.SignInAsync(user.Email!);

        var signOut = await laptop.SubmitAsync("/", new Dictionary<string, string>(), "form[action='/Account/Logout']");

        Assert.Equal("/Account/Login", signOut.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await laptop.Http.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await phone.Http.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_ends_other_sessions_but_keeps_this_one()
    {
        var user = await app.CreateUserAsync();
        using var laptop = app.CreateAppClient();
        using var phone = app.CreateAppClient();
        await laptop.SignInAsync(user.Email!);
        await phone.SignInAsync(user.Email!);

        var response = await laptop.SubmitAsync("/Account/ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = MentorHubAppFactory.Password,
            ["Input.NewPassword"] = "a much longer passphrase for the library",
            ["Input.ConfirmPassword"] = "a much longer passphrase for the library",
        });

        Assert.Equal("/Account/Profile", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/")).Status);
        var phoneResponse = await phone.Http.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, phoneResponse.StatusCode);
        Assert.StartsWith("/Account/Login", phoneResponse.Headers.Location?.PathAndQuery ?? phoneResponse.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Pages_check_the_session_without_rebuilding_it_while_the_account_is_unchanged()
    {
        var user = await app.CreateUserAsync();
        using var client = app.CreateAppClient();
        await client.SignInAsync(user.Email!);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/")).StatusCode);

        var queries = await app.Queries.RecordAsync(async () => Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/")).StatusCode));

        Assert.Contains(queries, q => q.Contains("\"SecurityStamp\"", StringComparison.Ordinal));
        Assert.DoesNotContain(queries, q => q.Contains("AspNetUserRoles", StringComparison.Ordinal) || q.Contains("AspNetUserClaims", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_role_granted_by_an_administrator_reaches_the_persons_open_session_at_once()
    {
        var admin = await app.CreateUserAsync(null, Roles.Administrator);
        var person = await app.CreateUserAsync();
        using var adminClient = app.CreateAppClient();
        using var personClient = app.CreateAppClient();
        await adminClient.SignInAsync(admin.Email!);
        await personClient.SignInAsync(person.Email!);
        Assert.NotEqual(HttpStatusCode.OK, (await personClient.Http.GetAsync("/Programs/Create")).StatusCode);

        await adminClient.SubmitAsync($"/Admin/Users/Roles?id={person.Id}", new Dictionary<string, string> { ["SelectedRoles"] = Roles.Coordinator });

        Assert.Equal(HttpStatusCode.OK, (await personClient.Http.GetAsync("/Programs/Create")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await personClient.Http.GetAsync("/Programs/Create")).StatusCode);
    }

    [Fact]
    public async Task Wrong_current_password_re_renders_with_a_message_on_that_field()
    {
        var user = await app.CreateUserAsync();
        using var client = app.CreateAppClient();
        await client.SignInAsync(user.Email!);

        var page = await client.FollowAsync(await client.SubmitAsync("/Account/ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "not it",
            ["Input.NewPassword"] = "another long passphrase",
            ["Input.ConfirmPassword"] = "another long passphrase",
        }));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Your current password is not correct.", page.Errors);
    }

    [Fact]
    public async Task An_active_session_ends_twelve_hours_after_sign_in_even_with_activity()
    {
        var user = await app.CreateUserAsync();
        using var client = app.CreateAppClient();
        await client.SignInAsync(user.Email!);

        // Activity every 50 minutes keeps the sliding (idle) window open...
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(11.5); elapsed += TimeSpan.FromMinutes(50))
        {
            app.Clock.Advance(TimeSpan.FromMinutes(50));
            Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/")).StatusCode);
        }
        // ...but not past the absolute limit.
        app.Clock.Advance(TimeSpan.FromMinutes(50));
        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task The_session_cookie_is_re_issued_at_most_once_a_minute_and_the_idle_hour_counts_from_then()
    {
        var user = await app.CreateUserAsync();
        using var client = app.CreateAppClient();
        await client.SignInAsync(user.Email!);
        static bool Reissued(HttpResponseMessage response) => response.Headers.TryGetValues("Set-Cookie", out var cookies)
            && cookies.Any(c => c.StartsWith("__Host-MentorHub.Session=", StringComparison.Ordinal));

        var soon = await client.Http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, soon.StatusCode);
        Assert.False(Reissued(soon), "A cookie issued seconds ago is not issued again.");

        app.Clock.Advance(TimeSpan.FromMinutes(40));
        var later = await client.Http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.True(Reissued(later), "A cookie issued more than a minute ago is re-issued.");

        // Forty more minutes is eighty since sign-in but forty since the renewal: still signed in.
        app.Clock.Advance(TimeSpan.FromMinutes(40));
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_session_idle_for_more_than_an_hour_ends()
    {
        var user = await app.CreateUserAsync();
        using var client = app.CreateAppClient();
        await client.SignInAsync(user.Email!);

        app.Clock.Advance(TimeSpan.FromMinutes(61));

        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync("/")).StatusCode);
    }
}
