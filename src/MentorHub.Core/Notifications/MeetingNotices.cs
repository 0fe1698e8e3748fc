using MentorHub.Core.Data;
using MentorHub.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MentorHub.Core.Notifications;

/// <summary>Tells a meeting's members that it was scheduled, moved or cancelled, with a calendar invite or cancel notice.</summary>
public sealed class MeetingNotices(MentorHubDbContext db, NotificationOutbox outbox, IOptions<MailOptions> mail)
{
    /// <summary>Queues the notice for the meeting's saved state; the caller saves it in the same transaction.</summary>
    /// <param name="before">For a change, the meeting as it was: the update says what changed.</param>
    public async Task QueueAsync(int meetingId, SiteLinks links, CancellationToken cancellationToken, MeetingBefore? before = null)
    {
        var meeting = (await MeetingFacts.LoadAsync(db, db.Meetings.Where(m => m.Id == meetingId), cancellationToken, mail.Value.FromAddress)).Single();
        if (meeting.Status is not (MeetingStatus.Scheduled or MeetingStatus.Cancelled)) return;
        await outbox.QueueAsync(meeting.Attendees
            .Select(to => meeting.Status is MeetingStatus.Cancelled ? MeetingEmails.Cancelled(meeting, to, links) : MeetingEmails.Invite(meeting, to, links, before))
            .ToList());
    }
}
