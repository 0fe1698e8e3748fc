using System.Net;
using MentorHub.Core.Domain;
using MentorHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Tests.Pages.Programs;

/// <summary>People enrolled by invitation: shown as Invited until they accept, invited again at most hourly, told of a match once they can sign in.</summary>
[Collection(AppCollection.Name)]
public class InvitationTests(MentorHubAppFactory app)
{
    private async Task<(AppClient Client, int ProgramId, int CohortId)> CohortAsync()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var programId = await app.CreateProgramAsync(coordinator.Id);
        var cohortId = await app.CreateCohortAsync(programId);
        var client = app.CreateAppClient();
        await client.SignInAsync(coordinator.Email!);
        return (client, programId, cohortId);
    }

    private static Task<HttpResponseMessage> InviteAsync(AppClient client, int programId, int cohortId, string email, string name, string role) =>
        client.SubmitAsync($"/Programs/{programId}/Cohorts/{cohortId}/Invite", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Name"] = name, ["Input.Role"] = role });

    private Task<int> InvitationsToAsync(string email) => app.WithDbAsync(db => db.Notifications.CountAsync(n => n.RecipientEmail == email && n.Kind == "invitation"));

    [Fact]
    public async Task An_invited_participant_shows_as_invited_and_can_be_invited_again_once_an_hour()
    {
        var (client, programId, cohortId) = await CohortAsync();
        using var _ = client;
        var email = $"ivy-{Guid.NewGuid():N}@test.mentorhub.local";
        await InviteAsync(client, programId, cohortId, email, "Ivy Invited", "Mentee");
        var cohortPath = $"/Programs/{programId}/Cohorts/{cohortId}";

        var invited = await client.GetAsync($"{cohortPath}?status=Invited");
        var row = Assert.Single(invited.Document.QuerySelectorAll("tbody tr"), r => r.TextContent.Contains("Ivy Invited", StringComparison.Ordinal));
        Assert.Contains("not signed in yet", row.TextContent);
        Assert.DoesNotContain("Ivy Invited", (await client.GetAsync($"{cohortPath}?status=Active")).Text);

        var tooSoon = await client.FollowAsync(await client.SubmitAsync(invited, new Dictionary<string, string>(), "form[action*='handler=ResendInvitation']"));
        Assert.Contains("less than an hour ago", tooSoon.Text);
        Assert.Equal(1, await InvitationsToAsync(email));

        await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(s => s.SetProperty(u => u.InvitedAtUtc, u => u.InvitedAtUtc!.Value.AddHours(-2))));
        var resent = await client.FollowAsync(await client.SubmitAsync(await client.GetAsync($"{cohortPath}?status=Invited"), new Dictionary<string, string>(), "form[action*='handler=ResendInvitation']"));
        Assert.Contains($"The invitation went to {email} again.", resent.Text);
        Assert.Equal(2, await InvitationsToAsync(email));
    }

    [Fact]
    public async Task Someone_matched_before_accepting_is_marked_on_the_matching_page_and_told_of_the_match_once_they_accept()
    {
        var (client, programId, cohortId) = await CohortAsync();
        using var _ = client;
        var mentor = await app.CreateUserAsync("Mo Mentor");
        await app.EnrollAsync(cohortId, mentor.Id, EnrollmentRole.Mentor);
        var email = $"nia-{Guid.NewGuid():N}@test.mentorhub.local";
        await InviteAsync(client, programId, cohortId, email, "Nia Newcomer", "Mentee");
        var matching = await client.GetAsync($"/Programs/{programId}/Cohorts/{cohortId}/Matching");
        Assert.Contains("Nia Newcomer (not signed in yet)", matching.Document.QuerySelector("#accept-form")!.TextContent);

        // The pair shares no competency, so it scores under the minimum and is proposed unticked: tick it.
        var pair = matching.Document.QuerySelector("#accept-form input[name='accept']")!;
        Assert.False(pair.HasAttribute("checked"));
        await client.SubmitAsync(matching, new Dictionary<string, string> { ["accept"] = pair.GetAttribute("value")! }, "#accept-form");

        var matchedMail = () => app.WithDbAsync(db => db.Notifications.CountAsync(n => n.RecipientEmail == email && n.Kind == "matched"));
        Assert.Equal(0, await matchedMail());
        Assert.Equal(1, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.RecipientEmail == mentor.Email && n.Kind == "matched")));

        var link = Mailbox.LinkIn(await Mailbox.LatestToAsync(app, email));
        using var newcomer = app.CreateAppClient();
        var accepted = await newcomer.SubmitAsync(link, new Dictionary<string, string>
        {
            ["Input.NewPassword"] = "a quiet reading room at dawn",
            ["Input.ConfirmPassword"] = "a quiet reading room at dawn",
        });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(1, await matchedMail());
        Assert.Contains("Mo Mentor", await app.WithDbAsync(db => db.Notifications.Where(n => n.RecipientEmail == email && n.Kind == "matched").Select(n => n.TextBody).SingleAsync()));
    }
}
