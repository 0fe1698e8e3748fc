using MentorHub.Core.Domain;
using MentorHub.Core.Matching;

namespace MentorHub.Tests.Matching;

public class GroupFormationTests
{
    private static readonly MatchScorer Scorer = new(new MatchWeights(), ProgramFormat.Group);

    private static MatchParticipant Mentee(int id, int competency) =>
        new(id, $"Mentee {id}", [new CompetencyLevel(competency, 1)], [], 0, null, null, CareerStage.EarlyCareer);

    private static MatchParticipant Mentor(int id, params int[] offers) =>
        new(id, $"Mentor {id}", [], offers.Select(o => new CompetencyLevel(o, 5)).ToList(), 0, null, null, CareerStage.Senior) { Capacity = 1 };

    private static MatchConstraints Constraints(PairKey[]? pinned = null, PairKey[]? forbidden = null) =>
        new((pinned ?? []).ToHashSet(), (forbidden ?? []).ToHashSet());

    [Fact]
    public void Only_as_many_groups_as_the_mentees_need_and_none_larger_than_the_size()
    {
        var mentees = Enumerable.Range(1, 5).Select(i => Mentee(i, 1)).ToList();
        var mentors = new[] { Mentor(100, 1), Mentor(101, 1), Mentor(102, 2), Mentor(103) };

        var proposal = GroupFormation.Form(mentees, mentors, Scorer, size: 4, Constraints());

        Assert.Equal(2, proposal.Groups.Count);
        Assert.All(proposal.Groups, g => Assert.InRange(g.Mentees.Count, 1, 3));
        Assert.Equal(5, proposal.Groups.Sum(g => g.Mentees.Count));
        Assert.Equal([100, 101], proposal.Groups.Select(g => g.Mentor.Id).Order());
    }

    [Fact]
    public void A_mentee_is_never_placed_with_a_mentor_they_are_forbidden_from()
    {
        var mentees = new[] { Mentee(1, 1), Mentee(2, 1) };
        var mentors = new[] { Mentor(100, 1), Mentor(101, 2) };

        var proposal = GroupFormation.Form(mentees, mentors, Scorer, size: 3, Constraints(forbidden: [new(1, 100)]));

        Assert.DoesNotContain(proposal.Groups, g => g.Mentor.Id == 100 && g.Mentees.Any(m => m.Id == 1));
        Assert.Equal(101, Assert.Single(proposal.Groups, g => g.Mentees.Any(m => m.Id == 1)).Mentor.Id);
    }

    [Fact]
    public void A_mentor_someone_is_pinned_to_leads_a_group_even_when_others_cover_more()
    {
        var mentees = new[] { Mentee(1, 1), Mentee(2, 1) };
        var mentors = new[] { Mentor(100, 1), Mentor(101, 9) };

        var proposal = GroupFormation.Form(mentees, mentors, Scorer, size: 3, Constraints(pinned: [new(2, 101)]));

        var pinned = Assert.Single(proposal.Groups, g => g.Mentor.Id == 101);
        Assert.True(pinned.HasPinnedMember);
        Assert.Contains(pinned.Mentees, m => m.Id == 2);
        Assert.Empty(proposal.Warnings);
    }
}
