using MentorHub.Core.Data;
using MentorHub.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Core.Mentoring;

/// <summary>What completing a cohort did, for the coordinator's message.</summary>
public sealed record CohortCompleted(int MentorshipsEnded, int ParticipantsCompleted, int ApplicationsDeclined, int ExitCheckInsOpen);

/// <summary>
/// Completes a cohort: its running mentorships end with "cohort completed", its active participants finish it
/// (Completed, not Withdrawn, so retention figures do not count them as leavers), applications still waiting are
/// declined, mentees' open requests for a mentor end, and everyone who develops in a mentorship has an exit check-in open from that day.
/// </summary>
public sealed class CohortCompletion(MentorHubDbContext db, TimeProvider clock)
{
    /// <param name="expectedVersion">The cohort as the coordinator saw it; a change since then is a conflict.</param>
    public async Task<CohortCompleted> CompleteAsync(int cohortId, Guid expectedVersion, DateOnly on, CancellationToken ct)
    {
        var cohort = await db.Cohorts.SingleAsync(c => c.Id == cohortId, ct);
        db.Entry(cohort).Property(c => c.Version).OriginalValue = expectedVersion;
        cohort.MarkCompleted(on);

        var running = await db.Mentorships.Include(m => m.Members)
            .Where(m => m.CohortId == cohortId && (m.Status == MentorshipStatus.Active || m.Status == MentorshipStatus.Paused || m.Status == MentorshipStatus.Proposed))
            .ToListAsync(ct);
        foreach (var mentorship in running) mentorship.End(mentorship.NotBeforeStart(on), MentorshipEndReason.CohortCompleted, null);

        var enrollments = await db.Enrollments.Where(e => e.CohortId == cohortId && (e.Status == EnrollmentStatus.Active || e.Status == EnrollmentStatus.Applied)).ToListAsync(ct);
        foreach (var enrollment in enrollments.Where(e => e.Status is EnrollmentStatus.Active)) enrollment.Complete(on);
        foreach (var application in enrollments.Where(e => e.Status is EnrollmentStatus.Applied)) application.Decline();
        // Mentees' requests still open end with the cohort; one already past its date expires as it would have.
        var now = clock.GetUtcNow().UtcDateTime;
        var requests = await db.MentorRequests.Where(r => r.CohortId == cohortId && (r.Status == MentorRequestStatus.Pending || r.Status == MentorRequestStatus.Accepted)).ToListAsync(ct);
        foreach (var request in requests)
        {
            if (request.IsOpen(now)) request.Cancel(now, "The cohort was completed.");
            else request.Expire(now);
        }

        // Everyone who develops in a mentorship that ran in this cohort: their exit check-in opens now.
        var completing = enrollments.Where(e => e.Status is EnrollmentStatus.Completed).Select(e => e.Id).ToList();
        var members = await db.MentorshipMembers.Where(m => m.Mentorship!.CohortId == cohortId && m.Role != MemberRole.Mentor && completing.Contains(m.EnrollmentId))
            .Select(m => m.Id).ToListAsync(ct);
        var exits = await db.Assessments.Where(a => a.Kind == AssessmentKind.Exit && members.Contains(a.MentorshipMemberId)).ToListAsync(ct);
        foreach (var exit in exits) exit.OpenBy(on);
        foreach (var memberId in members.Except(exits.Select(a => a.MentorshipMemberId)))
            db.Assessments.Add(new Assessment(memberId, AssessmentKind.Exit, on));

        var completed = new CohortCompleted(running.Count, enrollments.Count(e => e.Status is EnrollmentStatus.Completed),
            enrollments.Count(e => e.Status is EnrollmentStatus.Declined), exits.Count(e => e.IsPending) + members.Except(exits.Select(a => a.MentorshipMemberId)).Count());
        db.Audit(cohort, "CohortCompleted", $"{completed.MentorshipsEnded} mentorships ended, {completed.ParticipantsCompleted} participants completed");
        await db.SaveChangesAsync(ct);
        return completed;
    }
}
