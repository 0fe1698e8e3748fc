using System.Net;
using MentorHub.Core.Domain;
using MentorHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Tests.Pages.Mentorships;

/// <summary>Correcting and removing shared resources, by the people who may.</summary>
[Collection(AppCollection.Name)]
public class ResourceEditTests(MentorHubAppFactory app)
{
    private Task<int> ShareAsync(int mentorshipId, string by) => app.WithDbAsync(async db =>
    {
        var resource = Resource.ForMentorship(mentorshipId, "Cataloguing checklist", "https://example.org/checklist", null, by, DateTime.UtcNow);
        db.Resources.Add(resource);
        await db.SaveChangesAsync();
        return resource.Id;
    });

    [Fact]
    public async Task A_member_corrects_a_resource_with_a_bad_link_explained_and_then_removes_it()
    {
        var mentor = await app.CreateUserAsync();
        var mentee = await app.CreateUserAsync();
        var mentorshipId = await app.CreateMentorshipAsync(mentor, mentee);
        var resourceId = await ShareAsync(mentorshipId, mentor.Id);
        using var client = app.CreateAppClient();
        await client.SignInAsync(mentee.Email!);
        var url = $"/Resources/{resourceId}/Edit";

        var bad = await client.FollowAsync(await client.SubmitAsync(await client.GetAsync(url), new Dictionary<string, string> { ["Input.Url"] = "javascript:alert(1)" }, "#resource-edit"));
        Assert.Contains("A resource link must be an http or https address.", bad.Errors);
        Assert.Equal("javascript:alert(1)", bad.InputValue("Input.Url"));

        var saved = await client.SubmitAsync(await client.GetAsync(url), new Dictionary<string, string> { ["Input.Title"] = "Cataloguing checklist (2027)" }, "#resource-edit");
        Assert.Equal($"/Mentorships/{mentorshipId}", saved.Headers.Location!.OriginalString);
        Assert.Equal("Cataloguing checklist (2027)", await app.WithDbAsync(db => db.Resources.Where(r => r.Id == resourceId).Select(r => r.Title).SingleAsync()));

        await client.SubmitAsync(await client.GetAsync(url), new Dictionary<string, string>(), "form[action*='handler=Remove']");
        Assert.False(await app.WithDbAsync(db => db.Resources.AnyAsync(r => r.Id == resourceId)));
    }

    [Fact]
    public async Task Someone_outside_the_mentorship_gets_404_and_changes_nothing()
    {
        var mentor = await app.CreateUserAsync();
        var mentee = await app.CreateUserAsync();
        var outsider = await app.CreateUserAsync();
        var mentorshipId = await app.CreateMentorshipAsync(mentor, mentee);
        var resourceId = await ShareAsync(mentorshipId, mentor.Id);
        using var client = app.CreateAppClient();
        await client.SignInAsync(outsider.Email!);

        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/Resources/{resourceId}/Edit")).StatusCode);
        var token = (await client.GetAsync("/")).AntiforgeryToken;
        var post = await client.Http.PostAsync($"/Resources/{resourceId}/Edit?handler=Remove", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Resources.AnyAsync(r => r.Id == resourceId)));
    }
}
