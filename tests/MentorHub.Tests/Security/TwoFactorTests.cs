using System.Net;
using MentorHub.Core.Domain;
using MentorHub.Tests.Infrastructure;

namespace MentorHub.Tests.Security;

[Collection(AppCollection.Name)]
public class TwoFactorTests(MentorHubAppFactory app)
{
    /// <summary>Turns two-step sign-in on through the page, as a person does; returns the key and the recovery codes.</summary>
    public static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> TurnOnAsync(AppClient client)
    {
        var start = await client.GetAsync("/Account/TwoFactor");
        Assert.Null(start.Document.QuerySelector("#shared-key"));
        var setUp = await client.FollowAsync(await client.SubmitAsync(start, new Dictionary<string, string>(), "form[action*=Start]"));
        var key = setUp.Document.QuerySelector("#shared-key")!.TextContent;
        Assert.StartsWith("data:image/png;base64,", setUp.Document.QuerySelector("img[alt^='QR code']")!.GetAttribute("src"), StringComparison.Ordinal);

        var wrong = await client.FollowAsync(await client.SubmitAsync(setUp, new Dictionary<string, string> { ["Code"] = "000000" }, "form[action*=Enable]"));
        Assert.Contains(wrong.Errors, e => e.StartsWith("That code is not right.", StringComparison.Ordinal));
        Assert.Contains("Off", wrong.Document.QuerySelector("#two-factor-status")!.TextContent);

        var on = await client.FollowAsync(await client.SubmitAsync(wrong, new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) }, "form[action*=Enable]"));
        Assert.Contains("On", on.Document.QuerySelector("#two-factor-status")!.TextContent);
        var codes = on.Document.QuerySelectorAll("#recovery-codes li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(10, codes.Count);
        return (key, codes);
    }

    [Fact]
    public async Task Sign_in_with_an_authenticator_code_works_end_to_end()
    {
        var user = await app.CreateUserAsync();
        using var settings = app.CreateAppClient();
        await settings.SignInAsync(user.Email!);
        var (key, _) = await TurnOnAsync(settings);

        using var client = app.CreateAppClient();
        var first = await client.LoginAsync(user.Email!);
        Assert.StartsWith("/Account/LoginWith2fa", first.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync("/")).StatusCode);

        var wrong = await client.FollowAsync(await client.SubmitAsync("/Account/LoginWith2fa", new Dictionary<string, string> { ["Code"] = "123456" }));
        Assert.Contains(wrong.Errors, e => e.StartsWith("That code is not right.", StringComparison.Ordinal));
        var signedIn = await client.SubmitAsync("/Account/LoginWith2fa", new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });

        Assert.Equal("/", signedIn.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).Status);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var user = await app.CreateUserAsync();
        using var settings = app.CreateAppClient();
        await settings.SignInAsync(user.Email!);
        var (_, codes) = await TurnOnAsync(settings);

        using var phoneLost = app.CreateAppClient();
        await phoneLost.LoginAsync(user.Email!);
        var used = await phoneLost.SubmitAsync("/Account/LoginWith2fa?Recovery=true", new Dictionary<string, string> { ["Code"] = codes[0] });
        Assert.Equal("/", used.Headers.Location?.OriginalString);

        using var again = app.CreateAppClient();
        await again.LoginAsync(user.Email!);
        var reused = await again.FollowAsync(await again.SubmitAsync("/Account/LoginWith2fa?Recovery=true", new Dictionary<string, string> { ["Code"] = codes[0] }));
        Assert.Contains("That recovery code is not right, or was used before.", reused.Errors);
    }

    [Fact]
    public async Task The_second_step_cannot_be_reached_without_the_password()
    {
        using var client = app.CreateAppClient();

        using var response = await client.Http.GetAsync("/Account/LoginWith2fa");

        Assert.Equal("/Account/Login", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Turning_it_off_needs_the_password()
    {
        var user = await app.CreateUserAsync();
        using var client = app.CreateAppClient();
        await client.SignInAsync(user.Email!);
        await TurnOnAsync(client);

        var refused = await client.FollowAsync(await client.SubmitAsync("/Account/TwoFactor", new Dictionary<string, string> { ["Password"] = "not my password" }, "form[action*=Disable]"));
        Assert.Contains("Enter your current password to turn two-step sign-in off.", refused.Errors);
        var off = await client.FollowAsync(await client.SubmitAsync("/Account/TwoFactor", new Dictionary<string, string> { ["Password"] = MentorHubAppFactory.Password }, "form[action*=Disable]"));

        Assert.Contains("Off", off.Document.QuerySelector("#two-factor-status")!.TextContent);
        using var next = app.CreateAppClient();
        Assert.Equal("/", (await next.LoginAsync(user.Email!)).Headers.Location?.OriginalString);
    }
}

/// <summary>An app where administrators must use two-step sign-in.</summary>
public sealed class TwoFactorRequiredApp : MentorHubAppFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Security:RequireTwoFactorFor", "Administrator")];
}

public class TwoFactorRequiredTests(TwoFactorRequiredApp app) : IClassFixture<TwoFactorRequiredApp>
{
    [Fact]
    public async Task An_administrator_without_it_is_sent_to_set_it_up_and_then_gets_in()
    {
        var admin = await app.CreateUserAsync(null, Roles.Administrator);
        var member = await app.CreateUserAsync();
        using var client = app.CreateAppClient();
        using var memberClient = app.CreateAppClient();
        await client.SignInAsync(admin.Email!);
        await memberClient.SignInAsync(member.Email!);

        using var blocked = await client.Http.GetAsync("/Admin/Users");
        Assert.Equal("/Account/TwoFactor", blocked.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await memberClient.GetAsync("/")).Status);

        await TwoFactorTests.TurnOnAsync(client);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Admin/Users")).Status);
        Assert.DoesNotContain("form[action*=Disable]", (await client.GetAsync("/Account/TwoFactor")).Document.QuerySelectorAll("form").Select(f => f.GetAttribute("action") ?? ""));
    }
}
