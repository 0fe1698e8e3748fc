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

    /// <summary>Set when the coordinator called the workshop off; those who replied were told why.</summary>
    public DateTime? CancelledAtUtc { get; private set; }
    public string? CancellationReason { get; private set; }

    public bool IsCancelled => CancelledAtUtc is not null;

    /// <summary>Changes the plan; the places cannot drop below the people already going.</summary>
    public void Change(string title, string? description, DateTime startsAtUtc, int durationMinutes, Modality modality, string? location, int capacity)
    {
        if (IsCancelled) throw new DomainException("This workshop was cancelled and cannot be changed.");
        if (capacity < Rsvps.Count) throw new DomainException($"{Rsvps.Count} people are already going: the workshop needs at least {Rsvps.Count} places.");
        if (capacity < 1) throw new DomainException("A workshop needs room for at least one person.");
        (Title, Description, StartsAtUtc, DurationMinutes, Modality, Location, Capacity) = (title, description, startsAtUtc, durationMinutes, modality, location, capacity);
    }

    public void Cancel(string reason, DateTime nowUtc)
    {
        if (IsCancelled) throw new DomainException("This workshop is already cancelled.");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Say why the workshop is cancelled: the people who replied are told.");
        CancelledAtUtc = nowUtc;
        CancellationReason = reason.Trim();
    }

    public void Rsvp(string userId, DateTime nowUtc)
    {
        if (IsCancelled) throw new DomainException("This workshop was cancelled.");
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
