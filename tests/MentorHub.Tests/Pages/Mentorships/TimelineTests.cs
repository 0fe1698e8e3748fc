using System.Net;
using MentorHub.Core.Domain;
using MentorHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Tests.Pages.Mentorships;

[Collection(AppCollection.Name)]
public class TimelineTests(MentorHubAppFactory app)
{
    /// <summary>A pair with <paramref name="count"/> entries of history, cycling through held meetings, goal comments and messages.</summary>
    private async Task<(AppUser Mentor, AppUser Mentee, int MentorshipId)> HistoryAsync(int count, DateTime? sameMomentForAll = null)
    {
        var mentor = await app.CreateUserAsync("Hana Mentor");
        var mentee = await app.CreateUserAsync("Ivo Mentee");
        var mentorshipId = await app.CreateMentorshipAsync(mentor, mentee);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await app.WithDbAsync(async db =>
        {
            var ownerId = await db.MentorshipMembers.Where(m => m.MentorshipId == mentorshipId && m.Role == MemberRole.Mentee).Select(m => m.Id).SingleAsync();
            var goal = new Goal(mentorshipId, ownerId, "Catalogue serials", null, null, DateOnly.FromDateTime(now).AddDays(60), mentee.Id, now.AddDays(-count - 1));
            db.Goals.Add(goal);
            for (var i = 1; i <= count; i++)
            {
                var at = sameMomentForAll ?? now.AddHours(-count + i);
                switch (i % 3)
                {
                    case 0:
                        var meeting = new Meeting(mentorshipId, at, 30, Modality.Virtual, null, "https://meet.example.org/x", null, mentor.Id);
                        meeting.LogAsHeld($"Entry {i}", [mentor.Id, mentee.Id], [], mentor.Id, now);
                        db.Meetings.Add(meeting);
                        break;
                    case 1:
                        goal.Comment($"Entry {i}", mentee.Id, at);
                        break;
                    default:
                        db.Messages.Add(new Message(mentorshipId, mentor.Id, $"Entry {i}", at));
                        break;
                }
            }
            return await db.SaveChangesAsync();
        });
        return (mentor, mentee, mentorshipId);
    }

    private static List<string> Entries(Page page) =>
        page.Document.QuerySelectorAll("#timeline-entries li .written").Select(e => e.TextContent.Trim()).ToList();

    [Fact]
    public async Task The_timeline_shows_20_entries_and_pages_back_through_all_of_them_once_each_even_at_the_same_moment()
    {
        foreach (var moment in new DateTime?[] { null, app.Clock.GetUtcNow().UtcDateTime.AddDays(-1) })
        {
            var (_, mentee, mentorshipId) = await HistoryAsync(45, moment);
            using var client = app.CreateAppClient();
            await client.SignInAsync(mentee.Email!);

            var seen = new List<string>();
            var page = await client.GetAsync($"/Mentorships/{mentorshipId}");
            Assert.Null(page.Document.QuerySelector("#timeline-latest"));
            var pages = 1;
            while (true)
            {
                var entries = Entries(page);
                Assert.Equal(pages < 3 ? 20 : 5, entries.Count);
                seen.AddRange(entries);
                var older = page.Document.QuerySelector("#timeline-older");
                if (older is null) break;
                page = await client.GetAsync(older.GetAttribute("href")!);
                Assert.NotNull(page.Document.QuerySelector("#timeline-latest"));
                pages++;
            }
            Assert.Equal(3, pages);
            Assert.Equal(Enumerable.Range(1, 45).Select(i => $"Entry {i}").Order(), seen.Order());
            if (moment is null) Assert.Equal("Entry 45", seen[0]);
        }
    }

    [Fact]
    public async Task The_timeline_filters_by_kind_and_coordinators_see_no_messages()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var mentor = await app.CreateUserAsync();
        var mentee = await app.CreateUserAsync();
        var mentorshipId = await app.CreateMentorshipAsync(mentor, mentee, coordinator.Id);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await app.WithDbAsync(async db =>
        {
            var ownerId = await db.MentorshipMembers.Where(m => m.MentorshipId == mentorshipId && m.Role == MemberRole.Mentee).Select(m => m.Id).SingleAsync();
            var goal = new Goal(mentorshipId, ownerId, "Learn the new ILS", null, null, DateOnly.FromDateTime(now).AddDays(60), mentee.Id, now.AddDays(-3));
            goal.Comment("A comment on the goal", mentor.Id, now.AddDays(-2));
            goal.RecordProgress(40, "Forty percent", mentee.Id, now.AddDays(-2));
            db.Goals.Add(goal);
            db.Messages.Add(new Message(mentorshipId, mentee.Id, "A private message", now.AddDays(-1)));
            return await db.SaveChangesAsync();
        });
        using var client = app.CreateAppClient();
        await client.SignInAsync(mentor.Email!);

        Assert.Equal(["A private message", "Forty percent", "A comment on the goal"], Entries(await client.GetAsync($"/Mentorships/{mentorshipId}")));
        Assert.Equal(["A comment on the goal"], Entries(await client.GetAsync($"/Mentorships/{mentorshipId}?show=Comments")));
        Assert.Equal(["Forty percent"], Entries(await client.GetAsync($"/Mentorships/{mentorshipId}?show=Goals")));
        var messages = await client.GetAsync($"/Mentorships/{mentorshipId}?show=Messages");
        Assert.Equal(["A private message"], Entries(messages));
        Assert.Equal("page", messages.Document.QuerySelector(".timeline-filter a[href$='show=Messages#timeline']")!.GetAttribute("aria-current"));
        Assert.Contains("Nothing yet.", (await client.GetAsync($"/Mentorships/{mentorshipId}?show=Meetings")).Text);

        using var coordinatorClient = app.CreateAppClient();
        await coordinatorClient.SignInAsync(coordinator.Email!);
        var asCoordinator = await coordinatorClient.GetAsync($"/Mentorships/{mentorshipId}");
        Assert.DoesNotContain("A private message", asCoordinator.Text);
        Assert.Null(asCoordinator.Document.QuerySelector(".timeline-filter a[href$='show=Messages#timeline']"));
        Assert.DoesNotContain("A private message", (await coordinatorClient.GetAsync($"/Mentorships/{mentorshipId}?show=Messages")).Text);
        // A made-up cursor or kind is not an error: the latest entries show.
        Assert.Equal(HttpStatusCode.OK, (await coordinatorClient.GetAsync($"/Mentorships/{mentorshipId}?show=Nonsense&before=9-x-1")).Status);
    }

    [Fact]
    public async Task A_cancelled_future_meeting_is_history_at_the_moment_it_was_cancelled_not_at_the_top()
    {
        var mentor = await app.CreateUserAsync();
        var mentee = await app.CreateUserAsync();
        var mentorshipId = await app.CreateMentorshipAsync(mentor, mentee);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var meetingId = await app.CreateMeetingAsync(mentorshipId, now.AddDays(10), mentor.Id);
        using var client = app.CreateAppClient();
        await client.SignInAsync(mentor.Email!);
        var meeting = await client.GetAsync($"/Meetings/{meetingId}");
        var cancelled = await client.SubmitAsync(meeting, new Dictionary<string, string> { ["reason"] = "Stocktake week" }, "form[action*='handler=Cancel']");
        Assert.True(AppClient.IsRedirect(cancelled.StatusCode), $"{cancelled.StatusCode}");
        await client.SubmitAsync($"/Mentorships/{mentorshipId}/Messages", new Dictionary<string, string> { ["Body"] = "Written after the cancellation" }, "#message-form");

        var page = await client.GetAsync($"/Mentorships/{mentorshipId}");
        var titles = page.Document.QuerySelectorAll("#timeline-entries li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, titles.Count);
        Assert.Contains("Written after the cancellation", titles[0]);
        Assert.Contains("Meeting cancelled", titles[1]);
        Assert.Contains("planned for", titles[1]);
        Assert.Contains("Stocktake week", titles[1]);
        Assert.Null(page.Document.QuerySelector("#coming-up a[href='/Meetings/" + meetingId + "']"));
    }

    [Fact]
    public async Task The_mentorship_page_runs_the_same_number_of_queries_for_20_and_2000_timeline_entries()
    {
        async Task<int> MeasureAsync(int count)
        {
            var (mentor, _, mentorshipId) = await HistoryAsync(count);
            using var client = app.CreateAppClient();
            await client.SignInAsync(mentor.Email!);
            return await app.Queries.MeasureAsync(async () => Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Mentorships/{mentorshipId}")).Status));
        }

        var few = await MeasureAsync(20);
        var many = await MeasureAsync(2000);

        Assert.True(few > 0);
        Assert.Equal(few, many);
    }
}
