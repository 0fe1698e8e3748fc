using MentorHub.Core.Domain;

namespace MentorHub.Core.Matching;

public readonly record struct PairKey(int MenteeId, int MentorId);

/// <summary>
/// The constraints on a matching run: pairs the coordinator pinned or forbade, and pairs excluded as conflicts of
/// interest (a person's own manager, their mentor in an earlier mentorship of the program), each with its reason.
/// </summary>
public sealed record MatchConstraints(IReadOnlySet<PairKey> Pinned, IReadOnlySet<PairKey> Forbidden)
{
    public static readonly MatchConstraints None = new(new HashSet<PairKey>(), new HashSet<PairKey>());

    /// <summary>Conflicts of interest, with the reason; never proposed, even when pinned. Keys run either way for peers.</summary>
    public IReadOnlyDictionary<PairKey, string> Conflicts { get; init; } = new Dictionary<PairKey, string>();

    public bool IsForbidden(int menteeId, int mentorId) => Forbidden.Count > 0 && Forbidden.Contains(new PairKey(menteeId, mentorId));

    public string? ConflictOf(int menteeId, int mentorId) => Conflicts.Count > 0 && Conflicts.TryGetValue(new PairKey(menteeId, mentorId), out var reason) ? reason : null;
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
/// Proposes mentee-to-mentor assignments that maximise the objective (the total match score, or the number matched
/// and then the total) within every mentor's capacity, honouring pinned and forbidden pairs and leaving out mentors who
/// are not matchable (untrained, or with no place left). Everyone left out is told why in terms of the real cause.
/// </summary>
public static class MatchPlanner
{
    /// <summary>Scores are kept to two decimals; the assignment works on whole hundredths.</summary>
    private const long PointsPerScore = 100;


    public const string NoPlacesLeft = "All their places are taken by current mentorships.";

    public static MatchProposal Propose(IReadOnlyList<MatchParticipant> mentees, IReadOnlyList<MatchParticipant> mentors, MatchScorer scorer, MatchConstraints constraints,
        MatchObjective objective = MatchObjective.HighestTotal)
    {
        var warnings = new List<string>();
        var unavailable = mentors.Where(m => m.NotMatchableReason is not null).Select(m => new UnmatchedParticipant(m, m.NotMatchableReason!))
            .Concat(mentors.Where(m => m.NotMatchableReason is null && m.Capacity <= 0).Select(m => new UnmatchedParticipant(m, NoPlacesLeft)))
            .ToList();
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
            if (constraints.ConflictOf(mentee.Id, mentor.Id) is { } conflict)
                warnings.Add($"{mentee.Name} is pinned to {mentor.Name}, but they cannot be matched: {conflict}. The pin is left out.");
            else if (scorer.DealBreaker(mentee, mentor) is { } question)
                warnings.Add($"{mentee.Name} is pinned to {mentor.Name}, but their answers to “{question.Text}” are a deal-breaker. The pin is left out.");
            else if (mentor.NotMatchableReason is not null)
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
        // A pair is worth its score in hundredths, scaled so that one extra point per pair (which lets a pair scoring 0
        // be made, and breaks ties towards matching more people) can never outweigh a hundredth of score. With "most
        // matched" every pair is also worth more than all scores together, so one more person matched always wins.
        long scale = open.Count + 1;
        var bonus = objective is MatchObjective.MostMatched ? open.Count * (100 * PointsPerScore * scale + 1) + 1 : 0;
        var totals = scorer.Totals(open, eligible);
        var points = new long[open.Count][];
        for (var row = 0; row < open.Count; row++)
        {
            points[row] = new long[eligible.Count];
            for (var column = 0; column < eligible.Count; column++)
            {
                if (totals[row][column] < 0 || constraints.IsForbidden(open[row].Id, eligible[column].Id) || constraints.ConflictOf(open[row].Id, eligible[column].Id) is not null) continue;
                points[row][column] = bonus + 1 + (long)Math.Round(totals[row][column] * PointsPerScore) * scale;
            }
        }
        var assignment = OptimalAssignment.Solve(points, eligible.Select(m => remaining[m.Id]).ToArray());

        var unmatched = new List<UnmatchedParticipant>();
        for (var row = 0; row < open.Count; row++)
        {
            if (assignment[row] >= 0)
                suggestions.Add(new MatchSuggestion(open[row], eligible[assignment[row]], scorer.Score(open[row], eligible[assignment[row]]), IsPinned: false));
            else
                unmatched.Add(new UnmatchedParticipant(open[row], WhyUnmatched(open[row], mentors, eligible, points[row], totals[row], remaining, open.Count, constraints)));
        }
        return new MatchProposal(suggestions.OrderBy(s => s.Mentor.Name).ThenBy(s => s.Mentee.Name).ToList(), unmatched, unavailable, warnings);
    }

    /// <summary>The real cause for one mentee: no mentor at all, none who can take anyone, every one ruled out, or places taken by better fits.</summary>
    private static string WhyUnmatched(MatchParticipant mentee, IReadOnlyList<MatchParticipant> mentors, List<MatchParticipant> eligible, long[] points, double[] totals,
        Dictionary<int, int> remaining, int openCount, MatchConstraints constraints)
    {
        if (mentors.Count == 0) return "No mentor is enrolled in this cohort yet: invite or import mentors.";
        if (eligible.Count == 0)
        {
            var untrained = mentors.Count(m => m.NotMatchableReason is not null);
            var full = mentors.Count - untrained;
            var causes = new List<string>();
            if (untrained > 0) causes.Add($"{Count(untrained, "mentor has", "mentors have")} required training to complete");
            if (full > 0) causes.Add($"{Count(full, "mentor has", "mentors have")} no place left (raise a capacity or enroll more mentors)");
            return $"No mentor can take a mentee now: {string.Join(", and ", causes)}.";
        }
        var best = -1;
        for (var column = 0; column < eligible.Count; column++)
        {
            if (points[column] > 0 && (best < 0 || points[column] > points[best])) best = column;
        }
        if (best < 0)
        {
            var conflicts = eligible.Count(m => constraints.ConflictOf(mentee.Id, m.Id) is not null);
            var dealBreakers = eligible.Where((m, column) => totals[column] < 0 && constraints.ConflictOf(mentee.Id, m.Id) is null).Count();
            var forbidden = eligible.Count - conflicts - dealBreakers;
            var causes = new List<string>();
            if (forbidden > 0) causes.Add($"{Count(forbidden, "pairing is", "pairings are")} forbidden by a coordinator");
            if (conflicts > 0) causes.Add($"{Count(conflicts, "is a conflict", "are conflicts")} of interest");
            if (dealBreakers > 0) causes.Add($"{Count(dealBreakers, "breaks a deal-breaker", "break a deal-breaker")} in the matching questions");
            return $"Every mentor with a place is ruled out for them: {string.Join("; ", causes)}.";
        }
        var bestScore = totals[best];
        var totalPlaces = remaining.Values.Sum();
        return totalPlaces < openCount
            ? $"Not enough places: {Count(totalPlaces, "place", "places")} for {Count(openCount, "mentee", "mentees")}. Their best fit, {eligible[best].Name} ({bestScore:0.#}), went to mentees with a better overall fit; raise a mentor's capacity to match them."
            : $"Their best fit, {eligible[best].Name} ({bestScore:0.#}), is full with mentees who fit them better, and every other allowed mentor is full too.";
    }

    private static string Count(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";
}
