using System.Net;
using MentorHub.Core.Domain;
using MentorHub.Tests.Infrastructure;

namespace MentorHub.Tests.Web;

/// <summary>How a refused form speaks: in the person's words, naming fields as their labels do, keeping what was typed.</summary>
[Collection(AppCollection.Name)]
public class FormMessagesTests(MentorHubAppFactory app)
{
    [Fact]
    public async Task A_number_that_cannot_be_read_is_named_by_its_label_and_shown_as_typed()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        using var client = app.CreateAppClient();
        await client.SignInAsync(coordinator.Email!);

        var page = await client.FollowAsync(await client.SubmitAsync("/Programs/Create", new Dictionary<string, string>
        {
            ["Input.Name"] = "Serials circle",
            ["Input.MeetingCadenceDays"] = "fortnightly",
        }));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var field = page.Document.QuerySelector("#Input_MeetingCadenceDays")!;
        Assert.Equal("fortnightly", field.GetAttribute("value"));
        Assert.Equal("true", field.GetAttribute("aria-invalid"));
        var message = page.Document.GetElementById(field.GetAttribute("aria-describedby")!.Split(' ')[0])!.TextContent;
        Assert.Equal("Enter a number for “Meet every … days”.", message);
        Assert.Equal(1, page.Document.QuerySelectorAll("#form-errors li").Count(li => li.TextContent == message));
        Assert.Equal("Serials circle", page.InputValue("Input.Name"));
    }

    [Fact]
    public async Task A_rule_without_its_own_message_names_the_field_in_words()
    {
        var person = await app.CreateUserAsync();
        using var client = app.CreateAppClient();
        await client.SignInAsync(person.Email!);

        var page = await client.FollowAsync(await client.SubmitAsync("/Account/Profile", new Dictionary<string, string> { ["Input.JobTitle"] = new string('x', 121) }));

        Assert.Contains("Keep the job title to 120 characters; this has 121.", page.Errors);
        Assert.Equal("true", page.Document.QuerySelector("[name='Input.JobTitle']")!.GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task An_empty_add_coordinator_reports_only_its_own_field_not_the_resource_form_beside_it()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var programId = await app.CreateProgramAsync(coordinator.Id);
        using var client = app.CreateAppClient();
        await client.SignInAsync(coordinator.Email!);

        var page = await client.FollowAsync(await client.SubmitAsync($"/Programs/{programId}", new Dictionary<string, string>(), "form[action*='handler=AddCoordinator']"));

        Assert.Equal(["Enter the email of the person to add."], page.Document.QuerySelectorAll("#form-errors li").Select(li => li.TextContent).ToList());
        Assert.Equal("CoordinatorEmail", Assert.Single(page.Document.QuerySelectorAll("[aria-invalid='true']")).GetAttribute("name"));
    }
}
