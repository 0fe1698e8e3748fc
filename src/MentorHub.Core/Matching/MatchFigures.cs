using MentorHub.Core.Domain;

namespace MentorHub.Core.Matching;

/// <summary>One person of a proposal as a run records them.</summary>
public sealed record RunPerson(int Id, string Name);

/// <summary>One proposed mentorship: its mentor(s) (or first peer), mentee(s) (or second peer), and score.</summary>
/// <param name="Key">Who is in it, as the accept form names it: two runs made the same mentorship when their keys are equal.</param>
public sealed record RunPair(string Key, IReadOnlyList<RunPerson> Mentors, IReadOnlyList<RunPerson> Mentees, double Score, bool IsPinned);

public sealed record RunUnmatched(RunPerson Person, string Reason);

/// <summary>A mentor's load in a proposal: the mentees proposed to them against the places they had.</summary>
public sealed record MentorLoadFigure(RunPerson Mentor, int Proposed, int Places);

/// <summary>How one part of the cohort (a branch, a career stage) fared: how many were matched and how well.</summary>
public sealed record GroupFigure(string Label, int People, int Matched, double? MeanScore, double? LowestScore);

/// <summary>
/// What a coordinator weighs besides the total: who is left out, the weakest and the typical pair, each mentor's load,
/// and whether some branches or career stages are matched less often or less well than others.
/// </summary>
public sealed record MatchFigures(
    int People,
    int Matched,
    int Unmatched,
    double TotalScore,
    double? LowestScore,
    double? MedianScore,
    int BelowMinimum,
    IReadOnlyList<MentorLoadFigure> MentorLoads,
    IReadOnlyList<GroupFigure> ByBranch,
    IReadOnlyList<GroupFigure> ByCareerStage)
{
    /// <summary>The figures of a proposal over <paramref name="people"/>, the participants it had to match (mentees, or peers).</summary>
    public static MatchFigures Of(IReadOnlyList<MatchParticipant> people, IReadOnlyList<MatchParticipant> mentors, IReadOnlyList<RunPair> pairs, int minimumScore)
    {
        // Each matched person with the score of their mentorship (a peer pair counts for both peers).
        var scoreOf = new Dictionary<int, double>();
        foreach (var pair in pairs)
        {
            foreach (var person in pair.Mentees) scoreOf[person.Id] = pair.Score;
            if (mentors.Count == 0)
            {
                foreach (var person in pair.Mentors) scoreOf[person.Id] = pair.Score;
            }
        }
        var scores = pairs.Select(p => p.Score).Order().ToList();
        double? median = scores.Count == 0 ? null
            : scores.Count % 2 == 1 ? scores[scores.Count / 2] : Math.Round((scores[scores.Count / 2 - 1] + scores[scores.Count / 2]) / 2, 2);
        var loads = mentors.Where(m => m.NotMatchableReason is null)
            .Select(m => new MentorLoadFigure(new RunPerson(m.Id, m.Name), pairs.Where(p => p.Mentors.Any(x => x.Id == m.Id)).Sum(p => p.Mentees.Count), m.Capacity))
            .OrderByDescending(l => l.Proposed).ThenBy(l => l.Mentor.Name, StringComparer.CurrentCulture).ToList();
        var matched = people.Count(p => scoreOf.ContainsKey(p.Id));
        return new MatchFigures(people.Count, matched, people.Count - matched, Math.Round(scores.Sum(), 2), scores.Count == 0 ? null : scores[0], median,
            pairs.Count(p => !p.IsPinned && p.Score < minimumScore), loads,
            Spread(people, scoreOf, p => string.IsNullOrWhiteSpace(p.Branch) ? "Branch not given" : p.Branch.Trim()),
            Spread(people, scoreOf, p => CareerStages.Label(p.CareerStage)));
    }

    private static List<GroupFigure> Spread(IReadOnlyList<MatchParticipant> people, Dictionary<int, double> scoreOf, Func<MatchParticipant, string> label) =>
        people.GroupBy(label, StringComparer.OrdinalIgnoreCase).Select(g =>
        {
            var scored = g.Where(p => scoreOf.ContainsKey(p.Id)).Select(p => scoreOf[p.Id]).ToList();
            return new GroupFigure(g.Key, g.Count(), scored.Count, scored.Count == 0 ? null : Math.Round(scored.Average(), 1), scored.Count == 0 ? null : scored.Min());
        }).OrderBy(g => g.Label, StringComparer.CurrentCulture).ToList();
}

/// <summary>What a dry run proposed, kept with the run so that it can be compared later exactly as it was.</summary>
public sealed record MatchRunResult(IReadOnlyList<RunPair> Pairs, IReadOnlyList<RunUnmatched> Unmatched, MatchFigures Figures)
{
    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    public string ToJson() => System.Text.Json.JsonSerializer.Serialize(this, Json);

    public static MatchRunResult FromJson(string json) =>
        System.Text.Json.JsonSerializer.Deserialize<MatchRunResult>(json, Json) ?? throw new InvalidOperationException("A match run without a result.");

    /// <summary>Whether another result made exactly the same mentorships.</summary>
    public bool SamePairsAs(MatchRunResult other) => Pairs.Select(p => p.Key).Order().SequenceEqual(other.Pairs.Select(p => p.Key).Order());
}
