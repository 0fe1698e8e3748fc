using System.Net;
using MentorHub.Core.Domain;
using MentorHub.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MentorHub.Tests.Web;

/// <summary>Walks every Razor page the app has, so a new page cannot forget its authorization.</summary>
[Collection(AppCollection.Name)]
public class PageAccessTests(MentorHubAppFactory app)
{
    /// <summary>Pages a person must reach before signing in. Everything else requires a signed-in user.</summary>
    private static readonly HashSet<string> Anonymous =
    [
        "/Account/Login", "/Account/LoginWith2fa", "/Account/ForgotPassword", "/Account/ResetPassword", "/Account/AcceptInvitation",
        "/Account/Register", "/Account/AccessDenied", "/Error", "/Error/{code:int?}", "/Dev/Mail", "/Me/Calendar.ics", "/Unsubscribe",
    ];

    private IReadOnlyList<string> PageRoutes()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        return endpoints.Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => r != "/Index")
            .Distinct().Order().ToList();
    }

    [Fact]
    public async Task Every_page_but_sign_in_reset_and_invitation_sends_anonymous_visitors_to_sign_in()
    {
        using var client = app.CreateAppClient();
        var routes = PageRoutes();
        Assert.Contains("/Admin/Users", routes);

        foreach (var route in routes.Where(r => !Anonymous.Contains(r)))
        {
            var response = await client.Http.GetAsync(System.Text.RegularExpressions.Regex.Replace(route, "{[^}]+}", "1"));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.PathAndQuery.StartsWith("/Account/Login", StringComparison.Ordinal),
                $"{route} answered {(int)response.StatusCode} to an anonymous visitor instead of sending them to sign in.");
        }
    }

    [Theory]
    [InlineData("/Account/Login", HttpStatusCode.OK)]
    [InlineData("/Account/ForgotPassword", HttpStatusCode.OK)]
    [InlineData("/Account/ResetPassword", HttpStatusCode.NotFound)]
    [InlineData("/Account/AcceptInvitation", HttpStatusCode.NotFound)]
    [InlineData("/Dev/Mail", HttpStatusCode.NotFound)]
    [InlineData("/Me/Calendar.ics?token=wrong", HttpStatusCode.NotFound)]
    [InlineData("/Unsubscribe?t=wrong", HttpStatusCode.NotFound)]
    public async Task Anonymous_pages_answer_without_sign_in(string url, HttpStatusCode expected)
    {
        using var client = app.CreateAppClient();

        Assert.Equal(expected, (await client.Http.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Every_admin_page_refuses_a_signed_in_non_administrator()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        using var client = app.CreateAppClient();
        await client.SignInAsync(coordinator.Email!);

        foreach (var route in PageRoutes().Where(r => r.StartsWith("/Admin", StringComparison.Ordinal)))
        {
            var response = await client.Http.GetAsync(route);
            Assert.True(response.Headers.Location?.PathAndQuery.StartsWith("/Account/AccessDenied", StringComparison.Ordinal) == true,
                $"{route} answered {(int)response.StatusCode} to a coordinator.");
        }
    }

    [Fact]
    public async Task Unknown_address_shows_the_styled_404_page()
    {
        var user = await app.CreateUserAsync();
        using var client = app.CreateAppClient();
        await client.SignInAsync(user.Email!);

        var page = await client.GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("We couldn't find that page", page.Text);
        Assert.NotNull(page.Document.QuerySelector("a.skip-link"));
    }

    [Fact]
    public async Task Server_error_page_gives_a_reference_and_no_details()
    {
        using var client = app.CreateAppClient();

        var page = await client.GetAsync("/Error/500");

        Assert.Equal(HttpStatusCode.InternalServerError, page.Status);
        Assert.Contains("Something went wrong on our side", page.Text);
        Assert.NotNull(page.Document.QuerySelector("main code"));
    }

    [Fact]
    public async Task Health_answers_200_without_sign_in()
    {
        using var client = app.CreateAppClient();

        var response = await client.Http.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Pages_carry_the_security_headers()
    {
        using var client = app.CreateAppClient();

        var response = await client.Http.GetAsync("/Account/Login");

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Pages_contain_no_inline_script_or_style_attributes()
    {
        var admin = await app.CreateUserAsync(null, Roles.Administrator);
        using var client = app.CreateAppClient();
        await client.SignInAsync(admin.Email!);

        foreach (var url in new[] { "/", "/Account/Profile", "/Admin/Users", "/Admin/Users/Invite", "/Account/ChangePassword", "/Admin/Outbox", "/Account/Notifications" })
        {
            var page = await client.GetAsync(url);
            Assert.All(page.Document.QuerySelectorAll("script"), s => Assert.True(s.HasAttribute("src"), $"Inline script on {url}"));
            Assert.Empty(page.Document.QuerySelectorAll("[style]"));
        }
    }
}
