namespace MentorHub.Core.Domain;

/// <summary>Who changed what, when: written for role changes, withdrawals and other decisions people may ask about later.</summary>
public class AuditEntry
{
    private AuditEntry() { }

    public AuditEntry(string? userId, string action, string entityType, string entityId, string? details, DateTime occurredAtUtc)
    {
        UserId = userId;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        Details = details;
        OccurredAtUtc = occurredAtUtc;
    }

    public long Id { get; private set; }
    public string? UserId { get; private set; }
    public string Action { get; private set; } = "";
    public string EntityType { get; private set; } = "";
    public string EntityId { get; private set; } = "";
    public string? Details { get; private set; }
    public DateTime OccurredAtUtc { get; private set; }
}
