using System.Net;
using MentorHub.Core.Domain;
using MentorHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Tests.Pages.Mentorships;

/// <summary>"Is this a good fit?": asked after the first meeting, answered privately, and a "no" flags the pair at once.</summary>
[Collection(AppCollection.Name)]
public class FitCheckTests(MentorHubAppFactory app)
{
    [Fact]
    public async Task A_no_after_the_first_meeting_flags_the_pair_and_only_coordinators_read_the_note()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var mentor = await app.CreateUserAsync("Fern Mentor");
        var mentee = await app.CreateUserAsync("Gus Mentee");
        var mentorshipId = await app.CreateMentorshipAsync(mentor, mentee, coordinator.Id, running: true);
        var (programId, cohortId) = await app.WithDbAsync(db => db.Mentorships.Where(m => m.Id == mentorshipId).Select(m => new ValueTuple<int, int>(m.Cohort!.ProgramId, m.CohortId)).SingleAsync());
        using var menteeClient = app.CreateAppClient();
        await menteeClient.SignInAsync(mentee.Email!);

        var beforeMeeting = await menteeClient.GetAsync($"/Mentorships/{mentorshipId}");
        Assert.Null(beforeMeeting.Document.QuerySelector("#fit"));
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await app.WithDbAsync(async db =>
        {
            var meeting = new Meeting(mentorshipId, now.AddHours(-3), 45, Modality.Virtual, null, null, null, mentor.Id);
            meeting.LogAsHeld(null, [mentor.Id, mentee.Id], [], mentor.Id, now);
            db.Meetings.Add(meeting);
            return await db.SaveChangesAsync();
        });

        var page = await menteeClient.GetAsync($"/Mentorships/{mentorshipId}");
        var answered = await menteeClient.FollowAsync(await menteeClient.SubmitAsync(page, new Dictionary<string, string> { ["answer"] = "No", ["note"] = "We want different things from this." }, "#fit form"));

        Assert.Contains("Your coordinator has been told", answered.Text);
        Assert.Null(answered.Document.QuerySelector("#fit-answers"));
        using var mentorClient = app.CreateAppClient();
        await mentorClient.SignInAsync(mentor.Email!);
        Assert.DoesNotContain("We want different things", (await mentorClient.GetAsync($"/Mentorships/{mentorshipId}")).Text);

        using var coordinatorClient = app.CreateAppClient();
        await coordinatorClient.SignInAsync(coordinator.Email!);
        Assert.Contains("Gus Mentee: no", (await coordinatorClient.GetAsync($"/Mentorships/{mentorshipId}")).Document.QuerySelector("#fit-answers")!.TextContent);
        var row = (await coordinatorClient.GetAsync($"/Programs/{programId}/Cohorts/{cohortId}?show=at-risk")).Document.QuerySelector($"#connections tr[data-mentorship='{mentorshipId}']")!;
        Assert.Contains("Gus Mentee says it is not a good fit", row.TextContent);
        Assert.Equal($"/Mentorships/{mentorshipId}/End?reason=NotAGoodFit", row.QuerySelector("a.btn-outline-danger")!.GetAttribute("href"));
        var end = await coordinatorClient.GetAsync($"/Mentorships/{mentorshipId}/End?reason=NotAGoodFit");
        Assert.NotNull(end.Document.QuerySelector("#reason-NotAGoodFit[checked]"));
    }

    [Fact]
    public async Task The_fit_check_cannot_be_answered_before_a_meeting_is_held_or_by_someone_outside_the_pair()
    {
        var mentor = await app.CreateUserAsync();
        var mentee = await app.CreateUserAsync();
        var outsider = await app.CreateUserAsync();
        var mentorshipId = await app.CreateMentorshipAsync(mentor, mentee, running: true);
        using var menteeClient = app.CreateAppClient();
        await menteeClient.SignInAsync(mentee.Email!);
        var token = (await menteeClient.GetAsync($"/Mentorships/{mentorshipId}")).AntiforgeryToken;

        var early = await menteeClient.FollowAsync(await menteeClient.Http.PostAsync($"/Mentorships/{mentorshipId}?handler=Fit",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["answer"] = "Yes", ["__RequestVerificationToken"] = token })));
        Assert.Contains("opens once your first meeting has been logged", early.Text);

        using var outsiderClient = app.CreateAppClient();
        await outsiderClient.SignInAsync(outsider.Email!);
        var outsiderToken = (await outsiderClient.GetAsync("/")).AntiforgeryToken;
        var refused = await outsiderClient.Http.PostAsync($"/Mentorships/{mentorshipId}?handler=Fit",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["answer"] = "No", ["__RequestVerificationToken"] = outsiderToken }));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.MentorshipMembers.CountAsync(m => m.MentorshipId == mentorshipId && m.Fit != null)));
    }
}

[Collection(AppCollection.Name)]
public class EndRequestTests(MentorHubAppFactory app)
{
    [Fact]
    public async Task A_member_asks_the_coordinator_to_end_the_mentorship_and_the_coordinator_gets_the_reason_and_a_link()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var mentor = await app.CreateUserAsync("Hal Mentor");
        var mentee = await app.CreateUserAsync("Ida Mentee");
        var mentorshipId = await app.CreateMentorshipAsync(mentor, mentee, coordinator.Id, running: true);
        using var client = app.CreateAppClient();
        await client.SignInAsync(mentee.Email!);
        var page = await client.GetAsync($"/Mentorships/{mentorshipId}");

        var empty = await client.FollowAsync(await client.SubmitAsync(page, new Dictionary<string, string> { ["reason"] = " " }, "#ask-to-end form"));
        Assert.Contains("Say in a few words", empty.Text);
        var asked = await client.FollowAsync(await client.SubmitAsync(page, new Dictionary<string, string> { ["reason"] = "I moved to the night shift." }, "#ask-to-end form"));

        Assert.Contains("Your coordinator has been asked", asked.Text);
        var mail = await app.WithDbAsync(db => db.Notifications.SingleAsync(n => n.RecipientEmail == coordinator.Email && n.Kind == "end-requested"));
        Assert.Contains("Ida Mentee asks you to end", mail.TextBody);
        Assert.Contains("I moved to the night shift.", mail.TextBody);
        Assert.Contains($"/Mentorships/{mentorshipId}/End", mail.TextBody);
        Assert.Equal(MentorshipStatus.Active, await app.WithDbAsync(db => db.Mentorships.Where(m => m.Id == mentorshipId).Select(m => m.Status).SingleAsync()));
    }
}
