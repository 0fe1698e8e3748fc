using System.Text.RegularExpressions;
using MentorHub.Tests.Infrastructure;

namespace MentorHub.Tests.Web;

[Collection(AppCollection.Name)]
public partial class StaticFilesTests(MentorHubAppFactory app)
{
    [Fact]
    public async Task Fingerprinted_files_are_kept_a_year_and_others_are_checked_each_time()
    {
        using var client = app.CreateAppClient();
        var signIn = await client.GetAsync("/Account/Login");
        var stylesheet = StylesheetLink().Match(signIn.Document.DocumentElement.OuterHtml).Groups[1].Value;

        Assert.Contains("?v=", stylesheet);
        var fingerprinted = await client.Http.GetAsync(stylesheet.Replace("&amp;", "&", StringComparison.Ordinal));
        var plain = await client.Http.GetAsync("/css/site.css");

        Assert.Equal(System.Net.HttpStatusCode.OK, fingerprinted.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", fingerprinted.Headers.CacheControl?.ToString());
        Assert.True(plain.Headers.CacheControl?.NoCache, "A file asked for without its fingerprint must be checked each time.");
    }

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"(/css/site\\.css[^\"]*)\"")]
    private static partial Regex StylesheetLink();
}
