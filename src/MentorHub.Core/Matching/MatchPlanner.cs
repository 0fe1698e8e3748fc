namespace MentorHub.Core.Matching;

public readonly record struct PairKey(int MenteeId, int MentorId);

/// <summary>The coordinator's constraints on a matching run: pairs that must be made and pairs that must not.</summary>
public sealed record MatchConstraints(IReadOnlySet<PairKey> Pinned, IReadOnlySet<PairKey> Forbidden)
{
    public static readonly MatchConstraints None = new(new HashSet<PairKey>(), new HashSet<PairKey>());
}

public sealed record MatchSuggestion(MatchParticipant Mentee, MatchParticipant Mentor, MatchScore Score, bool IsPinned);

public sealed record UnmatchedParticipant(MatchParticipant Participant, string Reason);

/// <summary>A complete proposal: who goes with whom and why, who is left out and why.</summary>
public sealed record MatchProposal(
    IReadOnlyList<MatchSuggestion> Suggestions,
    IReadOnlyList<UnmatchedParticipant> Unmatched,
    IReadOnlyList<UnmatchedParticipant> UnavailableMentors,
    IReadOnlyList<string> Warnings)
{
    public double TotalScore => Math.Round(Suggestions.Sum(s => s.Score.Total), 2);
}

/// <summary>
/// Proposes mentee-to-mentor assignments that maximise the total match score within every mentor's capacity,
/// honouring pinned and forbidden pairs and leaving out mentors who are not matchable (e.g. untrained).
/// </summary>
public static class MatchPlanner
{
    /// <summary>Scores are kept to two decimals; the assignment works on whole hundredths.</summary>
    private const double PointsPerScore = 100;

    public static MatchProposal Propose(IReadOnlyList<MatchParticipant> mentees, IReadOnlyList<MatchParticipant> mentors, MatchScorer scorer, MatchConstraints constraints)
    {
        var warnings = new List<string>();
        var unavailable = mentors.Where(m => m.NotMatchableReason is not null).Select(m => new UnmatchedParticipant(m, m.NotMatchableReason!)).ToList();
        var eligible = mentors.Where(m => m.NotMatchableReason is null && m.Capacity > 0).ToList();
        var remaining = eligible.ToDictionary(m => m.Id, m => m.Capacity);
        var suggestions = new List<MatchSuggestion>();

        // Pinned pairs are made first and take a place from their mentor.
        var menteesById = mentees.ToDictionary(m => m.Id);
        var pinnedMentees = new HashSet<int>();
        foreach (var pin in constraints.Pinned.OrderBy(p => p.MenteeId))
        {
            if (!menteesById.TryGetValue(pin.MenteeId, out var mentee) || pinnedMentees.Contains(pin.MenteeId)) continue;
            var mentor = mentors.FirstOrDefault(m => m.Id == pin.MentorId);
            if (mentor is null) continue;
            if (mentor.NotMatchableReason is not null)
                warnings.Add($"{mentee.Name} is pinned to {mentor.Name}, who cannot be matched: {mentor.NotMatchableReason}");
            else if (remaining.GetValueOrDefault(mentor.Id) <= 0)
                warnings.Add($"{mentee.Name} is pinned to {mentor.Name}, who has no place left.");
            else
            {
                remaining[mentor.Id]--;
                pinnedMentees.Add(mentee.Id);
                suggestions.Add(new MatchSuggestion(mentee, mentor, scorer.Score(mentee, mentor), IsPinned: true));
            }
        }

        var open = mentees.Where(m => !pinnedMentees.Contains(m.Id)).ToList();
        var points = new long[open.Count][];
        for (var row = 0; row < open.Count; row++)
        {
            points[row] = new long[eligible.Count];
            for (var column = 0; column < eligible.Count; column++)
            {
                if (constraints.Forbidden.Contains(new PairKey(open[row].Id, eligible[column].Id))) continue;
                points[row][column] = (long)Math.Round(scorer.Total(open[row], eligible[column]) * PointsPerScore);
            }
        }
        var assignment = OptimalAssignment.Solve(points, eligible.Select(m => remaining[m.Id]).ToArray());

        var unmatched = new List<UnmatchedParticipant>();
        for (var row = 0; row < open.Count; row++)
        {
            if (assignment[row] >= 0)
                suggestions.Add(new MatchSuggestion(open[row], eligible[assignment[row]], scorer.Score(open[row], eligible[assignment[row]]), IsPinned: false));
            else
                unmatched.Add(new UnmatchedParticipant(open[row], WhyUnmatched(row, open, eligible, points, remaining)));
        }
        return new MatchProposal(suggestions.OrderBy(s => s.Mentor.Name).ThenBy(s => s.Mentee.Name).ToList(), unmatched, unavailable, warnings);
    }

    private static string WhyUnmatched(int row, List<MatchParticipant> open, List<MatchParticipant> eligible, long[][] points, Dictionary<int, int> remaining)
    {
        if (eligible.Count == 0) return "No mentor can be matched yet: none has completed the required training or has a place.";
        var best = -1;
        for (var column = 0; column < eligible.Count; column++)
        {
            if (points[row][column] > 0 && (best < 0 || points[row][column] > points[row][best])) best = column;
        }
        if (best < 0) return "No mentor is a possible match: every pairing is forbidden or scores nothing.";
        var totalPlaces = remaining.Values.Sum();
        return totalPlaces < open.Count
            ? $"Every mentor's places are taken ({totalPlaces} places for {open.Count} mentees); the best fit, {eligible[best].Name} ({points[row][best] / PointsPerScore:0.##}), went to mentees with a better overall fit."
            : $"The best fit, {eligible[best].Name} ({points[row][best] / PointsPerScore:0.##}), is full with mentees who fit them better.";
    }
}
