using System.Net;
using MentorHub.Tests.Infrastructure;
using MentorHub.Web.Data;

namespace MentorHub.Tests.Data;

public sealed class KeptSqliteStatementsTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    [Fact]
    public async Task Pages_run_on_statements_compiled_by_earlier_requests_with_each_requests_own_values()
    {
        var (ada, ben) = (await app.CreateUserAsync("Ada Kept"), await app.CreateUserAsync("Ben Kept"));
        using var adaClient = app.CreateAppClient();
        using var benClient = app.CreateAppClient();
        await adaClient.SignInAsync(ada.Email!);
        await benClient.SignInAsync(ben.Email!);
        await adaClient.Http.GetAsync("/Account/ChangePassword");
        var before = KeptSqliteStatements.Reused;

        // Each page shows its own person although the session and menu queries now run on statements compiled before:
        // their values are bound again on every request.
        foreach (var (client, own, other) in new[] { (adaClient, "Ada Kept", "Ben Kept"), (benClient, "Ben Kept", "Ada Kept"), (adaClient, "Ada Kept", "Ben Kept") })
        {
            var page = await client.Http.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains(own, html);
            Assert.DoesNotContain(other, html);
        }
        Assert.True(KeptSqliteStatements.Reused > before, "no query ran on a statement compiled by an earlier request");
    }
}
