namespace MentorHub.Core.Domain;

/// <summary>Something that happened to a person's career that a program wants to count: a certification, a promotion, leaving.</summary>
public class OutcomeEvent
{
    private OutcomeEvent() { }

    /// <param name="userId">The person's account, if they have one.</param>
    /// <param name="staffMemberId">The person on the staff roster, if they are on it. One of the two is required.</param>
    public OutcomeEvent(string? userId, int? staffMemberId, OutcomeKind kind, DateOnly occurredOn, string? note, int? programId, string? recordedByUserId, DateTime recordedAtUtc)
    {
        if (userId is null && staffMemberId is null) throw new DomainException("Say whose outcome this is.");
        if (note?.Trim().Length > 1000) throw new DomainException("Keep the note under 1,000 characters.");
        UserId = userId;
        StaffMemberId = staffMemberId;
        Kind = kind;
        OccurredOn = occurredOn;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        ProgramId = programId;
        RecordedByUserId = recordedByUserId;
        RecordedAtUtc = recordedAtUtc;
    }

    public long Id { get; private set; }
    public string? UserId { get; private set; }
    public int? StaffMemberId { get; private set; }
    public OutcomeKind Kind { get; private set; }
    public DateOnly OccurredOn { get; private set; }
    public string? Note { get; private set; }

    /// <summary>The program the event is credited to, where there is one.</summary>
    public int? ProgramId { get; private set; }
    public string? RecordedByUserId { get; private set; }
    public DateTime RecordedAtUtc { get; private set; }
}
