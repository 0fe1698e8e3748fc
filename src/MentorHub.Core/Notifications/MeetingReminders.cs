using MentorHub.Core.Data;
using MentorHub.Core.Domain;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MentorHub.Core.Notifications;

/// <summary>
/// Queues reminders for scheduled meetings that start within a lead time: one per attendee and lead time, in the
/// attendee's zone, with the invite attached. A meeting inside several lead times gets only the shortest one's reminder
/// (nobody needs "tomorrow" and "in an hour" at once). The dedupe key carries the meeting's SEQUENCE, so a reschedule
/// re-arms the reminders; cancelled meetings are not scheduled and get none.
/// </summary>
public sealed class MeetingReminders(MentorHubDbContext db, NotificationOutbox outbox, TimeProvider clock, IOptions<NotificationOptions> options, IOptions<MailOptions> mail, ILogger<MeetingReminders> logger)
{
    /// <returns>How many reminders this run wrote to the outbox.</returns>
    public async Task<int> QueueDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var leads = settings.LeadTimes();
        var links = settings.Links;
        var now = clock.GetUtcNow().UtcDateTime;
        var horizon = now + leads[^1];
        var meetings = await MeetingFacts.LoadAsync(db,
            db.Meetings.Where(m => m.Status == MeetingStatus.Scheduled && m.StartsAtUtc > now && m.StartsAtUtc <= horizon), cancellationToken, mail.Value.FromAddress);

        var reminders = new List<OutgoingEmail>();
        foreach (var meeting in meetings)
        {
            var lead = leads.First(l => meeting.StartsAtUtc <= now + l);
            reminders.AddRange(meeting.Attendees.Select(to => MeetingEmails.Reminder(meeting, to, lead, links)));
        }
        var written = reminders.Count == 0 ? 0 : await outbox.QueueNewAndSaveAsync(reminders, cancellationToken);
        logger.LogInformation("Meeting reminders: {Meetings} meetings due, {Written} reminders queued", meetings.Count, written);
        return written;
    }
}
