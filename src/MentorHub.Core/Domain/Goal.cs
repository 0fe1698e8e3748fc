namespace MentorHub.Core.Domain;

/// <summary>A SMART goal of a mentee (or a peer) in a mentorship, with milestones and a timeline of updates.</summary>
public class Goal : IVersioned
{
    private Goal() { }

    public Goal(int mentorshipId, int ownerMemberId, string title, string? description, int? competencyId, DateOnly targetDate, string createdByUserId, DateTime createdAtUtc)
    {
        if (string.IsNullOrWhiteSpace(title)) throw new DomainException("A goal needs a title.");
        MentorshipId = mentorshipId;
        OwnerMemberId = ownerMemberId;
        Title = title.Trim();
        Description = description;
        CompetencyId = competencyId;
        TargetDate = targetDate;
        CreatedByUserId = createdByUserId;
        CreatedAtUtc = createdAtUtc;
    }

    public int Id { get; private set; }
    public int MentorshipId { get; private set; }
    public Mentorship? Mentorship { get; private set; }
    public int OwnerMemberId { get; private set; }
    public MentorshipMember? OwnerMember { get; private set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public int? CompetencyId { get; set; }
    public Competency? Competency { get; private set; }
    public DateOnly TargetDate { get; set; }
    public GoalStatus Status { get; private set; } = GoalStatus.NotStarted;
    public int ProgressPercent { get; private set; }
    public string? AbandonReason { get; private set; }
    public DateOnly? AchievedOn { get; private set; }
    public string CreatedByUserId { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }
    public Guid Version { get; set; }

    public List<Milestone> Milestones { get; } = [];
    public List<GoalUpdate> Updates { get; } = [];

    public bool IsOpen => Status is GoalStatus.NotStarted or GoalStatus.InProgress;

    public bool IsOverdue(DateOnly today) => IsOpen && TargetDate < today;

    public void RecordProgress(int percent, string? note, string byUserId, DateTime nowUtc)
    {
        EnsureOpen();
        if (percent is < 0 or > 100) throw new DomainException("Progress is a percentage from 0 to 100.");
        if (note?.Length > 4000) throw new DomainException("Keep the note under 4,000 characters.");
        ProgressPercent = percent;
        Status = GoalStatus.InProgress;
        Updates.Add(new GoalUpdate(byUserId, GoalUpdateKind.Progress, percent, note, nowUtc));
    }

    public void Comment(string text, string byUserId, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new DomainException("A comment cannot be empty.");
        if (text.Length > 4000) throw new DomainException("Keep the comment under 4,000 characters.");
        Updates.Add(new GoalUpdate(byUserId, GoalUpdateKind.Comment, null, text.Trim(), nowUtc));
    }

    public Milestone AddMilestone(string title, DateOnly dueOn)
    {
        EnsureOpen();
        if (string.IsNullOrWhiteSpace(title)) throw new DomainException("A milestone needs a title.");
        var milestone = new Milestone(title.Trim(), dueOn);
        Milestones.Add(milestone);
        return milestone;
    }

    /// <param name="today">The calendar day where the person marking it is: "achieved on 1 March" means their 1 March.</param>
    public void MarkAchieved(string byUserId, DateOnly today, DateTime nowUtc)
    {
        EnsureOpen();
        Status = GoalStatus.Achieved;
        ProgressPercent = 100;
        AchievedOn = today;
        // An achieved goal has no open steps left: its open milestones are done with it.
        foreach (var milestone in Milestones) milestone.MarkDone(nowUtc);
        Updates.Add(new GoalUpdate(byUserId, GoalUpdateKind.StatusChange, 100, "Marked as achieved", nowUtc));
    }

    public void Abandon(string reason, string byUserId, DateTime nowUtc)
    {
        EnsureOpen();
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Give a reason for abandoning the goal.");
        if (reason.Trim().Length > 500) throw new DomainException("Keep the reason under 500 characters.");
        Status = GoalStatus.Abandoned;
        AbandonReason = reason.Trim();
        Updates.Add(new GoalUpdate(byUserId, GoalUpdateKind.StatusChange, null, $"Abandoned: {AbandonReason}", nowUtc));
    }

    private void EnsureOpen()
    {
        if (!IsOpen) throw new DomainException($"This goal is {Status.ToString().ToLowerInvariant()} and can no longer change.");
    }
}

public class Milestone(string title, DateOnly dueOn)
{
    public int Id { get; private set; }
    public int GoalId { get; private set; }
    public string Title { get; set; } = title;
    public DateOnly DueOn { get; set; } = dueOn;
    public DateTime? CompletedAtUtc { get; private set; }

    public bool IsOverdue(DateOnly today) => CompletedAtUtc is null && DueOn < today;

    public void MarkDone(DateTime nowUtc) => CompletedAtUtc ??= nowUtc;

    public void Reopen() => CompletedAtUtc = null;
}

public class GoalUpdate(string authorUserId, GoalUpdateKind kind, int? percent, string? text, DateTime createdAtUtc)
{
    public int Id { get; private set; }
    public int GoalId { get; private set; }
    public string AuthorUserId { get; private set; } = authorUserId;
    public GoalUpdateKind Kind { get; private set; } = kind;
    public int? Percent { get; private set; } = percent;
    public string? Text { get; private set; } = text;
    public DateTime CreatedAtUtc { get; private set; } = createdAtUtc;
}
