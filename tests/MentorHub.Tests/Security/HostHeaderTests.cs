using System.Net;
using MentorHub.Tests.Infrastructure;

namespace MentorHub.Tests.Security;

/// <summary>Links in mail come from Notifications:SiteUrl (https://mentorhub.test/ in tests), never from the request.</summary>
[Collection(AppCollection.Name)]
public class HostHeaderTests(MentorHubAppFactory app)
{
    [Fact]
    public async Task A_request_for_a_foreign_host_is_refused()
    {
        using var client = app.CreateAppClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/ForgotPassword");
        request.Headers.Host = "attacker.example";

        using var response = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Forged_forwarded_host_and_scheme_do_not_reach_the_reset_link()
    {
        var user = await app.CreateUserAsync();
        using var client = app.CreateAppClient();
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-Host", "attacker.example");
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "http");
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");

        await client.SubmitAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = user.Email! });

        var link = Mailbox.AbsoluteLinkIn(await Mailbox.LatestToAsync(app, user.Email!));
        Assert.StartsWith("https://mentorhub.test/Account/ResetPassword?", link, StringComparison.Ordinal);
    }
}

/// <summary>An app whose operator opened AllowedHosts to everything: links must still point at the site.</summary>
public sealed class OpenHostsApp : MentorHubAppFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("AllowedHosts", "*")];
}

public class OpenHostsTests(OpenHostsApp app) : IClassFixture<OpenHostsApp>
{
    [Fact]
    public async Task A_reset_asked_for_through_a_foreign_host_mails_a_link_to_the_configured_site()
    {
        var user = await app.CreateUserAsync();
        using var client = app.CreateAppClient();
        var form = await client.GetAsync("/Account/ForgotPassword");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/ForgotPassword")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = user.Email!,
                ["__RequestVerificationToken"] = form.AntiforgeryToken,
            }),
        };
        request.Headers.Host = "attacker.example";
        using var response = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var link = Mailbox.AbsoluteLinkIn(await Mailbox.LatestToAsync(app, user.Email!));
        Assert.StartsWith("https://mentorhub.test/Account/ResetPassword?", link, StringComparison.Ordinal);
    }
}
