using MentorHub.Core.Domain;
using MentorHub.Core.Matching;

namespace MentorHub.Tests.Matching;

/// <summary>Mentees' shortlists: first suggestions within capacity, and nobody shown whom they cannot be matched with.</summary>
public class ShortlistTests
{
    private static readonly DateTime Now = new(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly QuestionRule Pace = new(1, "Preferred pace", QuestionKind.Scale, MatchQuestion.ScalePoints, 3, DealBreakerBelow: 50);

    private static MatchParticipant Person(Random random, int id, bool mentor) => new(id, $"P{id}",
        mentor ? [] : [new CompetencyLevel(random.Next(1, 4), random.Next(1, 4))],
        mentor ? [new CompetencyLevel(random.Next(1, 4), random.Next(2, 6))] : [],
        random.Next(0, 1 << 21), (Modality)random.Next(3), random.Next(2) == 0 ? "Central" : "North", (CareerStage)random.Next(1, 5))
    {
        Capacity = mentor ? random.Next(0, 3) : 1,
        NotMatchableReason = mentor && random.Next(8) == 0 ? "Required training not complete: Basics" : null,
        Answers = random.Next(4) == 0 ? new Dictionary<int, int[]>() : new Dictionary<int, int[]> { [Pace.Id] = [random.Next(1, 6)] },
    };

    private static MatchingInput Input(IReadOnlyList<MatchParticipant> mentees, IReadOnlyList<MatchParticipant> mentors, MatchConstraints constraints,
        IReadOnlyList<RequestRow> requests, MenteeChoiceMode mode = MenteeChoiceMode.Request) =>
        new(1, ProgramFormat.OneToOne, new DateOnly(2027, 3, 1), new DateOnly(2027, 9, 1), "Program", Guid.NewGuid(), new MatchWeights(),
            new Dictionary<int, string>(), [Pace], mentees, mentors, [], new HashSet<int>(), [], constraints)
        {
            ChoiceMode = mode,
            Requests = requests,
        };

    public static IEnumerable<object[]> Seeds => Enumerable.Range(0, 60).Select(seed => new object[] { seed });

    [Theory]
    [MemberData(nameof(Seeds))]
    public void No_mentor_is_a_first_suggestion_for_more_mentees_than_their_places_and_no_shortlist_shows_a_mentor_the_mentee_cannot_have(int seed)
    {
        var random = new Random(seed);
        var mentees = Enumerable.Range(1, random.Next(1, 30)).Select(i => Person(random, i, mentor: false)).ToList();
        var mentors = Enumerable.Range(100, random.Next(1, 10)).Select(i => Person(random, i, mentor: true)).ToList();
        var conflicts = new Dictionary<PairKey, string>();
        var forbidden = new HashSet<PairKey>();
        var requests = new List<RequestRow>();
        foreach (var mentee in mentees)
        {
            foreach (var mentor in mentors)
            {
                switch (random.Next(12))
                {
                    case 0: conflicts[new PairKey(mentee.Id, mentor.Id)] = "their own manager"; break;
                    case 1: forbidden.Add(new PairKey(mentee.Id, mentor.Id)); break;
                    case 2:
                        var status = (MentorRequestStatus)random.Next(7);
                        requests.Add(new RequestRow(requests.Count + 1, mentee.Id, mentor.Id, status, Now.AddDays(-8), Now.AddDays(random.Next(2) == 0 ? -1 : 1), null, null, Guid.NewGuid()));
                        break;
                }
            }
        }
        var pinned = mentees.Where(_ => random.Next(6) == 0).Select(m => new PairKey(m.Id, mentors[random.Next(mentors.Count)].Id)).ToHashSet();
        var constraints = new MatchConstraints(pinned, forbidden) { Conflicts = conflicts };
        var input = Input(mentees, mentors, constraints, requests);
        var size = random.Next(1, 6);
        var scorer = input.ScorerFor(new MatchSettings(input.ProgramSettings, MatchSettings.DefaultGroupSize));

        var lists = Shortlists.For(input, size, Now);

        Assert.Equal(mentees.Select(m => m.Id).Order(), lists.Keys.Order());
        foreach (var mentor in mentors)
            Assert.True(lists.Values.Count(l => l.Any(e => e.IsTopChoice && e.Mentor.Id == mentor.Id)) <= Math.Max(0, mentor.Capacity), $"{mentor.Name} is first for more than {mentor.Capacity}");
        var ruledOut = requests.Where(r => r.RulesOutMentor(Now)).Select(r => new PairKey(r.MenteeId, r.MentorId)).ToHashSet();
        foreach (var (menteeId, list) in lists)
        {
            var mentee = mentees.Single(m => m.Id == menteeId);
            Assert.True(list.Count <= size);
            Assert.Equal(list.Count, list.Select(e => e.Mentor.Id).Distinct().Count());
            Assert.True(list.Count(e => e.IsTopChoice) <= 1 && (list.Count == 0 || list.Skip(1).All(e => !e.IsTopChoice)));
            foreach (var entry in list)
            {
                var key = new PairKey(menteeId, entry.Mentor.Id);
                Assert.Null(entry.Mentor.NotMatchableReason);
                Assert.True(entry.Mentor.Capacity > 0);
                Assert.DoesNotContain(key, forbidden);
                Assert.DoesNotContain(key, ruledOut);
                Assert.False(conflicts.ContainsKey(key));
                Assert.Null(scorer.DealBreaker(mentee, entry.Mentor));
            }
            // After the first suggestion, the best remaining fits in order.
            var rest = list.Where(e => !e.IsTopChoice).Select(e => e.Score.Total).ToList();
            Assert.Equal(rest.OrderDescending(), rest);
        }
    }

    [Fact]
    public void A_mentor_with_one_place_is_first_for_one_mentee_even_when_they_are_everyones_best_fit()
    {
        var star = new MatchParticipant(100, "Star", [], [new CompetencyLevel(1, 5)], 0, null, null, CareerStage.Senior) { Capacity = 1 };
        var other = new MatchParticipant(101, "Other", [], [new CompetencyLevel(1, 3)], 0, null, null, CareerStage.Senior) { Capacity = 2 };
        var mentees = Enumerable.Range(1, 3).Select(i => new MatchParticipant(i, $"M{i}", [new CompetencyLevel(1, 1)], [], 0, null, null, CareerStage.EarlyCareer)).ToList();

        var lists = Shortlists.For(Input(mentees, [star, other], MatchConstraints.None, []), 2, Now);

        Assert.Equal(1, lists.Values.Count(l => l[0].Mentor.Id == star.Id && l[0].IsTopChoice));
        Assert.Equal(2, lists.Values.Count(l => l[0].Mentor.Id == other.Id && l[0].IsTopChoice));
        // Everyone still sees the star: as a second suggestion where they are not first.
        Assert.All(lists.Values, l => Assert.Contains(l, e => e.Mentor.Id == star.Id));
    }

    [Fact]
    public void Ranked_choices_count_only_where_mentees_rank_first_choice_highest_and_scoring_all_pairs_agrees()
    {
        var mentors = Enumerable.Range(100, 3).Select(i => new MatchParticipant(i, $"Mentor {i}", [], [new CompetencyLevel(1, 4)], 0, null, null, CareerStage.Senior)).ToList();
        var ranked = new MatchParticipant(1, "Ranked", [new CompetencyLevel(1, 2)], [], 0, null, null, CareerStage.EarlyCareer) { Choices = [102, 100] };
        var silent = ranked with { Id = 2, Name = "Silent", Choices = [] };
        var rankScorer = Input([ranked, silent], mentors, MatchConstraints.None, [], MenteeChoiceMode.Rank).ScorerFor(new MatchSettings(new MatchWeights(), 4));
        var plainScorer = Input([ranked, silent], mentors, MatchConstraints.None, [], MenteeChoiceMode.None).ScorerFor(new MatchSettings(new MatchWeights(), 4));

        var scores = mentors.Select(m => rankScorer.Score(ranked, m)).ToList();
        Assert.True(scores[2].Total > scores[0].Total && scores[0].Total > scores[1].Total);
        Assert.Equal("the mentee's 1st choice of 2", scores[2].Breakdown.Single(c => c.Criterion == "Mentee's choice").Explanation);
        Assert.Equal("not among the mentee's choices", scores[1].Breakdown.Single(c => c.Criterion == "Mentee's choice").Explanation);
        Assert.Equal(0.5, rankScorer.Score(silent, mentors[0]).Breakdown.Single(c => c.Criterion == "Mentee's choice").Value);
        Assert.All(mentors, m => Assert.DoesNotContain(plainScorer.Score(ranked, m).Breakdown, c => c.Criterion == "Mentee's choice"));
        Assert.Equal(plainScorer.Score(ranked, mentors[0]).Total, plainScorer.Score(ranked, mentors[2]).Total);

        var totals = rankScorer.Totals([ranked, silent], mentors);
        for (var column = 0; column < mentors.Count; column++)
        {
            Assert.Equal(rankScorer.Score(ranked, mentors[column]).Total, totals[0][column]);
            Assert.Equal(rankScorer.Total(silent, mentors[column]), totals[1][column]);
        }
        // The optimiser gives the mentee their first choice when nothing else tells the mentors apart.
        var proposal = MatchPlanner.Propose([ranked], mentors, rankScorer, MatchConstraints.None);
        Assert.Equal(102, Assert.Single(proposal.Suggestions).Mentor.Id);
    }
}
