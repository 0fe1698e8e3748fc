using MentorHub.Core.Domain;
using MentorHub.Core.Matching;

namespace MentorHub.Tests.Matching;

public class MatchFiguresTests
{
    private static MatchParticipant Person(int id, string? branch, CareerStage stage, int capacity = 1) =>
        new(id, $"Person {id}", [], [], 0, null, branch, stage) { Capacity = capacity };

    private static RunPair Pair(int mentor, int mentee, double score) => new($"{mentee}:{mentor}", [new(mentor, $"Person {mentor}")], [new(mentee, $"Person {mentee}")], score, IsPinned: false);

    [Fact]
    public void Figures_count_the_left_out_the_weakest_and_median_pair_each_mentors_load_and_the_spread_by_branch_and_stage()
    {
        var mentees = new[] { Person(1, "Central", CareerStage.EarlyCareer), Person(2, "Central", CareerStage.EarlyCareer), Person(3, "North", CareerStage.Developing), Person(4, null, CareerStage.Developing) };
        var mentors = new[] { Person(10, "Central", CareerStage.Senior, capacity: 2), Person(11, "North", CareerStage.Senior, capacity: 3) };
        var pairs = new[] { Pair(10, 1, 80), Pair(10, 2, 30), Pair(11, 3, 61) };

        var figures = MatchFigures.Of(mentees, mentors, pairs, minimumScore: 40);

        Assert.Equal((4, 3, 1, 171.0, 30.0, 61.0, 1), (figures.People, figures.Matched, figures.Unmatched, figures.TotalScore, figures.LowestScore!.Value, figures.MedianScore!.Value, figures.BelowMinimum));
        Assert.Equal([("Person 10", 2, 2), ("Person 11", 1, 3)], figures.MentorLoads.Select(l => (l.Mentor.Name, l.Proposed, l.Places)));
        Assert.Equal([("Branch not given", 1, 0, (double?)null), ("Central", 2, 2, 55.0), ("North", 1, 1, 61.0)],
            figures.ByBranch.Select(g => (g.Label, g.People, g.Matched, g.MeanScore)));
        Assert.Equal([("Developing", 2, 1, (double?)61.0), ("Early career", 2, 2, 55.0)], figures.ByCareerStage.Select(g => (g.Label, g.People, g.Matched, g.MeanScore)));
    }

    [Fact]
    public void A_saved_result_reads_back_as_it_was_written()
    {
        var mentees = new[] { Person(1, "Central", CareerStage.EarlyCareer), Person(2, "North", CareerStage.Developing) };
        var pairs = new[] { Pair(10, 1, 72.5), Pair(11, 2, 50) };
        var result = new MatchRunResult(pairs, [new RunUnmatched(new RunPerson(3, "Person 3"), "No mentor is enrolled in this cohort yet.")],
            MatchFigures.Of(mentees, [Person(10, null, CareerStage.Senior), Person(11, null, CareerStage.Senior)], pairs, 40));

        var read = MatchRunResult.FromJson(result.ToJson());

        Assert.True(read.SamePairsAs(result));
        Assert.Equal(result.Figures.MedianScore, read.Figures.MedianScore);
        Assert.Equal(result.Unmatched, read.Unmatched);
        Assert.Equal(result.Figures.ByBranch, read.Figures.ByBranch);
        Assert.False(read.SamePairsAs(result with { Pairs = [pairs[0]] }));
    }
}
