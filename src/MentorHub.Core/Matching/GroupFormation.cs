namespace MentorHub.Core.Matching;

public sealed record MentoringGroup(MatchParticipant Mentor, IReadOnlyList<MatchParticipant> Mentees, double Score, string Explanation);

public sealed record GroupProposal(IReadOnlyList<MentoringGroup> Groups, IReadOnlyList<UnmatchedParticipant> Unmatched, IReadOnlyList<UnmatchedParticipant> UnavailableMentors)
{
    public double TotalScore => Math.Round(Groups.Sum(g => g.Score), 2);
}

/// <summary>
/// Group mentoring: each group has one mentor and up to <c>size - 1</c> mentees. Only as many groups are formed as
/// the mentees need; the mentors who cover the cohort's wanted competencies best lead them, and mentees are placed
/// with the optimal assignment so the total fit is as high as it can be.
/// </summary>
public static class GroupFormation
{
    public static GroupProposal Form(IReadOnlyList<MatchParticipant> mentees, IReadOnlyList<MatchParticipant> mentors, MatchScorer scorer, int size, MatchConstraints constraints)
    {
        if (size < 2) throw new ArgumentOutOfRangeException(nameof(size), "A group has at least a mentor and a mentee.");
        var unavailable = mentors.Where(m => m.NotMatchableReason is not null).Select(m => new UnmatchedParticipant(m, m.NotMatchableReason!)).ToList();
        var eligible = mentors.Where(m => m.NotMatchableReason is null).ToList();
        var groupCount = Math.Min(eligible.Count, (int)Math.Ceiling(mentees.Count / (double)(size - 1)));
        var leaders = eligible.OrderByDescending(m => mentees.Sum(t => scorer.Total(t, m))).ThenBy(m => m.Name).Take(groupCount).ToList();
        foreach (var spare in eligible.Except(leaders))
            unavailable.Add(new UnmatchedParticipant(spare, "Not needed to lead a group: there are enough groups for the mentees."));

        var leadersAsColumns = leaders.Select(m => m with { Capacity = size - 1 }).ToList();
        var proposal = MatchPlanner.Propose(mentees, leadersAsColumns, scorer, constraints);
        var groups = leaders.Select(leader =>
        {
            var members = proposal.Suggestions.Where(s => s.Mentor.Id == leader.Id).ToList();
            var score = members.Count == 0 ? 0 : Math.Round(members.Average(s => s.Score.Total), 2);
            var explanation = string.Join(" ", members.Select(s => $"{s.Mentee.Name}: {s.Score.Explain()}."));
            return new MentoringGroup(leader, members.Select(s => s.Mentee).ToList(), score, explanation);
        }).Where(g => g.Mentees.Count > 0).ToList();
        return new GroupProposal(groups, proposal.Unmatched, unavailable);
    }
}
