using MentorHub.Core.Data;
using MentorHub.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Core.Mentoring;

/// <summary>
/// Withdraws a participant with a date and a reason. The enrollment is kept (retention counts who left, when and why);
/// a mentorship left with fewer than two active members ends with "member withdrew". The caller saves.
/// </summary>
public sealed class ParticipantWithdrawal(MentorHubDbContext db)
{
    public async Task WithdrawAsync(Enrollment enrollment, string name, DateOnly on, string reason, CancellationToken ct)
    {
        enrollment.Withdraw(on, reason);
        var mentorships = await db.Mentorships.Include(m => m.Members).ThenInclude(mm => mm.Enrollment)
            .Where(m => m.Status != MentorshipStatus.Closed && m.Members.Any(mm => mm.EnrollmentId == enrollment.Id)).ToListAsync(ct);
        foreach (var mentorship in mentorships.Where(m => m.Members.Count(mm => mm.EnrollmentId != enrollment.Id && mm.Enrollment!.IsActive) < 2))
            mentorship.End(Max(on, mentorship.StartedOn), MentorshipEndReason.MemberWithdrew, $"{name} withdrew: {reason.Trim()}");
        db.Audit(enrollment, "Withdrawn", reason.Trim());
    }

    private static DateOnly Max(DateOnly on, DateOnly? startedOn) => startedOn is { } started && started > on ? started : on;
}
