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

    [Fact]
    public async Task A_404_for_someone_elses_mentorship_is_logged_as_a_refused_authorization()
    {
        var outsider = await app.CreateUserAsync();
        var mentorshipId = await app.CreateMentorshipAsync(await app.CreateUserAsync(), await app.CreateUserAsync());
        using var client = app.CreateAppClient();
        await client.SignInAsync(outsider.Email!);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync($"/Mentorships/{mentorshipId}")).Status);

        var events = await ReadLogEventsAsync();
        Assert.Contains(events, e => Property(e, "@mt")?.StartsWith("Authorization refused: {UserId} got 404", StringComparison.Ordinal) == true
            && Property(e, "UserId") == outsider.Id && Property(e, "Path") == $"/Mentorships/{mentorshipId}");
    }

    [Fact]
    public async Task A_post_without_its_antiforgery_token_is_logged()
    {
        var member = await app.CreateUserAsync();
        using var client = app.CreateAppClient();
        await client.SignInAsync(member.Email!);

        using var response = await client.Http.PostAsync("/Account/ChangePassword", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.CurrentPassword"] = "x" }));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        var events = await ReadLogEventsAsync();
        Assert.Contains(events, e => Property(e, "@mt")?.StartsWith("Antiforgery check failed", StringComparison.Ordinal) == true
            && Property(e, "UserId") == member.Id && Property(e, "Path") == "/Account/ChangePassword");
    }

    [Fact]
    public async Task Line_breaks_typed_into_the_sign_in_form_cannot_forge_log_lines()
    {
        using var client = app.CreateAppClient();
        var forged = $"x{Guid.NewGuid():N}@test.mentorhub.local\r\n[12:00:00 INF] Sign-in succeeded for the administrator";

        await client.LoginAsync(forged, "whatever it is");

        var events = await ReadLogEventsAsync();
        var logged = events.Select(e => Property(e, "Email")).Single(e => e?.Contains(forged[..20], StringComparison.Ordinal) == true);
        Assert.DoesNotContain('\n', logged!);
        Assert.Contains("\\r\\n[12:00:00 INF]", logged!);
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
