namespace MentorHub.Core.Domain;

/// <summary>Something that happened to a person's career that a program wants to count: a certification, a promotion, leaving.</summary>
public class OutcomeEvent
{
    private OutcomeEvent() { }

    public OutcomeEvent(string userId, OutcomeKind kind, DateOnly occurredOn, string? note, int? programId, string? recordedByUserId, DateTime recordedAtUtc)
    {
        UserId = userId;
        Kind = kind;
        OccurredOn = occurredOn;
        Note = note;
        ProgramId = programId;
        RecordedByUserId = recordedByUserId;
        RecordedAtUtc = recordedAtUtc;
    }

    public long Id { get; private set; }
    public string UserId { get; private set; } = "";
    public OutcomeKind Kind { get; private set; }
    public DateOnly OccurredOn { get; private set; }
    public string? Note { get; private set; }

    /// <summary>The program the event is credited to, where there is one.</summary>
    public int? ProgramId { get; private set; }
    public string? RecordedByUserId { get; private set; }
    public DateTime RecordedAtUtc { get; private set; }
}
