using MentorHub.Core.Domain;

namespace MentorHub.Core.Matching;

/// <summary>A competency and a level from 1 to 5.</summary>
public readonly record struct CompetencyLevel(int CompetencyId, int Level);

/// <summary>
/// What matching knows of a participant: the competencies they want to develop (mentees, peers) with their current
/// level, the ones they offer (mentors, peers) with their expertise, availability and preferences.
/// </summary>
public sealed record MatchParticipant(
    int Id,
    string Name,
    IReadOnlyList<CompetencyLevel> Wants,
    IReadOnlyList<CompetencyLevel> Offers,
    int AvailabilitySlots,
    Modality? Modality,
    string? Branch,
    CareerStage CareerStage)
{
    /// <summary>Mentors only: how many mentees they can take.</summary>
    public int Capacity { get; init; } = 1;

    /// <summary>Why this person cannot be matched (e.g. required training not done); null when they can.</summary>
    public string? NotMatchableReason { get; init; }

    /// <summary>Answers to the program's matching questions, by question: the values <see cref="Domain.MatchQuestion.Normalize"/> stores.</summary>
    public IReadOnlyDictionary<int, int[]> Answers { get; init; } = NoAnswers;

    /// <summary>Mentees who rank mentors: the mentors' enrollment ids, first choice first.</summary>
    public IReadOnlyList<int> Choices { get; init; } = [];

    private static readonly Dictionary<int, int[]> NoAnswers = [];
}

/// <summary>One criterion's part of a match score, with a sentence a coordinator can read.</summary>
public sealed record CriterionScore(string Criterion, int Weight, double Value, string Explanation)
{
    /// <summary>Points this criterion contributes to the 0-100 total.</summary>
    public double Points { get; init; }
}

public sealed record MatchScore(double Total, IReadOnlyList<CriterionScore> Breakdown)
{
    public string Explain() => string.Join("; ", Breakdown.Where(c => c.Weight > 0).Select(c => $"{c.Criterion} {c.Points:0.#}: {c.Explanation}"));
}
