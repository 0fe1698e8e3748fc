using System.Globalization;
using System.Text;
using MentorHub.Core.Data;
using MentorHub.Core.Domain;
using MentorHub.Core.Notifications.Templates;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Core.Notifications;

/// <summary>A meeting as mail describes it, with the people it goes to.</summary>
public sealed record MeetingFacts(
    int Id, DateTime StartsAtUtc, int DurationMinutes, Modality Modality, string? Location, string? VideoUrl, string? Agenda,
    int Sequence, MeetingStatus Status, string? CancellationReason, string ProgramName, IReadOnlyList<Recipient> Attendees)
{
    public string Title => "Mentoring: " + string.Join(" & ", Attendees.Select(a => a.Name));

    /// <summary>Who scheduled the meeting: the calendar entry's organiser.</summary>
    public CalendarPerson? Organizer { get; init; }

    /// <summary>The address MentorHub sends from, written as the organiser's SENT-BY.</summary>
    public string? SentBy { get; init; }

    public CalendarMeeting ToCalendar() => new(Id, StartsAtUtc, DurationMinutes, Title, Agenda, Location, VideoUrl, Sequence, Status is MeetingStatus.Cancelled)
    {
        Organizer = Organizer,
        Attendees = Attendees.Select(a => new CalendarPerson(a.Name, a.Email)).ToList(),
    };

    public string Others(Recipient reader)
    {
        var others = Attendees.Where(a => a.UserId != reader.UserId).Select(a => a.Name).ToList();
        return others.Count == 0 ? "your mentorship" : string.Join(" and ", others);
    }

    /// <summary>The meetings with their organisers and active members, in two queries.</summary>
    /// <param name="sentBy">MentorHub's From address, for the calendar entries' SENT-BY.</param>
    public static async Task<List<MeetingFacts>> LoadAsync(MentorHubDbContext db, IQueryable<Meeting> meetings, CancellationToken cancellationToken, string? sentBy = null)
    {
        var rows = await meetings.AsNoTracking().Select(m => new
        {
            m.Id,
            m.MentorshipId,
            m.StartsAtUtc,
            m.DurationMinutes,
            m.Modality,
            m.Location,
            m.VideoUrl,
            m.Agenda,
            m.Sequence,
            m.Status,
            m.CancellationReason,
            ProgramName = m.Mentorship!.Cohort!.Program!.Name,
            Organizer = db.Users.Where(u => u.Id == m.CreatedByUserId).Select(u => new CalendarPerson(u.DisplayName, u.Email ?? "")).FirstOrDefault(),
        }).ToListAsync(cancellationToken);
        var members = await Recipients.ByMentorshipAsync(db, rows.Select(r => r.MentorshipId).Distinct().ToList(), cancellationToken);
        return rows.Select(r => new MeetingFacts(r.Id, r.StartsAtUtc, r.DurationMinutes, r.Modality, r.Location, r.VideoUrl, r.Agenda, r.Sequence, r.Status,
            r.CancellationReason, r.ProgramName, members.TryGetValue(r.MentorshipId, out var people) ? people : [])
        { Organizer = r.Organizer, SentBy = sentBy }).ToList();
    }
}

/// <summary>Meeting mail: the invite when a meeting is scheduled or moved, the cancel notice, and the reminders before it.</summary>
/// <summary>A meeting's time and place before a change, so the update can say what moved.</summary>
public sealed record MeetingBefore(DateTime StartsAtUtc, int DurationMinutes, Modality Modality, string? Location, string? VideoUrl);

public static class MeetingEmails
{
    /// <param name="before">The meeting as it was, for an update: the mail lists each change as old → new.</param>
    public static OutgoingEmail Invite(MeetingFacts meeting, Recipient to, SiteLinks links, MeetingBefore? before = null)
    {
        var moved = meeting.Sequence > 0;
        var when = MailTime.Format(meeting.StartsAtUtc, to.TimeZoneId);
        var changes = before is null ? [] : Changes(before, meeting, to);
        return new OutgoingEmail(NotificationKind.MeetingInvite, Key($"meeting-invite:meeting:{meeting.Id}:seq:{meeting.Sequence}:user:{to.UserId}"), to,
            new EmailContent(moved ? $"Meeting updated: {Short(meeting, to)}" : $"Meeting scheduled: {Short(meeting, to)}", to.Greeting,
            [
                new EmailParagraph(moved
                    ? $"Your meeting with {meeting.Others(to)} has changed. The new details are below; the attached invite updates your calendar."
                    : $"A meeting with {meeting.Others(to)} is scheduled for {when}. The attached invite adds it to your calendar."),
                .. changes.Count == 0 ? Array.Empty<EmailBlock>() : [new EmailSection("What changed", changes)],
                Details(meeting, to),
                new EmailButton("Open the meeting", links.Meeting(meeting.Id)),
            ])
            { PreferencesLink = links.Preferences })
        { Attachments = [Ics(meeting)] };
    }

    public static OutgoingEmail Cancelled(MeetingFacts meeting, Recipient to, SiteLinks links) =>
        new(NotificationKind.MeetingCancelled, Key($"meeting-cancelled:meeting:{meeting.Id}:user:{to.UserId}"), to,
            new EmailContent($"Meeting cancelled: {Short(meeting, to)}", to.Greeting,
            [
                new EmailParagraph($"Your meeting with {meeting.Others(to)} on {MailTime.Format(meeting.StartsAtUtc, to.TimeZoneId)} is cancelled."
                    + (meeting.CancellationReason is null ? "" : $" Reason: {meeting.CancellationReason}")),
                new EmailParagraph("The attached notice removes it from your calendar."),
                new EmailButton("Open the meeting", links.Meeting(meeting.Id)),
            ])
            { PreferencesLink = links.Preferences })
        { Attachments = [Ics(meeting)] };

    public static OutgoingEmail Reminder(MeetingFacts meeting, Recipient to, TimeSpan lead, SiteLinks links) =>
        new(NotificationKind.MeetingReminder, Key($"reminder:{LeadLabel(lead)}:meeting:{meeting.Id}:seq:{meeting.Sequence}:user:{to.UserId}"), to,
            new EmailContent($"Reminder: meeting with {meeting.Others(to)}, {Short(meeting, to)}", to.Greeting,
            [
                new EmailParagraph($"A reminder that you meet {meeting.Others(to)} on {MailTime.Format(meeting.StartsAtUtc, to.TimeZoneId)}."),
                Details(meeting, to),
                new EmailButton("Open the meeting", links.Meeting(meeting.Id)),
            ])
            { PreferencesLink = links.Preferences })
        { Attachments = [Ics(meeting)] };

    /// <summary>"24h", "1h", "90m": the lead time as it appears in dedupe keys.</summary>
    public static string LeadLabel(TimeSpan lead) => lead.TotalMinutes % 60 == 0
        ? ((int)lead.TotalHours).ToString(CultureInfo.InvariantCulture) + "h"
        : ((int)lead.TotalMinutes).ToString(CultureInfo.InvariantCulture) + "m";

    /// <summary>Each changed fact as "old → new", times in the reader's zone; the agenda is in the details.</summary>
    private static List<EmailItem> Changes(MeetingBefore before, MeetingFacts after, Recipient to)
    {
        var changes = new List<EmailItem>();
        void Add(string label, string? old, string? now)
        {
            if (!string.Equals(old ?? "", now ?? "", StringComparison.Ordinal)) changes.Add(new EmailItem($"{label}: {Or(old)} → {Or(now)}"));
        }
        Add("When", MailTime.Format(before.StartsAtUtc, to.TimeZoneId), MailTime.Format(after.StartsAtUtc, to.TimeZoneId));
        Add("Length", $"{before.DurationMinutes} minutes", $"{after.DurationMinutes} minutes");
        Add("How", How(before.Modality), How(after.Modality));
        Add("Where", before.Location, after.Location);
        Add("Video link", before.VideoUrl, after.VideoUrl);
        return changes;

        static string Or(string? value) => string.IsNullOrWhiteSpace(value) ? "(none)" : value;
    }

    private static string How(Modality modality) => modality switch { Modality.InPerson => "In person", Modality.Virtual => "Online", _ => "Hybrid (in person and online)" };

    private static EmailFacts Details(MeetingFacts meeting, Recipient to)
    {
        var facts = new List<EmailFact>
        {
            new("When", MailTime.Format(meeting.StartsAtUtc, to.TimeZoneId)),
            new("Length", $"{meeting.DurationMinutes} minutes"),
            new("How", How(meeting.Modality)),
        };
        if (!string.IsNullOrWhiteSpace(meeting.Location)) facts.Add(new("Where", meeting.Location));
        if (!string.IsNullOrWhiteSpace(meeting.VideoUrl)) facts.Add(new("Video link", meeting.VideoUrl));
        else if (meeting.Modality is not Modality.InPerson) facts.Add(new("Video link", "to follow: it will be on the meeting's page"));
        facts.Add(new("Program", meeting.ProgramName));
        if (!string.IsNullOrWhiteSpace(meeting.Agenda)) facts.Add(new("Agenda", meeting.Agenda));
        return new EmailFacts(facts);
    }

    private static string Short(MeetingFacts meeting, Recipient to) =>
        MailTime.ToLocal(meeting.StartsAtUtc, to.TimeZoneId).ToString("ddd d MMM, HH:mm", CultureInfo.InvariantCulture);

    private static EmailAttachment Ics(MeetingFacts meeting)
    {
        var calendar = meeting.ToCalendar();
        return new($"meeting-{meeting.Id}.ics", MeetingCalendar.ContentType(MeetingCalendar.MethodOf(calendar)),
            Encoding.UTF8.GetBytes(MeetingCalendar.Invite(calendar, meeting.SentBy)));
    }

    private static string Key(FormattableString key) => key.ToString(CultureInfo.InvariantCulture);
}
