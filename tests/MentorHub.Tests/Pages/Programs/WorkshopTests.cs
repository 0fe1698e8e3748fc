using System.Net;
using MentorHub.Core.Domain;
using MentorHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Tests.Pages.Programs;

/// <summary>Changing and cancelling a cohort's workshops.</summary>
[Collection(AppCollection.Name)]
public class WorkshopTests(MentorHubAppFactory app)
{
    private async Task<(AppClient Coordinator, int ProgramId, int CohortId, int WorkshopId, AppUser Mentor, AppUser Mentee, int MentorshipId)> WorkshopWithTwoRepliesAsync()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var mentor = await app.CreateUserAsync();
        var mentee = await app.CreateUserAsync();
        var mentorshipId = await app.CreateMentorshipAsync(mentor, mentee, coordinator.Id, running: true);
        var (programId, cohortId, workshopId) = await app.WithDbAsync(async db =>
        {
            var m = await db.Mentorships.Include(x => x.Cohort).SingleAsync(x => x.Id == mentorshipId);
            var workshop = new Workshop(m.CohortId, "Metadata clinic", null, app.Clock.GetUtcNow().UtcDateTime.AddDays(10), 60, Modality.Virtual, null, capacity: 5);
            workshop.Rsvp(mentor.Id, DateTime.UtcNow);
            workshop.Rsvp(mentee.Id, DateTime.UtcNow);
            db.Workshops.Add(workshop);
            await db.SaveChangesAsync();
            return (m.Cohort!.ProgramId, m.CohortId, workshop.Id);
        });
        var client = app.CreateAppClient();
        await client.SignInAsync(coordinator.Email!);
        return (client, programId, cohortId, workshopId, mentor, mentee, mentorshipId);
    }

    [Fact]
    public async Task A_workshop_is_changed_but_never_to_fewer_places_than_people_going()
    {
        var (client, programId, cohortId, workshopId, _, _, _) = await WorkshopWithTwoRepliesAsync();
        using var _client = client;
        var url = $"/Programs/{programId}/Cohorts/{cohortId}/Workshops?edit={workshopId}";

        var tooSmall = await client.FollowAsync(await client.SubmitAsync(await client.GetAsync(url), new Dictionary<string, string> { ["Input.Title"] = "Metadata clinic II", ["Input.Capacity"] = "1" }, "#workshop-form"));
        Assert.Contains("2 people are already going: the workshop needs at least 2 places.", tooSmall.Errors);
        Assert.Equal("Metadata clinic II", tooSmall.InputValue("Input.Title"));

        var saved = await client.SubmitAsync(await client.GetAsync(url), new Dictionary<string, string> { ["Input.Title"] = "Metadata clinic II", ["Input.Capacity"] = "8" }, "#workshop-form");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await app.WithDbAsync(db => db.Workshops.SingleAsync(w => w.Id == workshopId));
        Assert.Equal(("Metadata clinic II", 8), (stored.Title, stored.Capacity));
    }

    [Fact]
    public async Task Cancelling_a_workshop_tells_everyone_who_replied_why_and_takes_it_off_their_pages()
    {
        var (client, programId, cohortId, workshopId, mentor, mentee, mentorshipId) = await WorkshopWithTwoRepliesAsync();
        using var _client = client;
        var page = await client.GetAsync($"/Programs/{programId}/Cohorts/{cohortId}/Workshops");

        var cancelled = await client.FollowAsync(await client.SubmitAsync(page, new Dictionary<string, string> { ["reason"] = "The trainer is ill." }, "form[action*='handler=Cancel']"));

        Assert.Contains("the 2 people who replied have been told", cancelled.Text);
        var mail = await app.WithDbAsync(db => db.Notifications.Where(n => n.DedupeKey.StartsWith($"workshop-cancelled:{workshopId}:")).ToListAsync());
        Assert.Equal(new[] { mentee.Email!, mentor.Email! }.Order(), mail.Select(m => m.RecipientEmail).Order());
        Assert.All(mail, m => Assert.Contains("The trainer is ill.", m.TextBody));
        using var menteeClient = app.CreateAppClient();
        await menteeClient.SignInAsync(mentee.Email!);
        Assert.DoesNotContain("Metadata clinic", (await menteeClient.GetAsync($"/Mentorships/{mentorshipId}")).Text);
    }
}
