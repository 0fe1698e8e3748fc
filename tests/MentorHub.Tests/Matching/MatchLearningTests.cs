using MentorHub.Core.Domain;
using MentorHub.Core.Matching;
using MentorHub.Core.Outcomes;

namespace MentorHub.Tests.Matching;

/// <summary>Learning from outcomes: the correlation and its interval, and the weights it suggests.</summary>
public class MatchLearningTests
{
    [Fact]
    public void The_correlation_has_fishers_interval_and_none_when_a_side_does_not_vary_or_pairs_are_too_few()
    {
        var estimate = Estimates.Correlation([(1, 2), (2, 4), (3, 5), (4, 4), (5, 5)])!;
        Assert.Equal(5, estimate.N);
        Assert.Equal(0.774597, estimate.Value, 5);
        Assert.Equal(-0.340082, estimate.Lower!.Value, 5);
        Assert.Equal(0.984236, estimate.Upper!.Value, 5);

        Assert.Null(Estimates.Correlation([(1, 2), (1, 3), (1, 5)]));
        Assert.Null(Estimates.Correlation([(1, 2)]));
        var three = Estimates.Correlation([(1, 1), (2, 3), (3, 2)])!;
        Assert.Equal((3, (double?)null), (three.N, three.Lower));
        Assert.Equal(-1, Estimates.Correlation([(1, 3), (2, 2), (3, 1), (4, 0), (5, -1)])!.Value, 9);
    }

    private static readonly QuestionRule Pace = new(7, "Preferred pace", QuestionKind.Scale, MatchQuestion.ScalePoints, 3, DealBreakerBelow: null);

    /// <summary>
    /// Forty pairs: competency coverage goes with meetings held, a question's agreement against it, same-branch pairs
    /// went worse, availability is noise.
    /// </summary>
    private static List<PastPair> Pairs()
    {
        var random = new Random(5);
        return Enumerable.Range(1, 40).Select(i =>
        {
            var competency = random.NextDouble();
            var agreement = random.NextDouble();
            var sameBranch = random.Next(2);
            var adherence = 0.6 * competency - 0.3 * agreement - 0.2 * sameBranch + 0.1 * random.NextDouble();
            return new PastPair(i, new Dictionary<string, double>
            {
                [MatchLearning.Competency] = competency,
                [MatchLearning.Availability] = random.NextDouble(),
                [MatchLearning.Branch] = sameBranch,
                [MatchLearning.Career] = 1,
                [MatchLearning.QuestionKey(Pace.Id)] = agreement,
            }, new Dictionary<RelationshipOutcome, double> { [RelationshipOutcome.MeetingAdherence] = adherence });
        }).ToList();
    }

    [Fact]
    public void Only_clear_links_change_a_weight_the_strongest_positive_gets_ten_and_a_clear_negative_gets_nothing()
    {
        var current = new MatchWeights { Competency = 3, Availability = 4, Modality = 1, Branch = 2, CareerStage = 2, BranchRule = BranchRule.PreferSame };

        var report = MatchLearning.Analyse(Pairs(), current, [Pace]);
        var byKey = report.Findings.ToDictionary(f => f.Key);

        Assert.Equal(40, report.Pairs);
        Assert.True(byKey[MatchLearning.Competency].IsClear && byKey[MatchLearning.Competency].Overall!.Value > 0.5);
        Assert.Equal(10, report.Suggested.Competency);
        Assert.False(byKey[MatchLearning.Availability].IsClear);
        Assert.Equal(4, report.Suggested.Availability);
        Assert.Null(byKey[MatchLearning.Career].Overall);
        Assert.Equal(2, report.Suggested.CareerStage);
        Assert.Null(byKey[MatchLearning.Modality].Overall);
        Assert.True(byKey[MatchLearning.QuestionKey(Pace.Id)].Overall!.Upper < 0);
        Assert.Equal(0, report.SuggestedQuestionWeights[Pace.Id]);
        Assert.Equal(BranchRule.PreferDifferent, report.Suggested.BranchRule);
        Assert.InRange(report.Suggested.Branch, 1, 9);
        Assert.Equal(report.Findings.Single(f => f.Key == MatchLearning.Competency).ByOutcome[RelationshipOutcome.MeetingAdherence]!.Value,
            byKey[MatchLearning.Competency].Overall!.Value, 9);
        Assert.True(report.SuggestsChange);
        // The program's own settings are left as they were.
        Assert.Equal((3, BranchRule.PreferSame), (current.Competency, current.BranchRule));
    }

    [Fact]
    public void With_no_clear_link_the_suggestion_is_the_current_settings()
    {
        var random = new Random(9);
        var noise = Enumerable.Range(1, 12).Select(i => new PastPair(i, new Dictionary<string, double> { [MatchLearning.Competency] = random.NextDouble() },
            new Dictionary<RelationshipOutcome, double> { [RelationshipOutcome.Feedback] = random.Next(1, 6) })).ToList();

        var report = MatchLearning.Analyse(noise, new MatchWeights(), []);

        Assert.False(report.SuggestsChange);
        Assert.All(report.Findings, f => Assert.Equal(f.CurrentWeight, f.SuggestedWeight));
    }

    [Fact]
    public void Criteria_a_side_gave_nothing_for_are_left_out_and_branch_reads_as_the_same_branch()
    {
        var mentee = new MatchParticipant(1, "Mentee", [new CompetencyLevel(4, 1)], [], 0, Modality.Virtual, "Central", CareerStage.Senior)
        {
            Answers = new Dictionary<int, int[]> { [Pace.Id] = [2] },
        };
        var mentor = new MatchParticipant(2, "Mentor", [], [new CompetencyLevel(4, 5)], WeeklyAvailability.Slot(DayOfWeek.Monday, 0), null, "central", CareerStage.EarlyCareer);

        var values = MatchLearning.CriteriaOf(mentee, mentor, ProgramFormat.Reverse, [Pace]);

        Assert.Equal(1, values[MatchLearning.Competency]);
        Assert.Equal(1, values[MatchLearning.Branch]);
        Assert.Equal(1, values[MatchLearning.Career]);
        Assert.False(values.ContainsKey(MatchLearning.Availability));
        Assert.False(values.ContainsKey(MatchLearning.Modality));
        Assert.False(values.ContainsKey(MatchLearning.QuestionKey(Pace.Id)));
    }
}
