namespace MentorHub.Core.Domain;

/// <summary>A skill in the organisation's catalogue (e.g. ILS administration), grouped by category.</summary>
public class Competency
{
    public int Id { get; private set; }
    public string Name { get; set; } = "";
    public string Category { get; set; } = "";
    public string? Description { get; set; }
    public bool IsRetired { get; set; }
}
