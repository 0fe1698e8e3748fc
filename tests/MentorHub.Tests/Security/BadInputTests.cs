using System.Net;
using MentorHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Tests.Security;

/// <summary>Malformed requests get a clear 4xx and change nothing; none of them is a server error.</summary>
[Collection(AppCollection.Name)]
public class BadInputTests(MentorHubAppFactory app)
{
    private async Task<(AppClient Client, string Token, int MentorshipId)> MemberAsync()
    {
        var mentor = await app.CreateUserAsync();
        var mentorshipId = await app.CreateMentorshipAsync(mentor, await app.CreateUserAsync());
        var client = app.CreateAppClient();
        await client.SignInAsync(mentor.Email!);
        return (client, (await client.GetAsync($"/Mentorships/{mentorshipId}")).AntiforgeryToken, mentorshipId);
    }

    [Fact]
    public async Task A_post_to_a_handler_the_page_does_not_have_is_404()
    {
        var (client, token, mentorshipId) = await MemberAsync();
        using var _ = client;

        using var response = await client.Http.PostAsync($"/Mentorships/{mentorshipId}?handler=DropEverything",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_form_with_too_many_fields_is_413_with_a_message_and_saves_nothing()
    {
        var (client, token, mentorshipId) = await MemberAsync();
        using var _ = client;
        var fields = Enumerable.Range(0, 1500).Select(i => new KeyValuePair<string, string>($"Resource.CompetencyIds[{i}]", "1")).ToList();
        fields.Add(new("Resource.Title", "Flood"));
        fields.Add(new("Resource.Url", "https://example.org/flood"));
        fields.Add(new("__RequestVerificationToken", token));

        var page = await client.FollowAsync(await client.Http.PostAsync($"/Mentorships/{mentorshipId}?handler=Resource", new FormUrlEncodedContent(fields)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, page.Status);
        Assert.Contains("That form was too large", page.Text);
        Assert.Equal(0, await app.WithDbAsync(db => db.Resources.CountAsync(r => r.MentorshipId == mentorshipId)));
    }

    [Fact]
    public async Task A_form_value_longer_than_the_server_reads_is_413()
    {
        var (client, token, mentorshipId) = await MemberAsync();
        using var _ = client;

        using var response = await client.Http.PostAsync($"/Mentorships/{mentorshipId}?handler=Resource", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Resource.Title"] = new string('x', 5_000_000),
            ["Resource.Url"] = "https://example.org/long",
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Plain_http_is_redirected_to_https_when_cookies_are_https_only()
    {
        using var client = app.CreateAppClient();

        using var response = await client.Http.GetAsync(new Uri("http://localhost/Account/Login"));

        Assert.True(AppClient.IsRedirect(response.StatusCode) || response.StatusCode == HttpStatusCode.TemporaryRedirect, $"{response.StatusCode}");
        Assert.Equal("https", response.Headers.Location?.Scheme);
    }
}
