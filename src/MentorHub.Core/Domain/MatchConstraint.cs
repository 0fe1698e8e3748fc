namespace MentorHub.Core.Domain;

public enum MatchConstraintKind { Pin, Forbid }

/// <summary>
/// A coordinator's decision about one possible pair in a cohort's matching: always make it (pin) or never (forbid).
/// For peers the two enrollments are simply the two people.
/// </summary>
public class MatchConstraint
{
    private MatchConstraint() { }

    public MatchConstraint(int cohortId, int menteeEnrollmentId, int mentorEnrollmentId, MatchConstraintKind kind, string createdByUserId, DateTime createdAtUtc)
    {
        if (menteeEnrollmentId == mentorEnrollmentId) throw new DomainException("A person cannot be paired with themselves.");
        CohortId = cohortId;
        MenteeEnrollmentId = menteeEnrollmentId;
        MentorEnrollmentId = mentorEnrollmentId;
        Kind = kind;
        CreatedByUserId = createdByUserId;
        CreatedAtUtc = createdAtUtc;
    }

    public int Id { get; private set; }
    public int CohortId { get; private set; }
    public int MenteeEnrollmentId { get; private set; }
    public int MentorEnrollmentId { get; private set; }
    public MatchConstraintKind Kind { get; private set; }
    public string CreatedByUserId { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }
}
