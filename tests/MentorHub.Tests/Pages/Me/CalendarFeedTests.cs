using System.Net;
using MentorHub.Tests.Infrastructure;

namespace MentorHub.Tests.Pages.Me;

[Collection(AppCollection.Name)]
public class CalendarFeedTests(MentorHubAppFactory app)
{
    [Fact]
    public async Task The_feed_lists_the_persons_meetings_and_a_replaced_or_wrong_token_is_refused()
    {
        var mentor = await app.CreateUserAsync();
        var mentee = await app.CreateUserAsync();
        var mentorshipId = await app.CreateMentorshipAsync(mentor, mentee);
        var meetingId = await app.CreateMeetingAsync(mentorshipId, app.Clock.GetUtcNow().UtcDateTime.AddDays(5), mentor.Id);
        var other = await app.CreateMentorshipAsync(await app.CreateUserAsync(), await app.CreateUserAsync());
        var otherMeeting = await app.CreateMeetingAsync(other, app.Clock.GetUtcNow().UtcDateTime.AddDays(5), mentor.Id);
        using var client = app.CreateAppClient();
        await client.SignInAsync(mentee.Email!);

        var created = await client.FollowAsync(await client.SubmitAsync("/Me/Calendar", new Dictionary<string, string>()));
        var firstUrl = new Uri(created.Document.QuerySelector("#feed-url")!.GetAttribute("value")!).PathAndQuery;
        using var calendarApp = app.CreateAppClient();
        var feed = await calendarApp.Http.GetStringAsync(firstUrl);
        Assert.Contains($"UID:meeting-{meetingId}@mentorhub", feed);
        Assert.DoesNotContain($"UID:meeting-{otherMeeting}@mentorhub", feed);

        var replaced = await client.FollowAsync(await client.SubmitAsync("/Me/Calendar", new Dictionary<string, string>()));
        var secondUrl = new Uri(replaced.Document.QuerySelector("#feed-url")!.GetAttribute("value")!).PathAndQuery;
        Assert.NotEqual(firstUrl, secondUrl);
        Assert.Equal(HttpStatusCode.NotFound, (await calendarApp.Http.GetAsync(firstUrl)).StatusCode);
        var second = await calendarApp.Http.GetAsync(secondUrl);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("text/calendar; charset=utf-8; method=PUBLISH", second.Content.Headers.ContentType!.ToString());
        Assert.Equal("PUBLISH", Ical.Net.Calendar.Load(await second.Content.ReadAsStringAsync())!.Method);
        Assert.Equal(HttpStatusCode.NotFound, (await calendarApp.Http.GetAsync("/Me/Calendar.ics?token=not-a-token")).StatusCode);

        // "Add to my calendar" is a published copy too, not a request from nobody.
        var download = await client.Http.GetAsync($"/Meetings/{meetingId}?handler=Ics");
        Assert.Equal("text/calendar; charset=utf-8; method=PUBLISH", download.Content.Headers.ContentType!.ToString());
        Assert.Equal("PUBLISH", Ical.Net.Calendar.Load(await download.Content.ReadAsStringAsync())!.Method);
    }
}
