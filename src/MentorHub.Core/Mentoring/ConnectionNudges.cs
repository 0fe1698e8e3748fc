using MentorHub.Core.Data;
using MentorHub.Core.Domain;
using MentorHub.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MentorHub.Core.Mentoring;

/// <summary>What a nudge did: pairs told, and pairs left alone because they were nudged within the week.</summary>
public sealed record NudgeResult(int Nudged, int NudgedRecently);

/// <summary>
/// A coordinator nudges one or more pairs: each member gets a mail through the outbox saying what the coordinator
/// noticed. A pair is nudged at most once a week; the mail and the nudge's date commit with the caller's save.
/// </summary>
public sealed class ConnectionNudges(MentorHubDbContext db, NotificationOutbox outbox, IOptions<NotificationOptions> options)
{
    /// <param name="reasons">What the coordinator's list says about each pair, by mentorship id.</param>
    public async Task<NudgeResult> NudgeAsync(IReadOnlyDictionary<int, IReadOnlyList<string>> reasons, string coordinatorName, DateTime nowUtc, DateOnly today, CancellationToken ct)
    {
        var ids = reasons.Keys.ToList();
        var mentorships = await db.Mentorships.Where(m => ids.Contains(m.Id) && (m.Status == MentorshipStatus.Active || m.Status == MentorshipStatus.Paused))
            .Select(m => new { Mentorship = m, ProgramName = m.Cohort!.Program!.Name }).ToListAsync(ct);
        var members = await Recipients.ByMentorshipAsync(db, ids, ct);
        var (nudged, recent) = (0, 0);
        foreach (var (mentorship, programName) in mentorships.Select(x => (x.Mentorship, x.ProgramName)))
        {
            if (mentorship.NextNudgeAllowedAtUtc is { } next && nowUtc < next)
            {
                recent++;
                continue;
            }
            mentorship.RecordNudge(nowUtc);
            var people = members.GetValueOrDefault(mentorship.Id) ?? [];
            foreach (var to in people)
                await outbox.QueueAsync(ProgramEmails.CoordinatorNudge(to, options.Value.Links, mentorship.Id, programName, coordinatorName,
                    people.Where(p => p.UserId != to.UserId).Select(p => p.Name).ToList(), reasons[mentorship.Id], today));
            db.Audit(mentorship, "MentorshipNudged", string.Join("; ", reasons[mentorship.Id]));
            nudged++;
        }
        return new NudgeResult(nudged, recent);
    }
}
