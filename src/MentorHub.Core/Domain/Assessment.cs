namespace MentorHub.Core.Domain;

/// <summary>
/// A check-in survey of one mentorship member (baseline, midpoint, exit or monthly pulse). It exists as soon as it is
/// due and is pending until submitted. A mentee's check-ins are private to them and the program's coordinators.
/// </summary>
public class Assessment
{
    private Assessment() { }

    public Assessment(int mentorshipMemberId, AssessmentKind kind, DateOnly dueOn)
    {
        MentorshipMemberId = mentorshipMemberId;
        Kind = kind;
        DueOn = dueOn;
    }

    public int Id { get; private set; }
    public int MentorshipMemberId { get; private set; }
    public MentorshipMember? Member { get; private set; }
    public AssessmentKind Kind { get; private set; }
    public DateOnly DueOn { get; private set; }
    public DateTime? SubmittedAtUtc { get; private set; }
    public int? Confidence { get; private set; }
    public int? JobSatisfaction { get; private set; }
    public string? Reflection { get; private set; }

    public List<AssessmentScore> Scores { get; } = [];

    public bool IsPending => SubmittedAtUtc is null;

    /// <summary>An exit check-in opens early when the mentorship ends before it was due.</summary>
    public void OpenBy(DateOnly on)
    {
        if (IsPending && DueOn > on) DueOn = on;
    }

    public void Submit(IReadOnlyDictionary<int, int> proficiencyByCompetency, int confidence, int jobSatisfaction, string? reflection, DateTime nowUtc)
    {
        if (!IsPending) throw new DomainException("This check-in has already been submitted.");
        if (proficiencyByCompetency.Values.Any(v => v is < 1 or > 5) || confidence is < 1 or > 5 || jobSatisfaction is < 1 or > 5)
            throw new DomainException("Ratings run from 1 to 5.");
        Scores.Clear();
        Scores.AddRange(proficiencyByCompetency.Select(p => new AssessmentScore(p.Key, p.Value)));
        Confidence = confidence;
        JobSatisfaction = jobSatisfaction;
        Reflection = reflection;
        SubmittedAtUtc = nowUtc;
    }
}

public class AssessmentScore(int competencyId, int proficiency)
{
    public int AssessmentId { get; private set; }
    public int CompetencyId { get; private set; } = competencyId;
    public int Proficiency { get; private set; } = proficiency;
}
