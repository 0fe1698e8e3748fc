using MentorHub.Core.Data;
using MentorHub.Core.Domain;
using MentorHub.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MentorHub.Core.Mentoring;

/// <summary>Where a moved member went: another group (its id and members) or, with no group, back to the matching pool.</summary>
public sealed record GroupMoveResult(string PersonName, int? ToMentorshipId, string? ToNames);

/// <summary>
/// A coordinator moves one member out of a running group: into another running group of the same cohort, or back to
/// the matching pool. The group goes on with the others; the person keeps their history in it (read-only to them).
/// </summary>
public sealed class GroupMoves(MentorHubDbContext db, NotificationOutbox outbox, IOptions<NotificationOptions> options)
{
    /// <param name="version">The group's version the coordinator saw: a change since is a conflict, not an overwrite.</param>
    public async Task<GroupMoveResult> MoveAsync(int mentorshipId, Guid version, int enrollmentId, int? toMentorshipId, DateOnly on, CancellationToken ct)
    {
        GroupMoveResult? result = null;
        // Two saves in one transaction: the person leaves the old group before joining the new one, so the index that
        // allows one running mentorship per mentee sees them in one group at a time.
        await db.InTransactionAsync(async ct =>
        {
            var from = await db.Mentorships.Include(m => m.Members).ThenInclude(mm => mm.Enrollment).ThenInclude(e => e!.User)
                .SingleAsync(m => m.Id == mentorshipId, ct);
            db.Entry(from).Property(m => m.Version).OriginalValue = version;
            var member = from.RemoveMember(enrollmentId, on);
            var person = member.Enrollment!.User!;
            if (toMentorshipId is null)
            {
                db.Audit(from, "MemberMovedOut", $"{person.DisplayName} back to the matching pool");
                await db.SaveChangesAsync(ct);
                result = new GroupMoveResult(person.DisplayName, null, null);
                return;
            }

            var to = await db.Mentorships.Include(m => m.Members).ThenInclude(mm => mm.User)
                .Where(m => m.Id == toMentorshipId && m.Id != mentorshipId && m.CohortId == from.CohortId && m.Status == MentorshipStatus.Active)
                .Select(m => new { Mentorship = m, ProgramName = m.Cohort!.Program!.Name, m.Cohort.EndsOn })
                .SingleOrDefaultAsync(ct) ?? throw new DomainException("Choose a running group of the same cohort.");
            db.Audit(from, "MemberMovedOut", $"{person.DisplayName} to mentorship {to.Mentorship.Id}");
            await db.SaveChangesAsync(ct);

            to.Mentorship.AddMember(member.Enrollment, member.Role, on);
            db.Audit(to.Mentorship, "MemberMovedIn", $"{person.DisplayName} from mentorship {from.Id}");
            await db.SaveChangesAsync(ct);
            var joined = to.Mentorship.Members.Single(m => m.EnrollmentId == enrollmentId && m.IsCurrent);
            // Their check-ins go on in the new group: the exit check-in at the cohort's end.
            db.Assessments.Add(new Assessment(joined.Id, AssessmentKind.Exit, to.EndsOn > on ? to.EndsOn : on.AddDays(14)));
            var partners = to.Mentorship.Members.Where(m => m.IsCurrent && m.EnrollmentId != enrollmentId).OrderBy(m => m.Role).Select(m => m.User!.DisplayName).ToList();
            // Someone who has not accepted their invitation hears of it when they do (as with any match).
            if (!person.HasPendingInvitation)
                await outbox.QueueAsync(ProgramEmails.Matched(Recipient.Of(person), options.Value.Links, to.Mentorship.Id, to.ProgramName, partners));
            await db.SaveChangesAsync(ct);
            result = new GroupMoveResult(person.DisplayName, to.Mentorship.Id, string.Join(" & ", partners));
        }, ct);
        return result!;
    }
}
