using MentorHub.Core.Domain;
using MentorHub.Core.Matching;

namespace MentorHub.Tests.Matching;

public class MatchPlannerTests
{
    private static readonly MatchScorer Scorer = new(new MatchWeights(), ProgramFormat.OneToOne);

    private static MatchParticipant Mentee(int id, params (int Competency, int Level)[] wants) =>
        new(id, $"Mentee {id}", wants.Select(w => new CompetencyLevel(w.Competency, w.Level)).ToList(), [], 0, null, null, CareerStage.EarlyCareer);

    private static MatchParticipant Mentor(int id, int capacity, params (int Competency, int Level)[] offers) =>
        new(id, $"Mentor {id}", [], offers.Select(o => new CompetencyLevel(o.Competency, o.Level)).ToList(), 0, null, null, CareerStage.Senior) { Capacity = capacity };

    public static IEnumerable<object[]> Seeds => Enumerable.Range(0, 60).Select(seed => new object[] { seed });

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_proposal_has_the_brute_force_optimal_total_and_respects_capacities(int seed)
    {
        var random = new Random(seed);
        var mentees = Enumerable.Range(1, random.Next(1, 7)).Select(i => Mentee(i, (random.Next(1, 5), random.Next(1, 4)), (random.Next(1, 5), random.Next(1, 4)))).ToList();
        var mentors = Enumerable.Range(100, random.Next(1, 4)).Select(i => Mentor(i, random.Next(1, 3), (random.Next(1, 5), random.Next(2, 6)), (random.Next(1, 5), random.Next(2, 6)))).ToList();

        var proposal = MatchPlanner.Propose(mentees, mentors, Scorer, MatchConstraints.None);

        foreach (var mentor in mentors) Assert.True(proposal.Suggestions.Count(s => s.Mentor.Id == mentor.Id) <= mentor.Capacity);
        Assert.Equal(mentees.Count, proposal.Suggestions.Count + proposal.Unmatched.Count);
        Assert.Equal(BruteForce(mentees, mentors), proposal.TotalScore, precision: 2);
    }

    [Fact]
    public void Untrained_mentors_are_never_proposed_and_the_reason_is_given()
    {
        var mentees = new[] { Mentee(1, (1, 1)) };
        var untrained = Mentor(100, 3, (1, 5)) with { NotMatchableReason = "Required training not complete: Peer mentoring basics" };

        var proposal = MatchPlanner.Propose(mentees, [untrained], Scorer, MatchConstraints.None);

        Assert.Empty(proposal.Suggestions);
        Assert.Equal("Required training not complete: Peer mentoring basics", Assert.Single(proposal.UnavailableMentors).Reason);
        Assert.Contains("training", Assert.Single(proposal.Unmatched).Reason);
    }

    [Fact]
    public void Pinned_pairs_are_made_even_when_another_pair_would_score_more()
    {
        var mentees = new[] { Mentee(1, (1, 1)), Mentee(2, (2, 1)) };
        var mentors = new[] { Mentor(100, 1, (1, 5)), Mentor(101, 1, (2, 5)) };
        var constraints = new MatchConstraints(new HashSet<PairKey> { new(1, 101) }, new HashSet<PairKey>());

        var proposal = MatchPlanner.Propose(mentees, mentors, Scorer, constraints);

        var pinned = Assert.Single(proposal.Suggestions, s => s.IsPinned);
        Assert.Equal((1, 101), (pinned.Mentee.Id, pinned.Mentor.Id));
        Assert.Equal(100, Assert.Single(proposal.Suggestions, s => s.Mentee.Id == 2).Mentor.Id);
    }

    [Fact]
    public void Forbidden_pairs_are_never_proposed()
    {
        var mentees = new[] { Mentee(1, (1, 1)) };
        var mentors = new[] { Mentor(100, 1, (1, 5)), Mentor(101, 1, (1, 3)) };
        var constraints = new MatchConstraints(new HashSet<PairKey>(), new HashSet<PairKey> { new(1, 100) });

        var proposal = MatchPlanner.Propose(mentees, mentors, Scorer, constraints);

        Assert.Equal(101, Assert.Single(proposal.Suggestions).Mentor.Id);
    }

    [Fact]
    public void A_mentee_left_out_for_lack_of_places_is_told_why()
    {
        var mentees = new[] { Mentee(1, (1, 1)), Mentee(2, (1, 1)) };
        var mentors = new[] { Mentor(100, 1, (1, 5)) };

        var proposal = MatchPlanner.Propose(mentees, mentors, Scorer, MatchConstraints.None);

        Assert.StartsWith("Not enough places: 1 place for 2 mentees. Their best fit, Mentor 100", Assert.Single(proposal.Unmatched).Reason);
    }

    [Theory]
    [InlineData(BranchRule.Ignore, 1)]
    [InlineData(BranchRule.PreferSame, 2)]
    [InlineData(BranchRule.PreferDifferent, 3)]
    public void Scoring_every_pair_at_once_gives_each_pair_its_own_total(BranchRule rule, int seed)
    {
        var random = new Random(seed);
        string? Branch() => random.Next(4) switch { 0 => null, 1 => " Central", 2 => "central", _ => "North" };
        MatchParticipant Person(int id) => new(id, $"P{id}",
            Enumerable.Range(0, random.Next(0, 4)).Select(_ => new CompetencyLevel(random.Next(1, 8), random.Next(1, 5))).ToList(),
            Enumerable.Range(0, random.Next(0, 4)).Select(_ => new CompetencyLevel(random.Next(1, 8), random.Next(1, 6))).ToList(),
            random.Next(0, 1 << 21) * random.Next(2), random.Next(4) == 0 ? null : (Modality)random.Next(3), Branch(), (CareerStage)random.Next(1, 5));
        var scorer = new MatchScorer(new MatchWeights { BranchRule = rule, Branch = 3 }, (ProgramFormat)random.Next(4));
        var mentees = Enumerable.Range(1, 30).Select(Person).ToList();
        var mentors = Enumerable.Range(100, 12).Select(Person).ToList();

        var totals = scorer.Totals(mentees, mentors);

        for (var row = 0; row < mentees.Count; row++)
        {
            for (var column = 0; column < mentors.Count; column++)
                Assert.Equal(scorer.Total(mentees[row], mentors[column]), totals[row][column]);
        }
    }

    [Fact]
    public void The_unmatched_are_told_the_real_cause_when_no_mentor_can_take_anyone()
    {
        var mentees = new[] { Mentee(1, (1, 1)) };
        var untrained = Mentor(100, 2, (1, 5)) with { NotMatchableReason = "Required training not complete: Basics" };
        var full = Mentor(101, 0, (1, 5));

        Assert.Equal("No mentor is enrolled in this cohort yet: invite or import mentors.",
            Assert.Single(MatchPlanner.Propose(mentees, [], Scorer, MatchConstraints.None).Unmatched).Reason);
        Assert.Equal("No mentor can take a mentee now: 1 mentor has no place left (raise a capacity or enroll more mentors).",
            Assert.Single(MatchPlanner.Propose(mentees, [full], Scorer, MatchConstraints.None).Unmatched).Reason);
        var both = MatchPlanner.Propose(mentees, [untrained, full, Mentor(102, 0)], Scorer, MatchConstraints.None);
        Assert.Equal("No mentor can take a mentee now: 1 mentor has required training to complete, and 2 mentors have no place left (raise a capacity or enroll more mentors).",
            Assert.Single(both.Unmatched).Reason);
        Assert.Equal([MatchPlanner.NoPlacesLeft, MatchPlanner.NoPlacesLeft], both.UnavailableMentors.Where(u => u.Participant.Id != 100).Select(u => u.Reason));
    }

    [Fact]
    public void A_mentee_forbidden_from_every_mentor_with_a_place_is_told_so()
    {
        var mentees = new[] { Mentee(1, (1, 1)), Mentee(2, (1, 1)) };
        var mentors = new[] { Mentor(100, 2, (1, 5)), Mentor(101, 1, (1, 3)) };
        var constraints = new MatchConstraints(new HashSet<PairKey>(), new HashSet<PairKey> { new(1, 100), new(1, 101) });

        var proposal = MatchPlanner.Propose(mentees, mentors, Scorer, constraints);

        Assert.Equal("Every mentor with a place is ruled out for them: 2 pairings are forbidden by a coordinator.", Assert.Single(proposal.Unmatched).Reason);
        Assert.Equal(2, Assert.Single(proposal.Suggestions).Mentee.Id);
    }

    [Fact]
    public void A_pair_that_scores_nothing_is_still_proposed_rather_than_leaving_the_mentee_out()
    {
        var competencyOnly = new MatchScorer(new MatchWeights { Availability = 0, Modality = 0, CareerStage = 0 }, ProgramFormat.OneToOne);
        var proposal = MatchPlanner.Propose([Mentee(1, (1, 1))], [Mentor(100, 1, (2, 5))], competencyOnly, MatchConstraints.None);

        Assert.Equal(0, Assert.Single(proposal.Suggestions).Score.Total);
        Assert.Empty(proposal.Unmatched);
    }

    [Fact]
    public void Most_matched_takes_a_weaker_pair_to_match_one_more_person_where_highest_total_does_not()
    {
        // Mentee 1 fits mentor 100 fully (100) and mentor 101 barely (12.5); mentee 2 can only go with mentor 100 (50).
        var weights = new MatchWeights { Availability = 0, Modality = 0, CareerStage = 0 };
        var scorer = new MatchScorer(weights, ProgramFormat.OneToOne);
        var mentees = new[] { Mentee(1, (1, 1), (2, 1)), Mentee(2, (1, 1), (3, 1)) };
        var mentors = new[] { Mentor(100, 1, (1, 5), (2, 5)), Mentor(101, 1, (2, 2)) };
        var constraints = new MatchConstraints(new HashSet<PairKey>(), new HashSet<PairKey> { new(2, 101) });

        var highest = MatchPlanner.Propose(mentees, mentors, scorer, constraints, MatchObjective.HighestTotal);
        var most = MatchPlanner.Propose(mentees, mentors, scorer, constraints, MatchObjective.MostMatched);

        Assert.Single(highest.Suggestions);
        Assert.Equal(2, most.Suggestions.Count);
        Assert.True(highest.TotalScore > most.TotalScore);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Most_matched_never_leaves_more_people_out_than_highest_total_and_is_the_best_total_among_the_largest_matchings(int seed)
    {
        var random = new Random(seed);
        var mentees = Enumerable.Range(1, random.Next(1, 7)).Select(i => Mentee(i, (random.Next(1, 5), random.Next(1, 4)), (random.Next(1, 5), random.Next(1, 4)))).ToList();
        var mentors = Enumerable.Range(100, random.Next(1, 4)).Select(i => Mentor(i, random.Next(1, 3), (random.Next(1, 5), random.Next(2, 6)))).ToList();
        var forbidden = mentees.SelectMany(m => mentors.Select(t => new PairKey(m.Id, t.Id))).Where(_ => random.Next(3) == 0).ToHashSet();
        var constraints = new MatchConstraints(new HashSet<PairKey>(), forbidden);

        var highest = MatchPlanner.Propose(mentees, mentors, Scorer, constraints, MatchObjective.HighestTotal);
        var most = MatchPlanner.Propose(mentees, mentors, Scorer, constraints, MatchObjective.MostMatched);

        Assert.True(most.Unmatched.Count <= highest.Unmatched.Count);
        Assert.DoesNotContain(most.Suggestions, s => forbidden.Contains(new PairKey(s.Mentee.Id, s.Mentor.Id)));
        var (count, total) = BruteForceMostMatched(mentees, mentors, forbidden);
        Assert.Equal(count, most.Suggestions.Count);
        Assert.Equal(total, most.TotalScore, precision: 2);
    }

    [Fact]
    public void The_breakdown_explains_the_score_and_adds_up_to_it()
    {
        var mentee = Mentee(1, (1, 1), (2, 3));
        var mentor = Mentor(100, 1, (1, 4));

        var score = Scorer.Score(mentee, mentor);

        Assert.Equal(score.Total, score.Breakdown.Sum(c => c.Points), precision: 1);
        Assert.Equal(score.Total, Scorer.Total(mentee, mentor), precision: 2);
        Assert.Contains("covers 1 of 2 wanted", score.Explain());
    }

    [Fact]
    public void Reverse_format_prefers_the_earlier_career_mentor()
    {
        var reverse = new MatchScorer(new MatchWeights(), ProgramFormat.Reverse);
        var senior = new MatchParticipant(1, "Senior", [new(1, 1)], [], 0, null, null, CareerStage.Senior);
        var junior = new MatchParticipant(2, "Junior", [], [new(1, 4)], 0, null, null, CareerStage.EarlyCareer);
        var peerOfSenior = junior with { Id = 3, CareerStage = CareerStage.Senior };

        Assert.True(reverse.Total(senior, junior) > reverse.Total(senior, peerOfSenior));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(9)]
    public void Peer_pairing_is_optimal_for_small_groups(int seed)
    {
        var random = new Random(seed);
        var peerScorer = new MatchScorer(new MatchWeights(), ProgramFormat.Peer);
        var peers = Enumerable.Range(1, 7).Select(i => new MatchParticipant(i, $"Peer {i}",
            [new(random.Next(1, 5), random.Next(1, 4))], [new(random.Next(1, 5), random.Next(2, 6))], 0, null, null, (CareerStage)random.Next(1, 5))).ToList();

        var proposal = PeerPairing.Pair(peers, peerScorer, MatchConstraints.None);

        Assert.Equal(BruteForcePeers(peers, peerScorer), proposal.TotalScore, precision: 1);
        Assert.Equal(peers.Count, proposal.Pairs.Count * 2 + proposal.Unmatched.Count);
    }

    private static double BruteForce(IReadOnlyList<MatchParticipant> mentees, IReadOnlyList<MatchParticipant> mentors)
    {
        double best = 0;
        var load = new int[mentors.Count];
        void Visit(int i, double total)
        {
            if (i == mentees.Count) { best = Math.Max(best, total); return; }
            Visit(i + 1, total);
            for (var j = 0; j < mentors.Count; j++)
            {
                var score = Scorer.Total(mentees[i], mentors[j]);
                if (score <= 0 || load[j] >= mentors[j].Capacity) continue;
                load[j]++;
                Visit(i + 1, total + score);
                load[j]--;
            }
        }
        Visit(0, 0);
        return Math.Round(best, 2);
    }

    private static (int Count, double Total) BruteForceMostMatched(IReadOnlyList<MatchParticipant> mentees, IReadOnlyList<MatchParticipant> mentors, HashSet<PairKey> forbidden)
    {
        (int Count, double Total) best = (0, 0);
        var load = new int[mentors.Count];
        void Visit(int i, int count, double total)
        {
            if (i == mentees.Count)
            {
                if (count > best.Count || (count == best.Count && total > best.Total)) best = (count, total);
                return;
            }
            Visit(i + 1, count, total);
            for (var j = 0; j < mentors.Count; j++)
            {
                if (forbidden.Contains(new PairKey(mentees[i].Id, mentors[j].Id)) || load[j] >= mentors[j].Capacity) continue;
                load[j]++;
                Visit(i + 1, count + 1, total + Scorer.Total(mentees[i], mentors[j]));
                load[j]--;
            }
        }
        Visit(0, 0, 0);
        return (best.Count, Math.Round(best.Total, 2));
    }

    private static double BruteForcePeers(List<MatchParticipant> peers, MatchScorer scorer)
    {
        double Best(List<MatchParticipant> left)
        {
            if (left.Count < 2) return 0;
            var first = left[0];
            var rest = left.Skip(1).ToList();
            var best = Best(rest);
            foreach (var other in rest)
                best = Math.Max(best, Math.Round(PeerPairing.PairScore(first, other, scorer), 2) + Best(rest.Where(p => p != other).ToList()));
            return best;
        }
        return Best(peers);
    }
}
