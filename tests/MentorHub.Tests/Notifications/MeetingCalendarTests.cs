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
}
