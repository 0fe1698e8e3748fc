using System.Net;
using MentorHub.Core.Domain;
using MentorHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Tests.Pages.Mentorships;

[Collection(AppCollection.Name)]
public class WorkspaceTests(MentorHubAppFactory app)
{
    [Fact]
    public async Task A_member_shares_a_tagged_resource_and_a_bad_link_re_renders_with_a_message()
    {
        var mentor = await app.CreateUserAsync();
        var mentee = await app.CreateUserAsync();
        var mentorshipId = await app.CreateMentorshipAsync(mentor, mentee);
        var competencyId = await app.WithDbAsync(db => db.Mentorships.Where(m => m.Id == mentorshipId).SelectMany(m => m.Cohort!.Program!.TargetCompetencies).Select(t => t.CompetencyId).FirstAsync());
        using var client = app.CreateAppClient();
        await client.SignInAsync(mentor.Email!);

        var bad = await client.FollowAsync(await client.SubmitAsync($"/Mentorships/{mentorshipId}", new Dictionary<string, string>
        {
            ["Resource.Title"] = "Fixity guide",
            ["Resource.Url"] = "javascript:alert(1)",
        }, "#resource-form"));
        Assert.Contains("The link must be an http or https address.", bad.Errors);
        Assert.Equal("Fixity guide", bad.InputValue("Resource.Title"));

        await client.SubmitAsync($"/Mentorships/{mentorshipId}", new Dictionary<string, string>
        {
            ["Resource.Title"] = "Fixity guide",
            ["Resource.Url"] = "https://example.org/fixity",
            ["Resource.CompetencyIds"] = competencyId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, "#resource-form");

        var page = await client.GetAsync($"/Mentorships/{mentorshipId}");
        Assert.Contains("Fixity guide", page.Document.QuerySelector("[aria-labelledby=resources-heading]")!.TextContent);
        Assert.Equal(1, await app.WithDbAsync(db => db.Resources.Where(r => r.MentorshipId == mentorshipId).SelectMany(r => r.Tags).CountAsync()));
    }

    [Fact]
    public async Task Members_rsvp_to_a_cohort_workshop_until_it_is_full()
    {
        var mentor = await app.CreateUserAsync();
        var mentee = await app.CreateUserAsync();
        var mentorshipId = await app.CreateMentorshipAsync(mentor, mentee);
        var workshopId = await app.WithDbAsync(async db =>
        {
            var cohortId = await db.Mentorships.Where(m => m.Id == mentorshipId).Select(m => m.CohortId).SingleAsync();
            var workshop = new Workshop(cohortId, "Preservation clinic", null, DateTime.UtcNow.AddDays(10), 60, Modality.Virtual, null, capacity: 1);
            db.Workshops.Add(workshop);
            await db.SaveChangesAsync();
            return workshop.Id;
        });
        using var mentorClient = app.CreateAppClient();
        using var menteeClient = app.CreateAppClient();
        await mentorClient.SignInAsync(mentor.Email!);
        await menteeClient.SignInAsync(mentee.Email!);
        var menteeView = await menteeClient.GetAsync($"/Mentorships/{mentorshipId}");

        var going = await mentorClient.FollowAsync(await mentorClient.SubmitAsync($"/Mentorships/{mentorshipId}", new Dictionary<string, string>(), "form[action*='handler=Rsvp']"));
        Assert.Contains("You're going to “Preservation clinic”.", going.Text);
        var full = await menteeClient.FollowAsync(await menteeClient.SubmitAsync(menteeView, new Dictionary<string, string>(), "form[action*='handler=Rsvp']"));

        Assert.Contains("This workshop is full.", full.Text);
        Assert.Equal([mentor.Id], await app.WithDbAsync(db => db.Workshops.Where(w => w.Id == workshopId).SelectMany(w => w.Rsvps).Select(r => r.UserId).ToListAsync()));
    }

    [Fact]
    public async Task A_mentee_starts_one_pulse_check_in_a_month_and_a_mentor_cannot()
    {
        var mentor = await app.CreateUserAsync();
        var mentee = await app.CreateUserAsync();
        var mentorshipId = await app.CreateMentorshipAsync(mentor, mentee);
        using var menteeClient = app.CreateAppClient();
        await menteeClient.SignInAsync(mentee.Email!);

        var started = await menteeClient.SubmitAsync($"/Mentorships/{mentorshipId}", new Dictionary<string, string>(), "form[action*='handler=Pulse']");

        Assert.StartsWith("/CheckIns/", started.Headers.Location!.OriginalString);
        Assert.Null((await menteeClient.GetAsync($"/Mentorships/{mentorshipId}")).Document.QuerySelector("form[action*='handler=Pulse']"));
        using var mentorClient = app.CreateAppClient();
        await mentorClient.SignInAsync(mentor.Email!);
        Assert.Null((await mentorClient.GetAsync($"/Mentorships/{mentorshipId}")).Document.QuerySelector("form[action*='handler=Pulse']"));
        Assert.Equal(HttpStatusCode.NotFound, (await mentorClient.Http.GetAsync(started.Headers.Location!.OriginalString)).StatusCode);
    }

    [Fact]
    public async Task A_program_resource_shared_by_the_coordinator_appears_in_every_mentorship_of_the_program()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var mentor = await app.CreateUserAsync();
        var mentee = await app.CreateUserAsync();
        var mentorshipId = await app.CreateMentorshipAsync(mentor, mentee, coordinator.Id);
        var programId = await app.WithDbAsync(db => db.Mentorships.Where(m => m.Id == mentorshipId).Select(m => m.Cohort!.ProgramId).SingleAsync());
        using var coordinatorClient = app.CreateAppClient();
        await coordinatorClient.SignInAsync(coordinator.Email!);

        await coordinatorClient.SubmitAsync($"/Programs/{programId}", new Dictionary<string, string>
        {
            ["Resource.Title"] = "ILS migration runbook",
            ["Resource.Url"] = "https://example.org/runbook",
        }, "#resource-form");

        using var menteeClient = app.CreateAppClient();
        await menteeClient.SignInAsync(mentee.Email!);
        Assert.Contains("ILS migration runbook", (await menteeClient.GetAsync($"/Mentorships/{mentorshipId}")).Document.QuerySelector("[aria-labelledby=resources-heading]")!.TextContent);
    }

    [Fact]
    public async Task Members_are_named_mentor_first_then_by_name_on_pages_and_in_calendar_titles()
    {
        var mentor = await app.CreateUserAsync("Zed Mentor");
        var mentee = await app.CreateUserAsync("Aaron Mentee");
        var mentorshipId = await app.CreateMentorshipAsync(mentor, mentee);
        var meetingId = await app.CreateMeetingAsync(mentorshipId, app.Clock.GetUtcNow().UtcDateTime.AddDays(3), mentor.Id);
        using var client = app.CreateAppClient();
        await client.SignInAsync(mentee.Email!);

        Assert.Equal("Zed Mentor & Aaron Mentee", (await client.GetAsync($"/Mentorships/{mentorshipId}")).Document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Zed Mentor & Aaron Mentee", (await client.GetAsync($"/Meetings/{meetingId}")).Document.QuerySelector(".breadcrumb a")!.TextContent.Trim());
        var ics = await client.Http.GetStringAsync($"/Meetings/{meetingId}?handler=Ics");
        Assert.Contains("SUMMARY:Mentoring: Zed Mentor & Aaron Mentee", ics);
    }
}
