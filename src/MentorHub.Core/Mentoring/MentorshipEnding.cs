using MentorHub.Core.Data;
using MentorHub.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Core.Mentoring;

/// <summary>
/// Ends one mentorship early with a reason. Its history stays; while the cohort runs its members go back to the
/// matching pool, and a pair that was not a good fit is never proposed again.
/// </summary>
public sealed class MentorshipEnding(MentorHubDbContext db)
{
    public async Task EndAsync(Mentorship mentorship, DateOnly on, MentorshipEndReason reason, string? note, string byUserId, DateTime nowUtc, CancellationToken ct)
    {
        if (reason is MentorshipEndReason.CohortCompleted) throw new DomainException("Complete the cohort to end all its mentorships at once.");
        if (reason is MentorshipEndReason.MemberWithdrew) throw new DomainException("Withdraw the participant from the cohort instead: that ends their mentorships too.");
        mentorship.End(on, reason, note);
        if (reason is MentorshipEndReason.NotAGoodFit)
        {
            var peers = mentorship.Members.Where(m => m.Role is MemberRole.Peer).Select(m => m.EnrollmentId).ToList();
            var mentors = mentorship.Members.Where(m => m.Role is MemberRole.Mentor).Select(m => m.EnrollmentId).ToList();
            var pairs = mentorship.Members.Where(m => m.Role is MemberRole.Mentee).SelectMany(mentee => mentors.Select(mentor => (Mentee: mentee.EnrollmentId, Mentor: mentor)))
                .Concat(peers.SelectMany(a => peers.Where(b => a < b).Select(b => (Mentee: a, Mentor: b))))
                .ToList();
            var existing = await db.MatchConstraints.Where(c => c.CohortId == mentorship.CohortId && c.Kind == MatchConstraintKind.Forbid)
                .Select(c => new { c.MenteeEnrollmentId, c.MentorEnrollmentId }).ToListAsync(ct);
            foreach (var (mentee, mentor) in pairs.Where(p => !existing.Any(e => e.MenteeEnrollmentId == p.Mentee && e.MentorEnrollmentId == p.Mentor)))
                db.MatchConstraints.Add(new MatchConstraint(mentorship.CohortId, mentee, mentor, MatchConstraintKind.Forbid, byUserId, nowUtc));
        }
        db.Audit(mentorship, "MentorshipEnded", string.IsNullOrWhiteSpace(note) ? reason.ToString() : $"{reason}: {note.Trim()}");
    }
}
