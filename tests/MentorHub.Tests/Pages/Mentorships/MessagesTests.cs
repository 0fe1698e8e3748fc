using System.Net;
using MentorHub.Core.Domain;
using MentorHub.Core.Notifications;
using MentorHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Tests.Pages.Mentorships;

/// <summary>A host on its own clock, which these tests move on to check how often message mail goes.</summary>
public sealed class MessagesAppFactory : MentorHubAppFactory
{
    protected override DateTimeOffset Start => new(2027, 2, 8, 9, 0, 0, TimeSpan.Zero);
}

public class MessagesTests(MessagesAppFactory app) : IClassFixture<MessagesAppFactory>
{
    private static Dictionary<string, string> Say(string body) => new() { ["Body"] = body };

    internal static string NavMessages(Page page) => System.Text.RegularExpressions.Regex.Replace(page.Document.QuerySelector("#nav-messages")!.TextContent, @"\s+", " ").Trim();

    private Task<List<Notification>> MailToAsync(AppUser person) =>
        app.WithDbAsync(db => db.Notifications.Where(n => n.RecipientUserId == person.Id && n.Kind == NotificationKind.NewMessage).OrderBy(n => n.Id).ToListAsync());

    [Fact]
    public async Task Members_exchange_messages_with_unread_counts_in_the_navigation_and_the_mentorship()
    {
        var mentor = await app.CreateUserAsync("Mira Mentor");
        var mentee = await app.CreateUserAsync("Theo Technician");
        var mentorshipId = await app.CreateMentorshipAsync(mentor, mentee, running: true);
        using var mentorClient = app.CreateAppClient();
        await mentorClient.SignInAsync(mentor.Email!);
        using var menteeClient = app.CreateAppClient();
        await menteeClient.SignInAsync(mentee.Email!);

        var empty = await mentorClient.GetAsync($"/Mentorships/{mentorshipId}/Messages");
        Assert.Contains("No messages yet.", empty.Text);
        Assert.Contains("coordinators do not", empty.Text);

        var sent = await mentorClient.SubmitAsync($"/Mentorships/{mentorshipId}/Messages", Say("Before Tuesday:\n- read the *fixity* guide\n- bring questions"), "#message-form");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        await mentorClient.SubmitAsync($"/Mentorships/{mentorshipId}/Messages", Say("And https://example.org/fixity is the link."), "#message-form");

        // The mentee sees two unread, in the navigation, the inbox and on the mentorship; the author sees none of their own.
        var home = await menteeClient.GetAsync("/");
        Assert.Equal("Messages 2 unread", NavMessages(home));
        Assert.Equal("Messages", NavMessages(await mentorClient.GetAsync("/")));
        var inbox = await menteeClient.GetAsync("/Messages");
        var row = inbox.Document.QuerySelector("#conversations li")!.TextContent;
        Assert.Contains("Mira Mentor", row);
        Assert.Contains("2 unread messages", row);
        Assert.Contains("Mira Mentor: And https://example.org/fixity is the link.", row);
        Assert.Contains("2 unread", (await menteeClient.GetAsync($"/Mentorships/{mentorshipId}")).Document.QuerySelector("#messages-link")!.TextContent);

        // Reading the conversation clears the count; the list and emphasis render as written.
        var conversation = await menteeClient.GetAsync($"/Mentorships/{mentorshipId}/Messages");
        var first = conversation.Document.QuerySelectorAll(".message")[0];
        Assert.Equal(["read the fixity guide", "bring questions"], first.QuerySelectorAll("li").Select(li => li.TextContent).ToArray());
        Assert.Equal("fixity", first.QuerySelector("em")!.TextContent);
        Assert.Equal("https://example.org/fixity", conversation.Document.QuerySelectorAll(".message")[1].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Messages", NavMessages(await menteeClient.GetAsync("/")));

        // The reply is the mentee's own ("You") and unread for the mentor.
        await menteeClient.SubmitAsync($"/Mentorships/{mentorshipId}/Messages", Say("Thanks, see you Tuesday."), "#message-form");
        Assert.Contains("You ·", (await menteeClient.GetAsync($"/Mentorships/{mentorshipId}/Messages")).Document.QuerySelectorAll(".message-mine")[0].TextContent);
        Assert.Equal("Messages 1 unread", NavMessages(await mentorClient.GetAsync("/Messages")));
    }

    [Fact]
    public async Task An_empty_or_overlong_message_re_renders_with_a_message_and_keeps_the_text()
    {
        var mentor = await app.CreateUserAsync();
        var mentee = await app.CreateUserAsync();
        var mentorshipId = await app.CreateMentorshipAsync(mentor, mentee, running: true);
        using var client = app.CreateAppClient();
        await client.SignInAsync(mentor.Email!);

        var blank = await client.FollowAsync(await client.SubmitAsync($"/Mentorships/{mentorshipId}/Messages", Say("   "), "#message-form"));
        Assert.Equal(HttpStatusCode.OK, blank.Status);
        Assert.Contains("Write something before sending.", blank.Errors);

        var text = new string('x', Message.MaxLength + 1);
        var tooLong = await client.FollowAsync(await client.SubmitAsync($"/Mentorships/{mentorshipId}/Messages", Say(text), "#message-form"));
        Assert.Contains("Keep a message under 4,000 characters; this one has 4,001.", tooLong.Errors);
        Assert.Equal(text, tooLong.Document.QuerySelector("#message-body")!.TextContent);
        Assert.Equal(0, await app.WithDbAsync(db => db.Messages.CountAsync(m => m.MentorshipId == mentorshipId)));
    }

    [Fact]
    public async Task Message_mail_goes_at_most_once_per_conversation_per_person_every_15_minutes_and_never_to_those_who_turned_it_off()
    {
        var mentor = await app.CreateUserAsync("Nadia Mentor");
        var mentee = await app.CreateUserAsync("Owen Mentee");
        var mentorshipId = await app.CreateMentorshipAsync(mentor, mentee, running: true);
        using var client = app.CreateAppClient();
        await client.SignInAsync(mentor.Email!);

        await client.SubmitAsync($"/Mentorships/{mentorshipId}/Messages", Say("First thought"), "#message-form");
        app.Clock.Advance(TimeSpan.FromMinutes(14));
        await client.SubmitAsync($"/Mentorships/{mentorshipId}/Messages", Say("Second thought"), "#message-form");
        var mail = Assert.Single(await MailToAsync(mentee));
        Assert.Equal($"Nadia Mentor wrote to you in {await app.WithDbAsync(db => db.Mentorships.Where(m => m.Id == mentorshipId).Select(m => m.Cohort!.Program!.Name).SingleAsync())}", mail.Subject);
        Assert.Contains("First thought", mail.TextBody);
        Assert.Contains($"/Mentorships/{mentorshipId}/Messages", mail.TextBody);
        Assert.Empty(await MailToAsync(mentor));

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await client.SubmitAsync($"/Mentorships/{mentorshipId}/Messages", Say("Third thought"), "#message-form");
        Assert.Equal(["First thought", "Third thought"], (await MailToAsync(mentee)).Select(n => n.TextBody.Contains("Third thought") ? "Third thought" : "First thought").ToArray());

        // Turned off on the preferences page: no more message mail, however long the gap.
        await app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == mentee.Id);
            user.MutedNotifications |= NotificationKinds.Messages;
            return await db.SaveChangesAsync();
        });
        app.Clock.Advance(TimeSpan.FromHours(1));
        await client.SubmitAsync($"/Mentorships/{mentorshipId}/Messages", Say("Fourth thought"), "#message-form");
        Assert.Equal(2, (await MailToAsync(mentee)).Count);
        Assert.Equal(4, await app.WithDbAsync(db => db.Messages.CountAsync(m => m.MentorshipId == mentorshipId)));
    }

    [Fact]
    public async Task Coordinators_and_outsiders_get_404_and_the_coordinator_is_told_messages_are_private()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var mentor = await app.CreateUserAsync();
        var mentee = await app.CreateUserAsync();
        var outsider = await app.CreateUserAsync();
        var mentorshipId = await app.CreateMentorshipAsync(mentor, mentee, coordinator.Id, running: true);
        using (var member = app.CreateAppClient())
        {
            await member.SignInAsync(mentee.Email!);
            await member.SubmitAsync($"/Mentorships/{mentorshipId}/Messages", Say("Private note to my mentor"), "#message-form");
        }

        foreach (var person in new[] { coordinator, outsider })
        {
            using var client = app.CreateAppClient();
            await client.SignInAsync(person.Email!);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Mentorships/{mentorshipId}/Messages")).Status);
            var post = await client.Http.PostAsync($"/Mentorships/{mentorshipId}/Messages", new FormUrlEncodedContent(Say("hi")));
            Assert.True(post.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{post.StatusCode}");
            Assert.DoesNotContain("Private note", (await client.GetAsync("/Messages")).Text);
        }
        using var coordinatorClient = app.CreateAppClient();
        await coordinatorClient.SignInAsync(coordinator.Email!);
        var details = await coordinatorClient.GetAsync($"/Mentorships/{mentorshipId}");
        Assert.NotNull(details.Document.QuerySelector("#messages-private"));
        Assert.Null(details.Document.QuerySelector("#messages-link"));
        Assert.Equal(1, await app.WithDbAsync(db => db.Messages.CountAsync(m => m.MentorshipId == mentorshipId)));
    }

    [Fact]
    public async Task A_long_conversation_pages_back_thirty_at_a_time_oldest_first_on_each_page()
    {
        var mentor = await app.CreateUserAsync();
        var mentee = await app.CreateUserAsync();
        var mentorshipId = await app.CreateMentorshipAsync(mentor, mentee, running: true);
        await app.WithDbAsync(async db =>
        {
            var at = app.Clock.GetUtcNow().UtcDateTime;
            for (var i = 1; i <= 45; i++) db.Messages.Add(new Message(mentorshipId, i % 2 == 0 ? mentor.Id : mentee.Id, $"Message {i}", at.AddMinutes(i)));
            return await db.SaveChangesAsync();
        });
        using var client = app.CreateAppClient();
        await client.SignInAsync(mentor.Email!);

        var latest = await client.GetAsync($"/Mentorships/{mentorshipId}/Messages");
        var bodies = latest.Document.QuerySelectorAll(".message .written").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(30, bodies.Count);
        Assert.Equal("Message 16", bodies[0]);
        Assert.Equal("Message 45", bodies[^1]);
        var earlier = await client.GetAsync(latest.Document.QuerySelector("#earlier-messages")!.GetAttribute("href")!);
        var older = earlier.Document.QuerySelectorAll(".message .written").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(Enumerable.Range(1, 15).Select(i => $"Message {i}"), older);
        Assert.Null(earlier.Document.QuerySelector("#earlier-messages"));
        Assert.NotNull(earlier.Document.QuerySelector("#later-messages"));
    }
}
