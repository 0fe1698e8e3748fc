namespace MentorHub.Core.Domain;

/// <summary>A mentor-preparation module of a program: Markdown content or a link.</summary>
public class TrainingModule
{
    private TrainingModule() { }

    public TrainingModule(string title, string? contentMarkdown, string? externalUrl, int estimatedMinutes, bool isRequired)
    {
        if (string.IsNullOrWhiteSpace(contentMarkdown) && string.IsNullOrWhiteSpace(externalUrl))
            throw new DomainException("A training module needs content or a link.");
        Title = title;
        ContentMarkdown = contentMarkdown;
        ExternalUrl = externalUrl;
        EstimatedMinutes = estimatedMinutes;
        IsRequired = isRequired;
    }

    public int Id { get; private set; }
    public int ProgramId { get; private set; }
    public string Title { get; set; } = "";
    public string? ContentMarkdown { get; set; }
    public string? ExternalUrl { get; set; }
    public int EstimatedMinutes { get; set; }
    public bool IsRequired { get; set; }
    public int SortOrder { get; set; }
}

public class TrainingCompletion(int trainingModuleId, string userId, DateTime completedAtUtc)
{
    public int Id { get; private set; }
    public int TrainingModuleId { get; private set; } = trainingModuleId;
    public TrainingModule? TrainingModule { get; private set; }
    public string UserId { get; private set; } = userId;
    public DateTime CompletedAtUtc { get; private set; } = completedAtUtc;
}
