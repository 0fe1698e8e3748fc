using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace MentorHub.Core.Notifications;

/// <summary>Someone on a calendar entry: the organiser or an attendee.</summary>
public sealed record CalendarPerson(string Name, string Email);

/// <summary>A meeting as calendars see it.</summary>
public sealed record CalendarMeeting(int Id, DateTime StartsAtUtc, int DurationMinutes, string Title, string? Description, string? Location, string? Url, int Sequence, bool IsCancelled)
{
    /// <summary>Who scheduled the meeting; null when they are no longer known (the entry then has no ORGANIZER).</summary>
    public CalendarPerson? Organizer { get; init; }

    /// <summary>The mentorship's members, who attend.</summary>
    public IReadOnlyList<CalendarPerson> Attendees { get; init; } = [];
}

/// <summary>
/// iCalendar (RFC 5545) for meetings. Mail carries iTIP (RFC 5546) messages: REQUEST, or CANCEL for a cancelled meeting,
/// with the organiser (sent by MentorHub's own address) and every member as an attendee, so mail clients treat them as
/// meeting requests. Downloads and the feed PUBLISH: a copy for the reader's calendar, not a request. Times are in UTC
/// so every calendar shows them in its own zone; the UID is stable per meeting and SEQUENCE rises on each change.
/// </summary>
public static class MeetingCalendar
{
    public const string Request = "REQUEST", Cancel = "CANCEL", Publish = "PUBLISH";

    /// <summary>How often subscribed calendars should fetch the feed again.</summary>
    public static readonly TimeSpan FeedRefresh = TimeSpan.FromHours(1);

    /// <summary>The media type of a calendar object with its method and charset (RFC 5545 §8.1).</summary>
    public static string ContentType(string method) => $"text/calendar; charset=utf-8; method={method}";

    /// <summary>The iTIP method mail uses for the meeting as it stands.</summary>
    public static string MethodOf(CalendarMeeting meeting) => meeting.IsCancelled ? Cancel : Request;

    /// <summary>A meeting request or cancellation for mail (iMIP), sent on the organiser's behalf by <paramref name="sentBy"/>.</summary>
    public static string Invite(CalendarMeeting meeting, string? sentBy = null)
    {
        var calendar = NewCalendar(MethodOf(meeting));
        calendar.Events.Add(ToEvent(meeting, sentBy, withAttendees: true));
        return Serialize(calendar);
    }

    /// <summary>One meeting to add to one's own calendar ("Add to my calendar").</summary>
    public static string Download(CalendarMeeting meeting)
    {
        var calendar = NewCalendar(Publish);
        calendar.Events.Add(ToEvent(meeting, null, withAttendees: false));
        return Serialize(calendar);
    }

    public static string Feed(IEnumerable<CalendarMeeting> meetings, string name)
    {
        var calendar = NewCalendar(Publish);
        calendar.AddProperty("X-WR-CALNAME", name);
        var refresh = new CalendarProperty("REFRESH-INTERVAL", new Duration(hours: (int)FeedRefresh.TotalHours));
        refresh.Parameters.Add("VALUE", "DURATION");
        calendar.AddProperty(refresh);
        calendar.AddProperty("X-PUBLISHED-TTL", $"PT{(int)FeedRefresh.TotalHours}H");
        foreach (var meeting in meetings) calendar.Events.Add(ToEvent(meeting, null, withAttendees: false));
        return Serialize(calendar);
    }

    public static string Uid(int meetingId) => $"meeting-{meetingId}@mentorhub";

    private static Calendar NewCalendar(string method)
    {
        var calendar = new Calendar { Method = method };
        calendar.ProductId = "-//MentorHub//Meetings//EN";
        return calendar;
    }

    private static CalendarEvent ToEvent(CalendarMeeting meeting, string? sentBy, bool withAttendees)
    {
        var entry = new CalendarEvent
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
        if (meeting.Organizer is { } organizer && !string.IsNullOrWhiteSpace(organizer.Email))
        {
            entry.Organizer = new Organizer(MailTo(organizer.Email)) { CommonName = organizer.Name };
            if (sentBy is not null && !string.Equals(sentBy, organizer.Email, StringComparison.OrdinalIgnoreCase))
                entry.Organizer.SentBy = new Uri(MailTo(sentBy));
        }
        if (withAttendees)
        {
            foreach (var person in meeting.Attendees.Where(a => !string.IsNullOrWhiteSpace(a.Email)))
            {
                var isOrganizer = string.Equals(person.Email, meeting.Organizer?.Email, StringComparison.OrdinalIgnoreCase);
                entry.Attendees.Add(new Attendee(MailTo(person.Email))
                {
                    CommonName = person.Name,
                    Role = "REQ-PARTICIPANT",
                    ParticipationStatus = isOrganizer ? "ACCEPTED" : "NEEDS-ACTION",
                    Rsvp = false,
                });
            }
        }
        return entry;
    }

    private static string MailTo(string email) => "mailto:" + email.Trim();

    private static string Serialize(Calendar calendar) => new CalendarSerializer().SerializeToString(calendar) ?? "";
}
