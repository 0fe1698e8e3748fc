using MentorHub.Core.Domain;
using MentorHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Tests.Pages.Home;

[Collection(AppCollection.Name)]
public class HomeTests(MentorHubAppFactory app)
{
    [Fact]
    public async Task A_mentor_sees_each_mentees_latest_activity_and_the_meetings_waiting_to_be_logged()
    {
        var mentor = await app.CreateUserAsync("Mara Mentor");
        var mentee = await app.CreateUserAsync("Theo Trainee");
        var mentorshipId = await app.CreateMentorshipAsync(mentor, mentee);
        await app.CreateMeetingAsync(mentorshipId, app.Clock.GetUtcNow().UtcDateTime.AddDays(-1), mentor.Id);
        await app.WithDbAsync(async db =>
        {
            var ownerId = await db.MentorshipMembers.Where(m => m.MentorshipId == mentorshipId && m.Role == MemberRole.Mentee).Select(m => m.Id).SingleAsync();
            var goal = new Goal(mentorshipId, ownerId, "Write the preservation plan", null, null, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(40), mentee.Id, DateTime.UtcNow);
            goal.RecordProgress(40, "First draft", mentee.Id, DateTime.UtcNow);
            db.Goals.Add(goal);
            return await db.SaveChangesAsync();
        });
        using var client = app.CreateAppClient();
        await client.SignInAsync(mentor.Email!);

        var home = await client.GetAsync("/");

        Assert.Contains("Latest: Theo Trainee reached 40% on “Write the preservation plan”", home.Document.QuerySelector("[aria-labelledby=mentorships-heading]")!.TextContent);
        Assert.Single(home.Document.QuerySelectorAll("[aria-labelledby=tolog-heading] li"));
    }
}
