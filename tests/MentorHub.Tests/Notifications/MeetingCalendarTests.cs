using MentorHub.Core.Notifications;

namespace MentorHub.Tests.Notifications;

public class MeetingCalendarTests
{
    private static readonly CalendarMeeting Meeting = new(42, new DateTime(2027, 3, 28, 8, 30, 0, DateTimeKind.Utc), 45, "Mentoring: Ada and Bo",
        "Agenda: catalogue review", null, "https://meet.example.org/ada-bo", Sequence: 2, IsCancelled: false);

    [Fact]
    public void An_invite_has_a_stable_uid_utc_times_and_the_sequence()
    {
        var ics = MeetingCalendar.Invite(Meeting);

        Assert.Contains("METHOD:REQUEST", ics);
        Assert.Contains("UID:meeting-42@mentorhub", ics);
        Assert.Contains("DTSTART:20270328T083000Z", ics);
        Assert.Contains("DTEND:20270328T091500Z", ics);
        Assert.Contains("SEQUENCE:2", ics);
        Assert.Contains("SUMMARY:Mentoring: Ada and Bo", ics);
    }

    [Fact]
    public void A_cancelled_meeting_is_sent_as_a_cancellation()
    {
        var ics = MeetingCalendar.Invite(Meeting with { IsCancelled = true, Sequence = 3 });

        Assert.Contains("METHOD:CANCEL", ics);
        Assert.Contains("STATUS:CANCELLED", ics);
    }

    private static readonly CalendarMeeting WithPeople = Meeting with
    {
        Location = "Bibliothèque centrale, salle 2",
        Organizer = new CalendarPerson("Ada Organiser", "ada@library.example.org"),
        Attendees = [new CalendarPerson("Ada Organiser", "ada@library.example.org"), new CalendarPerson("Bo Attendee", "bo@library.example.org")],
    };

    [Fact]
    public void A_mailed_request_has_its_organiser_sent_by_mentorhub_and_every_member_as_an_attendee()
    {
        var calendar = Ical.Net.Calendar.Load(MeetingCalendar.Invite(WithPeople, "mentorhub@library.example.org"))!;

        Assert.Equal("REQUEST", calendar.Method);
        var entry = Assert.Single(calendar.Events);
        Assert.Equal("mailto:ada@library.example.org", entry.Organizer!.Value!.ToString());
        Assert.Equal("Ada Organiser", entry.Organizer.CommonName);
        Assert.Equal("mailto:mentorhub@library.example.org", entry.Organizer.SentBy!.ToString());
        Assert.Equal(["mailto:ada@library.example.org", "mailto:bo@library.example.org"], entry.Attendees.Select(a => a.Value!.ToString()));
        Assert.All(entry.Attendees, a => Assert.Equal("REQ-PARTICIPANT", a.Role));
        Assert.Equal(["ACCEPTED", "NEEDS-ACTION"], entry.Attendees.Select(a => a.ParticipationStatus));
        Assert.Equal("Bibliothèque centrale, salle 2", entry.Location);
        Assert.Equal("text/calendar; charset=utf-8; method=REQUEST", MeetingCalendar.ContentType(MeetingCalendar.MethodOf(WithPeople)));
    }

    [Fact]
    public void A_download_and_the_feed_publish_a_copy_and_the_feed_says_how_often_to_refresh()
    {
        var download = Ical.Net.Calendar.Load(MeetingCalendar.Download(WithPeople))!;
        Assert.Equal("PUBLISH", download.Method);
        Assert.Empty(Assert.Single(download.Events).Attendees);

        var ics = MeetingCalendar.Feed([WithPeople, WithPeople with { Id = 43 }], "MentorHub · Ada");
        var feed = Ical.Net.Calendar.Load(ics)!;
        Assert.Equal("PUBLISH", feed.Method);
        Assert.Equal(2, feed.Events.Count);
        Assert.Contains("REFRESH-INTERVAL;VALUE=DURATION:PT1H", ics);
        Assert.Contains("X-PUBLISHED-TTL:PT1H", ics);
    }
}
