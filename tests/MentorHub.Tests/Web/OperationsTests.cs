using System.Text.Json;
using MentorHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Tests.Web;

[Collection(AppCollection.Name)]
public class OperationsTests(MentorHubAppFactory app)
{
    [Fact]
    public async Task Data_protection_keys_are_kept_in_the_database()
    {
        using var client = app.CreateAppClient();
        await client.GetAsync("/Account/Login");

        var keys = await app.WithDbAsync(db => db.DataProtectionKeys.CountAsync());

        Assert.True(keys >= 1);
    }

    [Fact]
    public async Task Sign_in_attempts_and_refused_authorizations_are_logged_as_structured_events()
    {
        var member = await app.CreateUserAsync();
        using var client = app.CreateAppClient();
        await client.LoginAsync(member.Email!, "wrong password");
        await client.SignInAsync(member.Email!);
        await client.Http.GetAsync("/Admin/Users");

        var events = await ReadLogEventsAsync();

        Assert.Contains(events, e => Property(e, "@mt") == "Sign-in {Outcome} for {Email} from {RemoteIp}" && Property(e, "Email") == member.Email && Property(e, "Outcome") == "failed" && Property(e, "@l") == "Warning");
        Assert.Contains(events, e => Property(e, "Email") == member.Email && Property(e, "Outcome") == "succeeded");
        Assert.Contains(events, e => Property(e, "@mt")?.StartsWith("Authorization refused", StringComparison.Ordinal) == true
            && Property(e, "UserId") == member.Id && Property(e, "Path") == "/Admin/Users");
    }

    private static string? Property(JsonElement e, string name) => e.TryGetProperty(name, out var value) ? value.ToString() : null;

    [Fact]
    public async Task Sign_out_is_a_post_and_a_get_does_not_sign_out()
    {
        var member = await app.CreateUserAsync();
        using var client = app.CreateAppClient();
        await client.SignInAsync(member.Email!);

        await client.Http.GetAsync("/Account/Logout");

        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/")).Status);
    }

    private async Task<List<JsonElement>> ReadLogEventsAsync()
    {
        var folder = app.LogFolder;
        var text = new System.Text.StringBuilder();
        foreach (var file in Directory.GetFiles(folder))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            text.Append(await reader.ReadToEndAsync());
        }
        return text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
    }
}
