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

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Style_sheets_and_scripts_go_out_compressed_to_browsers_that_accept_it_and_pages_do_not(string encoding)
    {
        using var client = app.CreateAppClient();
        var original = await client.Http.GetByteArrayAsync("/lib/bootstrap/css/bootstrap.min.css");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/lib/bootstrap/css/bootstrap.min.css");
        request.Headers.AcceptEncoding.ParseAdd(encoding);
        var compressed = await client.Http.SendAsync(request);

        Assert.Equal([encoding], compressed.Content.Headers.ContentEncoding);
        var body = await compressed.Content.ReadAsByteArrayAsync();
        Assert.True(body.Length < original.Length / 4, $"{body.Length} bytes compressed of {original.Length}");
        using var decoded = new MemoryStream();
        await using (Stream decoder = encoding == "br"
            ? new System.IO.Compression.BrotliStream(new MemoryStream(body), System.IO.Compression.CompressionMode.Decompress)
            : new System.IO.Compression.GZipStream(new MemoryStream(body), System.IO.Compression.CompressionMode.Decompress))
            await decoder.CopyToAsync(decoded);
        Assert.Equal(original, decoded.ToArray());

        using var page = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        page.Headers.AcceptEncoding.ParseAdd(encoding);
        var html = await client.Http.SendAsync(page);
        Assert.Equal(System.Net.HttpStatusCode.OK, html.StatusCode);
        Assert.Empty(html.Content.Headers.ContentEncoding);
    }

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"(/css/site\\.css[^\"]*)\"")]
    private static partial Regex StylesheetLink();
}
