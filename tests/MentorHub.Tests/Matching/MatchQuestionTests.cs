using MentorHub.Core.Domain;
using MentorHub.Core.Matching;

namespace MentorHub.Tests.Matching;

public class MatchQuestionTests
{
    private static readonly QuestionRule Pace = new(1, "Preferred pace", QuestionKind.Scale, MatchQuestion.ScalePoints, 3, DealBreakerBelow: 50);
    private static readonly QuestionRule Style = new(2, "Working style", QuestionKind.SingleChoice, 3, 2, DealBreakerBelow: null);
    private static readonly QuestionRule Values = new(3, "What matters most", QuestionKind.Ranked, 4, 2, DealBreakerBelow: 40);
    private static readonly QuestionRule Topics = new(4, "Topics to talk about", QuestionKind.MultipleChoice, 5, 1, DealBreakerBelow: 1);
    private static readonly QuestionRule[] Questions = [Pace, Style, Values, Topics];

    [Fact]
    public void Agreement_runs_from_0_to_1_for_each_kind_of_question()
    {
        Assert.Equal(1, QuestionAgreement.Of(Pace, [3], [3]));
        Assert.Equal(0.5, QuestionAgreement.Of(Pace, [1], [3]));
        Assert.Equal(0, QuestionAgreement.Of(Pace, [1], [5]));
        Assert.Equal((1.0, 0.0), (QuestionAgreement.Of(Style, [2], [2]), QuestionAgreement.Of(Style, [2], [0])));
        Assert.Equal(1, QuestionAgreement.Of(Values, [0, 1, 2, 3], [0, 1, 2, 3]));
        Assert.Equal(0, QuestionAgreement.Of(Values, [0, 1, 2, 3], [3, 2, 1, 0]));
        Assert.Equal(0.75, QuestionAgreement.Of(Values, [0, 1, 2, 3], [1, 0, 2, 3]));
        Assert.Equal(1 / 3.0, QuestionAgreement.Of(Topics, [0, 1], [1, 2]), precision: 6);
    }

    [Fact]
    public void A_deal_breaker_applies_only_when_both_answered_and_they_agree_less_than_the_threshold()
    {
        Assert.True(QuestionAgreement.Breaks(Pace, [1], [4]));
        Assert.False(QuestionAgreement.Breaks(Pace, [1], [3]));
        Assert.False(QuestionAgreement.Breaks(Pace, [1], null));
        Assert.False(QuestionAgreement.Breaks(Style, [0], [1]));
        Assert.True(QuestionAgreement.Breaks(Topics, [0], [1]));
    }

    [Fact]
    public void A_question_checks_its_answers_and_options()
    {
        var ranked = new MatchQuestion("What matters most", QuestionKind.Ranked, ["Patience", "Expertise", "Humour", ""], 2, 40);
        Assert.Equal(["Patience", "Expertise", "Humour"], ranked.OptionList);
        Assert.Equal("2,0,1", ranked.Normalize([2, 0, 1]));
        Assert.Equal("Rank every option of “What matters most” once, from 1 to 3.", Assert.Throws<DomainException>(() => ranked.Normalize([0, 0, 1])).Message);
        var many = new MatchQuestion("Topics", QuestionKind.MultipleChoice, ["A", "B", "C"], 1, null);
        Assert.Equal("0,2", many.Normalize([2, 0]));
        Assert.Throws<DomainException>(() => new MatchQuestion("Style", QuestionKind.SingleChoice, ["Only one"], 1, null));
        Assert.Throws<DomainException>(() => new MatchQuestion("Pace", QuestionKind.Scale, [], 11, null));
        Assert.Throws<DomainException>(() => new MatchQuestion("Pace", QuestionKind.Scale, [], 1, 0));
        Assert.Throws<DomainException>(() => new MatchQuestion("Pace", QuestionKind.Scale, [], 1, null).Normalize([6]));
    }

    private static Dictionary<int, int[]> RandomAnswers(Random random)
    {
        var answers = new Dictionary<int, int[]>();
        if (random.Next(5) > 0) answers[Pace.Id] = [random.Next(1, 6)];
        if (random.Next(5) > 0) answers[Style.Id] = [random.Next(3)];
        if (random.Next(5) > 0) answers[Values.Id] = Enumerable.Range(0, 4).OrderBy(_ => random.Next()).ToArray();
        if (random.Next(5) > 0) answers[Topics.Id] = Enumerable.Range(0, 5).Where(_ => random.Next(3) == 0).DefaultIfEmpty(random.Next(5)).ToArray();
        return answers;
    }

    private static MatchParticipant Person(Random random, int id, bool offers) => new(id, $"P{id}",
        offers ? [] : [new CompetencyLevel(random.Next(1, 4), random.Next(1, 4))],
        offers ? [new CompetencyLevel(random.Next(1, 4), random.Next(2, 6))] : [],
        random.Next(0, 1 << 21), (Modality)random.Next(3), random.Next(2) == 0 ? "Central" : "North", (CareerStage)random.Next(1, 5))
    {
        Capacity = random.Next(1, 4),
        Answers = RandomAnswers(random),
    };

    /// <summary>Random conflicts of interest, as the loader would find them (a manager, a previous mentor).</summary>
    private static MatchConstraints RandomConflicts(Random random, IEnumerable<MatchParticipant> mentees, IEnumerable<MatchParticipant> mentors, bool bothWays = false)
    {
        var conflicts = new Dictionary<PairKey, string>();
        foreach (var mentee in mentees)
        {
            foreach (var mentor in mentors.Where(m => m.Id != mentee.Id && random.Next(6) == 0))
            {
                conflicts[new PairKey(mentee.Id, mentor.Id)] = "their own manager";
                if (bothWays) conflicts[new PairKey(mentor.Id, mentee.Id)] = "their own manager";
            }
        }
        var pinned = mentees.Where(_ => random.Next(4) == 0).Select(m => new PairKey(m.Id, mentors.ElementAt(random.Next(mentors.Count())).Id)).Where(p => p.MenteeId != p.MentorId).ToHashSet();
        return new MatchConstraints(pinned, new HashSet<PairKey>()) { Conflicts = conflicts };
    }

    public static IEnumerable<object[]> Seeds => Enumerable.Range(0, 80).Select(seed => new object[] { seed });

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Deal_breakers_and_conflicts_of_interest_are_never_proposed_in_any_format_even_when_pinned(int seed)
    {
        var random = new Random(seed);
        var format = (ProgramFormat)(seed % 4);
        var scorer = new MatchScorer(new MatchWeights(), format, null, Questions);
        var mentees = Enumerable.Range(1, random.Next(2, 16)).Select(i => Person(random, i, offers: format is ProgramFormat.Peer)).ToList();
        var mentors = Enumerable.Range(100, random.Next(1, 6)).Select(i => Person(random, i, offers: true)).ToList();

        IEnumerable<(MatchParticipant A, MatchParticipant B)> pairs;
        MatchConstraints constraints;
        switch (format)
        {
            case ProgramFormat.Peer:
                constraints = RandomConflicts(random, mentees, mentees, bothWays: true);
                pairs = PeerPairing.Pair(mentees, scorer, constraints).Pairs.Select(p => (p.First, p.Second));
                break;
            case ProgramFormat.Group:
                constraints = RandomConflicts(random, mentees, mentors);
                pairs = GroupFormation.Form(mentees, mentors, scorer, random.Next(2, 6), constraints).Groups.SelectMany(g => g.Mentees.Select(m => (m, g.Mentor)));
                break;
            default:
                constraints = RandomConflicts(random, mentees, mentors);
                var objective = random.Next(2) == 0 ? MatchObjective.HighestTotal : MatchObjective.MostMatched;
                pairs = MatchPlanner.Propose(mentees, mentors, scorer, constraints, objective).Suggestions.Select(s => (s.Mentee, s.Mentor));
                break;
        }

        foreach (var (a, b) in pairs)
        {
            Assert.Null(scorer.DealBreaker(a, b));
            Assert.Null(constraints.ConflictOf(a.Id, b.Id));
            Assert.Null(constraints.ConflictOf(b.Id, a.Id));
        }
    }

    [Fact]
    public void Questions_count_in_the_score_and_explain_it_and_scoring_all_pairs_at_once_agrees()
    {
        var random = new Random(11);
        var scorer = new MatchScorer(new MatchWeights(), ProgramFormat.OneToOne, null, Questions);
        var mentees = Enumerable.Range(1, 25).Select(i => Person(random, i, offers: false)).ToList();
        var mentors = Enumerable.Range(100, 10).Select(i => Person(random, i, offers: true)).ToList();

        var totals = scorer.Totals(mentees, mentors);

        for (var row = 0; row < mentees.Count; row++)
        {
            for (var column = 0; column < mentors.Count; column++)
            {
                var expected = scorer.DealBreaker(mentees[row], mentors[column]) is null ? scorer.Total(mentees[row], mentors[column]) : MatchScorer.DealBreakerValue;
                Assert.Equal(expected, totals[row][column]);
            }
        }
        var same = new Dictionary<int, int[]> { [Pace.Id] = [2], [Style.Id] = [1], [Values.Id] = [0, 1, 2, 3], [Topics.Id] = [4] };
        var score = scorer.Score(mentees[0] with { Answers = same }, mentors[0] with { Answers = same });
        var pace = Assert.Single(score.Breakdown, c => c.Criterion == "Preferred pace");
        Assert.Equal((1.0, "100% agreement"), (pace.Value, pace.Explanation));
        Assert.Equal(score.Total, Math.Round(score.Breakdown.Sum(c => c.Points), 2));
    }

    [Fact]
    public void A_mentee_kept_apart_from_every_mentor_is_told_which_rules_did_it()
    {
        var scorer = new MatchScorer(new MatchWeights(), ProgramFormat.OneToOne, null, [Pace]);
        var mentee = new MatchParticipant(1, "Mentee", [], [], 0, null, null, CareerStage.EarlyCareer) { Answers = new Dictionary<int, int[]> { [Pace.Id] = [1] } };
        MatchParticipant Mentor(int id, int pace) => new(id, $"Mentor {id}", [], [], 0, null, null, CareerStage.Senior) { Answers = new Dictionary<int, int[]> { [Pace.Id] = [pace] } };
        var constraints = new MatchConstraints(new HashSet<PairKey> { new(1, 101) }, new HashSet<PairKey> { new(1, 102) }) { Conflicts = new Dictionary<PairKey, string> { [new(1, 101)] = "Mentor 101 is their manager" } };

        var proposal = MatchPlanner.Propose([mentee], [Mentor(100, 5), Mentor(101, 1), Mentor(102, 1)], scorer, constraints);

        Assert.Empty(proposal.Suggestions);
        Assert.Equal("Every mentor with a place is ruled out for them: 1 pairing is forbidden by a coordinator; 1 is a conflict of interest; 1 breaks a deal-breaker in the matching questions.",
            Assert.Single(proposal.Unmatched).Reason);
        Assert.Contains("Mentee is pinned to Mentor 101, but they cannot be matched: Mentor 101 is their manager. The pin is left out.", proposal.Warnings);
    }
}
