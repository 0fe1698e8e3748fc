namespace MentorHub.Core.Domain;

/// <summary>A group session of a cohort that participants RSVP to, up to its capacity.</summary>
public class Workshop : IVersioned
{
    private Workshop() { }

    public Workshop(int cohortId, string title, string? description, DateTime startsAtUtc, int durationMinutes, Modality modality, string? location, int capacity)
    {
        if (capacity < 1) throw new DomainException("A workshop needs room for at least one person.");
        CohortId = cohortId;
        Title = title;
        Description = description;
        StartsAtUtc = startsAtUtc;
        DurationMinutes = durationMinutes;
        Modality = modality;
        Location = location;
        Capacity = capacity;
    }

    public int Id { get; private set; }
    public int CohortId { get; private set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public DateTime StartsAtUtc { get; set; }
    public int DurationMinutes { get; set; }
    public Modality Modality { get; set; }
    public string? Location { get; set; }
    public int Capacity { get; private set; }
    public Guid Version { get; set; }

    private readonly List<WorkshopRsvp> _rsvps = [];

    /// <summary>Who is going; changed only through <see cref="Rsvp"/> and <see cref="CancelRsvp"/>, which keep to the capacity.</summary>
    public IReadOnlyCollection<WorkshopRsvp> Rsvps => _rsvps;

    public void Rsvp(string userId, DateTime nowUtc)
    {
        if (Rsvps.Any(r => r.UserId == userId)) return;
        if (Rsvps.Count >= Capacity) throw new DomainException("This workshop is full.");
        _rsvps.Add(new WorkshopRsvp(userId, nowUtc));
    }

    public void CancelRsvp(string userId) => _rsvps.RemoveAll(r => r.UserId == userId);
}

public class WorkshopRsvp(string userId, DateTime respondedAtUtc)
{
    public int WorkshopId { get; private set; }
    public string UserId { get; private set; } = userId;
    public DateTime RespondedAtUtc { get; private set; } = respondedAtUtc;
}
