using MentorHub.Core.Data;
using MentorHub.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Core.Mentoring;

/// <summary>
/// Withdraws a participant with a date and a reason. The enrollment is kept (retention counts who left, when and why);
/// a mentorship left with fewer than two active members ends with "member withdrew", and their open requests for a
/// mentor (or mentees' requests to them) end with it. The caller saves.
/// </summary>
public sealed class ParticipantWithdrawal(MentorHubDbContext db, TimeProvider clock)
{
    public async Task WithdrawAsync(Enrollment enrollment, string name, DateOnly on, string reason, CancellationToken ct)
    {
        enrollment.Withdraw(on, reason);
        var mentorships = await db.Mentorships.Include(m => m.Members).ThenInclude(mm => mm.Enrollment)
            .Where(m => m.Status != MentorshipStatus.Closed && m.Members.Any(mm => mm.EnrollmentId == enrollment.Id)).ToListAsync(ct);
        foreach (var mentorship in mentorships)
        {
            // A group that keeps its mentor and another member goes on without them; anything smaller ends.
            var member = mentorship.Members.Single(mm => mm.EnrollmentId == enrollment.Id);
            if (mentorship.IsRunning && member.IsCurrent && mentorship.CanGoOnWithout(member)) mentorship.RemoveMember(enrollment.Id, on);
            else mentorship.End(mentorship.NotBeforeStart(on), MentorshipEndReason.MemberWithdrew, $"{name} withdrew: {reason.Trim()}");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var requests = await db.MentorRequests.Where(r => (r.MenteeEnrollmentId == enrollment.Id || r.MentorEnrollmentId == enrollment.Id)
            && (r.Status == MentorRequestStatus.Pending || r.Status == MentorRequestStatus.Accepted)).ToListAsync(ct);
        foreach (var request in requests.Where(r => r.IsOpen(now))) request.Cancel(now, $"{name} left the cohort.");
        db.Audit(enrollment, "Withdrawn", reason.Trim());
    }
}
