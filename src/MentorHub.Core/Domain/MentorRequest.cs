namespace MentorHub.Core.Domain;

/// <summary>How a cohort's mentees are matched: by the coordinator, by the coordinator with mentees' ranked choices, or by mentees requesting a mentor.</summary>
public enum MenteeChoiceMode
{
    /// <summary>The coordinator proposes and accepts matches on the matching page.</summary>
    None,

    /// <summary>Mentees rank mentors from their shortlist; the coordinator's matching weighs those choices.</summary>
    Rank,

    /// <summary>Mentees request a mentor from their shortlist; the mentor accepts or declines, and the coordinator approves.</summary>
    Request,
}

public enum MentorRequestStatus
{
    /// <summary>Waiting for the mentor's answer until it expires.</summary>
    Pending,

    /// <summary>The mentor said yes; waiting for the coordinator's approval.</summary>
    Accepted,
    Declined,

    /// <summary>The mentor did not answer in time; the mentee is back in the pool.</summary>
    Expired,

    /// <summary>The mentee took the request back.</summary>
    Withdrawn,

    /// <summary>The coordinator approved it and the mentorship was made.</summary>
    Approved,

    /// <summary>The coordinator did not approve it; the mentee is back in the pool.</summary>
    Returned,

    /// <summary>Ended because the mentee or the mentor left the cohort, or the cohort was completed.</summary>
    Cancelled,
}

/// <summary>
/// A mentee's request for a mentor in a cohort where mentees choose. While it is pending or accepted it holds one of
/// the mentor's places and the mentee asks no one else; a decline, expiry, withdrawal or return ends it, and the mentee
/// chooses again (not the same mentor).
/// </summary>
public class MentorRequest : IVersioned
{
    private MentorRequest() { }

    public const int MaxNoteLength = 500;

    public MentorRequest(int cohortId, int menteeEnrollmentId, int mentorEnrollmentId, string? note, DateTime nowUtc, int days)
    {
        if (menteeEnrollmentId == mentorEnrollmentId) throw new DomainException("A person cannot be their own mentor.");
        if (days < 1) throw new DomainException("A request must stay open at least a day.");
        CohortId = cohortId;
        MenteeEnrollmentId = menteeEnrollmentId;
        MentorEnrollmentId = mentorEnrollmentId;
        Note = Clean(note);
        CreatedAtUtc = nowUtc;
        ExpiresAtUtc = nowUtc.AddDays(days);
    }

    public int Id { get; private set; }
    public int CohortId { get; private set; }
    public int MenteeEnrollmentId { get; private set; }
    public Enrollment? Mentee { get; private set; }
    public int MentorEnrollmentId { get; private set; }
    public Enrollment? Mentor { get; private set; }
    public MentorRequestStatus Status { get; private set; }

    /// <summary>What the mentee wrote to the mentor with the request.</summary>
    public string? Note { get; private set; }

    /// <summary>The mentor's reason for declining, or the coordinator's for returning the request.</summary>
    public string? Reply { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime ExpiresAtUtc { get; private set; }

    /// <summary>When the request left <see cref="MentorRequestStatus.Pending"/> (answered, expired or withdrawn).</summary>
    public DateTime? AnsweredAtUtc { get; private set; }

    /// <summary>When the coordinator approved or returned it.</summary>
    public DateTime? DecidedAtUtc { get; private set; }
    public int? MentorshipId { get; private set; }
    public Guid Version { get; set; }

    /// <summary>Whether the request still holds the mentor's place and the mentee: pending and not yet due, or accepted.</summary>
    public bool IsOpen(DateTime nowUtc) => IsOpen(Status, ExpiresAtUtc, nowUtc);

    public static bool IsOpen(MentorRequestStatus status, DateTime expiresAtUtc, DateTime nowUtc) =>
        (status is MentorRequestStatus.Pending && nowUtc < expiresAtUtc) || status is MentorRequestStatus.Accepted;

    /// <summary>Whether the mentee is not shown this mentor again: the mentor declined or did not answer in time, or the coordinator said no.</summary>
    public static bool RulesOutMentor(MentorRequestStatus status, DateTime expiresAtUtc, DateTime nowUtc) =>
        status is MentorRequestStatus.Declined or MentorRequestStatus.Expired or MentorRequestStatus.Returned
        || (status is MentorRequestStatus.Pending && nowUtc >= expiresAtUtc);

    public void Accept(DateTime nowUtc)
    {
        EnsurePending(nowUtc);
        Status = MentorRequestStatus.Accepted;
        AnsweredAtUtc = nowUtc;
    }

    public void Decline(DateTime nowUtc, string? reason)
    {
        EnsurePending(nowUtc);
        Status = MentorRequestStatus.Declined;
        Reply = Clean(reason);
        AnsweredAtUtc = nowUtc;
    }

    public void Withdraw(DateTime nowUtc)
    {
        if (!IsOpen(nowUtc)) throw new DomainException("This request is no longer open.");
        Status = MentorRequestStatus.Withdrawn;
        AnsweredAtUtc ??= nowUtc;
    }

    /// <summary>The mentor did not answer by <see cref="ExpiresAtUtc"/>.</summary>
    public void Expire(DateTime nowUtc)
    {
        if (Status is not MentorRequestStatus.Pending || nowUtc < ExpiresAtUtc) throw new DomainException("Only a pending request past its date expires.");
        Status = MentorRequestStatus.Expired;
        AnsweredAtUtc = ExpiresAtUtc;
    }

    /// <summary>An open request ends because someone left the cohort or it was completed; <paramref name="reason"/> says which.</summary>
    public void Cancel(DateTime nowUtc, string reason)
    {
        if (!IsOpen(nowUtc)) throw new DomainException("This request is no longer open.");
        Status = MentorRequestStatus.Cancelled;
        Reply = Clean(reason);
        AnsweredAtUtc ??= nowUtc;
    }

    public void Approve(DateTime nowUtc, int mentorshipId)
    {
        EnsureAccepted();
        Status = MentorRequestStatus.Approved;
        DecidedAtUtc = nowUtc;
        MentorshipId = mentorshipId;
    }

    public void Return(DateTime nowUtc, string? reason)
    {
        EnsureAccepted();
        Status = MentorRequestStatus.Returned;
        Reply = Clean(reason);
        DecidedAtUtc = nowUtc;
    }

    private void EnsurePending(DateTime nowUtc)
    {
        if (Status is MentorRequestStatus.Pending && nowUtc >= ExpiresAtUtc) throw new DomainException("This request has expired: it was not answered in time.");
        if (Status is not MentorRequestStatus.Pending) throw new DomainException("This request has already been answered.");
    }

    private void EnsureAccepted()
    {
        if (Status is not MentorRequestStatus.Accepted) throw new DomainException("Only a request the mentor accepted can be approved or returned.");
    }

    private static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var trimmed = text.Trim();
        if (trimmed.Length > MaxNoteLength) throw new DomainException($"Keep the message to {MaxNoteLength} characters.");
        return trimmed;
    }
}
