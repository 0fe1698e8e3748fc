using MentorHub.Core.Domain;
using MentorHub.Tests.Infrastructure;
using MentorHub.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MentorHub.Tests.Notifications;

/// <summary>The app on its own clock (which these tests move on), with mail going over SMTP to a loopback server.</summary>
public sealed class ResponsivenessAppFactory : SmtpAppFactory
{
    protected override DateTimeOffset Start => new(2027, 5, 3, 9, 0, 0, TimeSpan.Zero);
}

public class UnresponsiveMemberTests(ResponsivenessAppFactory app) : IClassFixture<ResponsivenessAppFactory>
{
    private async Task<int> RemindAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var before = app.Sink.Received.Count;
        await scope.ServiceProvider.GetRequiredService<RemindUnresponsiveMembersJob>().RunAsync(CancellationToken.None);
        return app.Sink.Received.Count - before;
    }

    private async Task VisitAsync(AppUser person)
    {
        using var client = app.CreateAppClient();
        await client.SignInAsync(person.Email!);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/")).Status);
    }

    [Fact]
    public async Task A_member_away_two_weeks_while_a_meeting_and_a_check_in_wait_gets_one_reminder_and_the_pair_is_flagged_a_week_later()
    {
        var coordinator = await app.CreateUserAsync("Cora Coordinator");
        var mentor = await app.CreateUserAsync("Milo Mentor");
        var mentee = await app.CreateUserAsync("Ella Mentee");
        var mentorshipId = await app.CreateMentorshipAsync(mentor, mentee, coordinator.Id, running: true);
        var programId = await app.WithDbAsync(db => db.Mentorships.Where(m => m.Id == mentorshipId).Select(m => m.Cohort!.ProgramId).SingleAsync());
        var meetingAt = app.Clock.GetUtcNow().UtcDateTime.AddDays(1);
        await app.CreateMeetingAsync(mentorshipId, meetingAt, mentor.Id);
        await app.WithDbAsync(async db =>
        {
            var menteeMember = await db.MentorshipMembers.SingleAsync(m => m.MentorshipId == mentorshipId && m.UserId == mentee.Id);
            db.Assessments.Add(new Assessment(menteeMember.Id, AssessmentKind.Midpoint, DateOnly.FromDateTime(meetingAt).AddDays(2)));
            return await db.SaveChangesAsync();
        });
        await VisitAsync(mentor);
        await VisitAsync(mentee);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, await app.WithDbAsync(db => db.Users.Where(u => u.Id == mentee.Id).Select(u => u.LastSeenAtUtc).SingleAsync()));

        // The meeting has waited to be logged for a minute under two weeks: nobody is reminded yet.
        app.Clock.SetUtcNow(meetingAt.AddDays(14).AddMinutes(-1));
        Assert.Equal(0, await RemindAsync());

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(2, await RemindAsync());
        var toMentee = Assert.Single(app.Sink.To(mentee.Email!));
        Assert.Equal($"Your {await app.WithDbAsync(db => db.Programs.Where(p => p.Id == programId).Select(p => p.Name).SingleAsync())} mentorship is waiting on you", toMentee.Subject);
        Assert.Contains("your mentorship with Milo Mentor has things waiting on you", toMentee.TextBody);
        Assert.Contains("Log the meeting of", toMentee.TextBody);
        Assert.Contains($"Your midpoint check-in, due {DateOnly.FromDateTime(meetingAt).AddDays(2):d MMMM yyyy}", toMentee.TextBody);
        var toMentor = Assert.Single(app.Sink.To(mentor.Email!));
        Assert.DoesNotContain("check-in", toMentor.TextBody);
        Assert.Contains($"https://mentorhub.test/Mentorships/{mentorshipId}", toMentor.HtmlBody);

        // One reminder per silence, however often the job runs.
        Assert.Equal(0, await RemindAsync());

        // The mentee comes back; the mentor stays away for a week after the reminder.
        await VisitAsync(mentee);
        app.Clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal(0, await RemindAsync());
        using var coordinatorClient = app.CreateAppClient();
        await coordinatorClient.SignInAsync(coordinator.Email!);
        var connections = await coordinatorClient.GetAsync($"/Programs/{programId}/Connections");
        Assert.Contains("Milo Mentor has not responded to a reminder sent 7 days ago", connections.Text);
        Assert.DoesNotContain("Ella Mentee has not responded", connections.Text);
        var home = await coordinatorClient.GetAsync("/");
        Assert.Contains("1 pair at risk", home.Text);

        // Coming back clears the flag.
        await VisitAsync(mentor);
        Assert.DoesNotContain("has not responded", (await coordinatorClient.GetAsync($"/Programs/{programId}/Connections")).Text);
    }
}
