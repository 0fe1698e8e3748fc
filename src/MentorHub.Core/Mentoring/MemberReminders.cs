using MentorHub.Core.Data;
using MentorHub.Core.Domain;
using MentorHub.Core.Notifications;
using MentorHub.Core.Notifications.Templates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MentorHub.Core.Mentoring;

/// <summary>
/// Sends the one automatic reminder <see cref="Responsiveness"/> allows to each member of a running mentorship who has
/// been away for two weeks while a meeting waits to be logged or a check-in is due. The reminder's date is kept on the
/// member, so the pair is flagged if the silence goes on, and the mail commits with it.
/// </summary>
public sealed class MemberReminders(MentorHubDbContext db, NotificationOutbox outbox, TimeProvider clock, IOptions<NotificationOptions> options, ILogger<MemberReminders> logger)
{
    public async Task<int> RemindAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var running = db.Mentorships.Where(m => m.Status == MentorshipStatus.Active);
        var waiting = await WaitingWork.LoadAsync(db, running, now, DateOnly.FromDateTime(now), ct);
        var mentorshipIds = waiting.MeetingsByMentorship.Select(g => g.Key).ToList();
        var memberIds = waiting.CheckInsByMember.Select(g => g.Key).ToList();
        if (mentorshipIds.Count == 0 && memberIds.Count == 0) return 0;

        // Members with something waiting who can sign in (an unaccepted invitation has its own reminder and health rule).
        var members = await db.MentorshipMembers
            .Where(mm => mm.IsCurrent && mm.Mentorship!.Status == MentorshipStatus.Active && (mentorshipIds.Contains(mm.MentorshipId) || memberIds.Contains(mm.Id))
                && !(mm.User!.PasswordHash == null && mm.User.InvitedAtUtc != null) && mm.User.DisabledAtUtc == null)
            .Select(mm => new { Member = mm, mm.User!.LastSeenAtUtc, ProgramName = mm.Mentorship!.Cohort!.Program!.Name })
            .ToListAsync(ct);
        var due = members
            .Select(x => (x.Member, x.ProgramName, Activity: new MemberActivity(waiting.Since(x.Member.MentorshipId, x.Member.Id), x.LastSeenAtUtc, x.Member.RemindedAtUtc)))
            .Where(x => Responsiveness.Assess(x.Activity, now) is ResponsivenessState.ReminderDue)
            .ToList();
        if (due.Count == 0) return 0;

        var recipients = await Recipients.ByMentorshipAsync(db, due.Select(x => x.Member.MentorshipId).Distinct().ToList(), ct);
        var links = options.Value.Links;
        foreach (var (member, programName, activity) in due)
        {
            var people = recipients.GetValueOrDefault(member.MentorshipId) ?? [];
            if (people.FirstOrDefault(p => p.UserId == member.UserId) is not { } to) continue;
            var items = waiting.MeetingsByMentorship[member.MentorshipId]
                .Select(m => new EmailItem($"Log the meeting of {MailTime.Format(m.StartsAtUtc, to.TimeZoneId)}: was it held?", links.Meeting(m.MeetingId)))
                .Concat(waiting.CheckInsByMember[member.Id]
                    .Select(c => new EmailItem($"Your {c.Kind.ToString().ToLowerInvariant()} check-in, due {MailTime.Date(c.DueOn)}", links.CheckIn(c.AssessmentId))))
                .ToList();
            member.RecordReminder(now);
            await outbox.QueueAsync(ProgramEmails.WaitingOnYou(to, links, member.Id, activity.SilentSinceUtc!.Value, member.MentorshipId, programName,
                people.Where(p => p.UserId != to.UserId).Select(p => p.Name).ToList(), items));
        }
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Members not responding: {Count} reminded", due.Count);
        return due.Count;
    }
}
