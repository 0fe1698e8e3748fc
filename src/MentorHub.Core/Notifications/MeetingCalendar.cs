using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace MentorHub.Core.Notifications;

/// <summary>A meeting as calendars see it.</summary>
public sealed record CalendarMeeting(int Id, DateTime StartsAtUtc, int DurationMinutes, string Title, string? Description, string? Location, string? Url, int Sequence, bool IsCancelled);

/// <summary>
/// iCalendar (RFC 5545) for meetings: a single invite (REQUEST, or CANCEL for a cancelled meeting) and a person's feed
/// (PUBLISH). Times are written in UTC so every calendar shows them in its own zone. The UID is stable per meeting and
/// SEQUENCE rises on each change, so calendars replace the event instead of adding another.
/// </summary>
public static class MeetingCalendar
{
    public const string ContentType = "text/calendar";

    public static string Invite(CalendarMeeting meeting)
    {
        var calendar = NewCalendar(meeting.IsCancelled ? "CANCEL" : "REQUEST");
        calendar.Events.Add(ToEvent(meeting));
        return Serialize(calendar);
    }

    public static string Feed(IEnumerable<CalendarMeeting> meetings, string name)
    {
        var calendar = NewCalendar("PUBLISH");
        calendar.AddProperty("X-WR-CALNAME", name);
        foreach (var meeting in meetings) calendar.Events.Add(ToEvent(meeting));
        return Serialize(calendar);
    }

    public static string Uid(int meetingId) => $"meeting-{meetingId}@mentorhub";

    private static Calendar NewCalendar(string method)
    {
        var calendar = new Calendar { Method = method };
        calendar.ProductId = "-//MentorHub//Meetings//EN";
        return calendar;
    }

    private static CalendarEvent ToEvent(CalendarMeeting meeting) => new()
    {
        Uid = Uid(meeting.Id),
        Summary = meeting.Title,
        Description = meeting.Description,
        Location = meeting.Location ?? meeting.Url,
        Url = meeting.Url is not null && Uri.TryCreate(meeting.Url, UriKind.Absolute, out var url) ? url : null,
        DtStart = new CalDateTime(DateTime.SpecifyKind(meeting.StartsAtUtc, DateTimeKind.Utc)),
        DtEnd = new CalDateTime(DateTime.SpecifyKind(meeting.StartsAtUtc.AddMinutes(meeting.DurationMinutes), DateTimeKind.Utc)),
        Sequence = meeting.Sequence,
        Status = meeting.IsCancelled ? "CANCELLED" : "CONFIRMED",
    };

    private static string Serialize(Calendar calendar) => new CalendarSerializer().SerializeToString(calendar) ?? "";
}
