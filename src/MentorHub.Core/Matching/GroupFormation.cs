namespace MentorHub.Core.Matching;

/// <param name="HasPinnedMember">Whether a coordinator pinned any of its mentees to this mentor.</param>
public sealed record MentoringGroup(MatchParticipant Mentor, IReadOnlyList<MatchParticipant> Mentees, double Score, string Explanation, bool HasPinnedMember = false);

public sealed record GroupProposal(IReadOnlyList<MentoringGroup> Groups, IReadOnlyList<UnmatchedParticipant> Unmatched, IReadOnlyList<UnmatchedParticipant> UnavailableMentors,
    IReadOnlyList<string> Warnings)
{
    public double TotalScore => Math.Round(Groups.Sum(g => g.Score), 2);
}

/// <summary>
/// Group mentoring: each group has one mentor and up to <c>size - 1</c> mentees. Only as many groups are formed as
/// the mentees need; mentors someone is pinned to lead first, the mentors who cover the cohort's wanted competencies
/// best lead the rest, and mentees are placed with the optimal assignment (never in a group whose mentor they are
/// forbidden from) so the total fit is as high as it can be.
/// </summary>
public static class GroupFormation
{
    public static GroupProposal Form(IReadOnlyList<MatchParticipant> mentees, IReadOnlyList<MatchParticipant> mentors, MatchScorer scorer, int size, MatchConstraints constraints)
    {
        if (size < 2) throw new ArgumentOutOfRangeException(nameof(size), "A group has at least a mentor and a mentee.");
        var unavailable = mentors.Where(m => m.NotMatchableReason is not null).Select(m => new UnmatchedParticipant(m, m.NotMatchableReason!))
            .Concat(mentors.Where(m => m.NotMatchableReason is null && m.Capacity <= 0).Select(m => new UnmatchedParticipant(m, MatchPlanner.NoPlacesLeft)))
            .ToList();
        var eligible = mentors.Where(m => m.NotMatchableReason is null && m.Capacity > 0).ToList();
        var groupCount = Math.Min(eligible.Count, (int)Math.Ceiling(mentees.Count / (double)(size - 1)));
        // A mentor a mentee is pinned to leads a group whatever the scores; the best-covering mentors lead the rest.
        var menteeIds = mentees.Select(m => m.Id).ToHashSet();
        var pinnedLeaders = constraints.Pinned.Where(p => menteeIds.Contains(p.MenteeId)).Select(p => p.MentorId).ToHashSet();
        var leaders = eligible.OrderByDescending(m => pinnedLeaders.Contains(m.Id)).ThenByDescending(m => mentees.Sum(t => scorer.Total(t, m))).ThenBy(m => m.Name)
            .Take(Math.Max(groupCount, eligible.Count(m => pinnedLeaders.Contains(m.Id)))).ToList();
        // With no mentor able to lead, the planner over all the mentors says why (none enrolled, untrained, no place).
        var proposal = leaders.Count == 0 ? MatchPlanner.Propose(mentees, mentors, scorer, constraints) : Place(mentees, leaders, scorer, size, constraints);
        // A mentee left out because they are forbidden from every leader gets a group of their own when a spare mentor can take them.
        while (proposal.Unmatched.Count > 0)
        {
            var stranded = proposal.Unmatched.Select(u => u.Participant).ToList();
            var next = eligible.Except(leaders)
                .Select(m => (Mentor: m, Fit: stranded.Where(t => !constraints.IsForbidden(t.Id, m.Id) && constraints.ConflictOf(t.Id, m.Id) is null && scorer.DealBreaker(t, m) is null).Sum(t => scorer.Total(t, m))))
                .Where(x => x.Fit > 0).OrderByDescending(x => x.Fit).ThenBy(x => x.Mentor.Name).Select(x => x.Mentor).FirstOrDefault();
            if (next is null) break;
            leaders.Add(next);
            proposal = Place(mentees, leaders, scorer, size, constraints);
        }
        foreach (var spare in eligible.Except(leaders))
            unavailable.Add(new UnmatchedParticipant(spare, "Not needed to lead a group: there are enough groups for the mentees."));

        var groups = leaders.Select(leader =>
        {
            var members = proposal.Suggestions.Where(s => s.Mentor.Id == leader.Id).ToList();
            var score = members.Count == 0 ? 0 : Math.Round(members.Average(s => s.Score.Total), 2);
            var explanation = string.Join(" ", members.Select(s => $"{s.Mentee.Name}: {s.Score.Explain()}."));
            return new MentoringGroup(leader, members.Select(s => s.Mentee).ToList(), score, explanation, members.Any(s => s.IsPinned));
        }).Where(g => g.Mentees.Count > 0).ToList();
        return new GroupProposal(groups, proposal.Unmatched, unavailable, proposal.Warnings.Distinct().ToList());
    }

    private static MatchProposal Place(IReadOnlyList<MatchParticipant> mentees, IEnumerable<MatchParticipant> leaders, MatchScorer scorer, int size, MatchConstraints constraints) =>
        MatchPlanner.Propose(mentees, leaders.Select(m => m with { Capacity = size - 1 }).ToList(), scorer, constraints);
}
