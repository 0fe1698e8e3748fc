namespace MentorHub.Core.Domain;

/// <summary>A link shared with a whole program or with one mentorship, tagged with competencies.</summary>
public class Resource
{
    private Resource() { }

    private Resource(int? programId, int? mentorshipId, string title, string url, string? description, string createdByUserId, DateTime createdAtUtc)
    {
        if (string.IsNullOrWhiteSpace(title)) throw new DomainException("A resource needs a title.");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new DomainException("A resource link must be an http or https address.");
        ProgramId = programId;
        MentorshipId = mentorshipId;
        Title = title.Trim();
        Url = url;
        Description = description;
        CreatedByUserId = createdByUserId;
        CreatedAtUtc = createdAtUtc;
    }

    public static Resource ForProgram(int programId, string title, string url, string? description, string createdByUserId, DateTime nowUtc) =>
        new(programId, null, title, url, description, createdByUserId, nowUtc);

    public static Resource ForMentorship(int mentorshipId, string title, string url, string? description, string createdByUserId, DateTime nowUtc) =>
        new(null, mentorshipId, title, url, description, createdByUserId, nowUtc);

    public int Id { get; private set; }
    public int? ProgramId { get; private set; }
    public int? MentorshipId { get; private set; }
    public string Title { get; private set; } = "";
    public string Url { get; private set; } = "";
    public string? Description { get; private set; }
    public string CreatedByUserId { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }

    private readonly List<ResourceCompetency> _tags = [];

    public IReadOnlyCollection<ResourceCompetency> Tags => _tags;

    /// <summary>Corrects the title, link or description (the same rules as when it was shared).</summary>
    public void Change(string title, string url, string? description)
    {
        var checkedCopy = new Resource(ProgramId, MentorshipId, title, url, description, CreatedByUserId, CreatedAtUtc);
        (Title, Url, Description) = (checkedCopy.Title, checkedCopy.Url, checkedCopy.Description);
    }

    /// <summary>Tags the resource with a competency (once).</summary>
    public void Tag(int competencyId)
    {
        if (_tags.All(t => t.CompetencyId != competencyId)) _tags.Add(new ResourceCompetency(competencyId));
    }
}

public class ResourceCompetency(int competencyId)
{
    public int ResourceId { get; private set; }
    public int CompetencyId { get; private set; } = competencyId;
}
