using MentorHub.Core.Domain;
using MentorHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Tests.Pages.Admin;

[Collection(AppCollection.Name)]
public class CompetenciesTests(MentorHubAppFactory app)
{
    [Fact]
    public async Task An_administrator_adds_renames_and_retires_a_competency_and_a_retired_one_is_no_longer_offered()
    {
        var admin = await app.CreateUserAsync(null, Roles.Administrator, Roles.Coordinator);
        using var client = app.CreateAppClient();
        await client.SignInAsync(admin.Email!);
        var name = $"Linked data {Guid.NewGuid():N}"[..20];

        await client.FollowAsync(await client.SubmitAsync(await client.GetAsync("/Admin/Competencies"), new Dictionary<string, string> { ["Input.Name"] = name, ["Input.Category"] = "Metadata" }, "#competency-form"));
        var id = await app.WithDbAsync(db => db.Competencies.Where(c => c.Name == name).Select(c => c.Id).SingleAsync());
        var duplicate = await client.FollowAsync(await client.SubmitAsync(await client.GetAsync("/Admin/Competencies"), new Dictionary<string, string> { ["Input.Name"] = name.ToUpperInvariant(), ["Input.Category"] = "Metadata" }, "#competency-form"));
        Assert.Contains($"“{name.ToUpperInvariant()}” is already in the catalogue.", duplicate.Errors);
        Assert.Equal(name.ToUpperInvariant(), duplicate.InputValue("Input.Name"));

        await client.FollowAsync(await client.SubmitAsync(await client.GetAsync($"/Admin/Competencies?edit={id}"), new Dictionary<string, string> { ["Input.Name"] = name + " (BIBFRAME)" }, "#competency-form"));
        Assert.Equal(name + " (BIBFRAME)", await app.WithDbAsync(db => db.Competencies.Where(c => c.Id == id).Select(c => c.Name).SingleAsync()));
        Assert.Contains(name + " (BIBFRAME)", (await client.GetAsync("/Programs/Create")).Text);

        await client.FollowAsync(await client.SubmitAsync(await client.GetAsync("/Admin/Competencies"), new Dictionary<string, string>(), $"tr[data-competency='{id}'] form[action*='handler=Retire']"));
        Assert.True(await app.WithDbAsync(db => db.Competencies.Where(c => c.Id == id).Select(c => c.IsRetired).SingleAsync()));
        Assert.DoesNotContain(name, (await client.GetAsync("/Programs/Create")).Text);
        Assert.Contains("Retired", (await client.GetAsync("/Admin/Competencies")).Document.QuerySelector($"tr[data-competency='{id}']")!.TextContent);
    }
}
