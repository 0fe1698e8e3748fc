using System.Globalization;
using System.Net;
using MentorHub.Core.Domain;
using MentorHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Tests.Notifications;

[Collection(AppCollection.Name)]
public class MailHeaderTests(MentorHubAppFactory app)
{
    [Fact]
    public async Task Optional_mail_carries_a_one_click_unsubscribe_that_turns_that_kind_off_and_security_mail_does_not()
    {
        var mentor = await app.CreateUserAsync("Una Organiser");
        var mentee = await app.CreateUserAsync("Vic Reader");
        var mentorshipId = await app.CreateMentorshipAsync(mentor, mentee);
        using var client = app.CreateAppClient();
        await client.SignInAsync(mentor.Email!);
        await using var sink = new SmtpSink();
        await sink.StartAsync();
        var day = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(9).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync($"/Mentorships/{mentorshipId}/Meetings/New", new Dictionary<string, string>
        {
            ["Input.Date"] = day,
            ["Input.Time"] = "10:00",
            ["Input.DurationMinutes"] = "30",
            ["Input.Modality"] = "Virtual",
        })).StatusCode);
        using (var anonymous = app.CreateAppClient())
            await anonymous.SubmitAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = mentee.Email! });
        await app.DeliverOverSmtpAsync(sink);

        var invite = Assert.Single(sink.To(mentee.Email!), m => m.Subject!.StartsWith("Meeting scheduled", StringComparison.Ordinal));
        Assert.Equal("Vic Reader", invite.To.Mailboxes.Single().Name);
        Assert.EndsWith("@mentorhub.test", invite.MessageId, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", invite.Headers["List-Unsubscribe-Post"]);
        var link = invite.Headers["List-Unsubscribe"]!.Trim('<', '>');
        Assert.StartsWith("https://mentorhub.test/Unsubscribe?t=", link, StringComparison.Ordinal);
        var reset = Assert.Single(sink.To(mentee.Email!), m => m.Headers["List-Unsubscribe"] is null);
        Assert.NotEqual(invite.Subject, reset.Subject);

        // A made-up or altered link is 404; the real one asks first when followed, and a provider's one-click POST needs no form.
        using var visitor = app.CreateAppClient();
        var path = new Uri(link).PathAndQuery;
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Http.GetAsync(path[..^3] + "xyz")).StatusCode);
        Assert.Contains("Stop “Meeting invites and changes” mail?", (await visitor.GetAsync(path)).Text);
        Assert.Equal(NotificationKinds.None, await MutedAsync(mentee));
        var oneClick = await visitor.Http.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Equal(NotificationKinds.MeetingChanges, await MutedAsync(mentee));
    }

    private Task<NotificationKinds> MutedAsync(AppUser person) => app.WithDbAsync(db => db.Users.Where(u => u.Id == person.Id).Select(u => u.MutedNotifications).SingleAsync());
}
