namespace MentorHub.Core.Matching;

/// <summary>One mentor on a mentee's shortlist, with the reasons for the fit.</summary>
/// <param name="IsTopChoice">The mentor suggested first: no mentor is suggested first to more mentees than they have places.</param>
public sealed record ShortlistEntry(MatchParticipant Mentor, MatchScore Score, bool IsTopChoice);

/// <summary>
/// Mentees' shortlists in a cohort where they choose or rank mentors. Each mentee's first suggestion comes from one
/// optimal matching of the whole pool under the mentors' free places (most people matched first, then the highest
/// total), so no mentor is anyone's first suggestion more often than they have places; the rest of the list is the
/// mentee's next best mentors with a free place. Mentors who declined the mentee, let their request expire, or whose
/// match the coordinator returned are not shown again, nor are forbidden pairs, conflicts of interest and deal-breakers.
/// </summary>
public static class Shortlists
{
    /// <param name="onlyFor">The mentees whose lists are wanted (a mentee's page wants one); null for all. First suggestions always come from the whole pool.</param>
    public static IReadOnlyDictionary<int, IReadOnlyList<ShortlistEntry>> For(MatchingInput input, int size, DateTime nowUtc, IReadOnlySet<int>? onlyFor = null)
    {
        var settings = new MatchSettings(input.ProgramSettings, MatchSettings.DefaultGroupSize);
        var scorer = input.ScorerFor(settings);
        var forbidden = new HashSet<PairKey>(input.Constraints.Forbidden);
        forbidden.UnionWith(input.Requests.Where(r => r.RulesOutMentor(nowUtc)).Select(r => new PairKey(r.MenteeId, r.MentorId)));
        var constraints = input.Constraints with { Forbidden = forbidden, Pinned = input.Constraints.Pinned.Where(p => !forbidden.Contains(p)).ToHashSet() };
        var mentors = input.Mentors.Where(m => m.NotMatchableReason is null && m.Capacity > 0).ToList();
        var mentees = input.Mentees;

        var first = MatchPlanner.Propose(mentees, mentors, scorer, constraints, Domain.MatchObjective.MostMatched)
            .Suggestions.ToDictionary(s => s.Mentee.Id);
        var wanted = onlyFor is null ? mentees : mentees.Where(m => onlyFor.Contains(m.Id)).ToList();
        var totals = scorer.Totals(wanted, mentors);
        var lists = new Dictionary<int, IReadOnlyList<ShortlistEntry>>();
        for (var row = 0; row < wanted.Count; row++)
        {
            var mentee = wanted[row];
            var list = new List<ShortlistEntry>(size);
            first.TryGetValue(mentee.Id, out var top);
            if (top is not null) list.Add(new ShortlistEntry(top.Mentor, top.Score, IsTopChoice: true));
            var line = totals[row];
            var next = Enumerable.Range(0, mentors.Count)
                .Where(column => line[column] >= 0 && mentors[column].Id != top?.Mentor.Id
                    && !constraints.IsForbidden(mentee.Id, mentors[column].Id) && constraints.ConflictOf(mentee.Id, mentors[column].Id) is null)
                .OrderByDescending(column => line[column]).ThenBy(column => mentors[column].Name, StringComparer.CurrentCulture)
                .Take(size - list.Count);
            list.AddRange(next.Select(column => new ShortlistEntry(mentors[column], scorer.Score(mentee, mentors[column]), IsTopChoice: false)));
            lists[mentee.Id] = list;
        }
        return lists;
    }
}
