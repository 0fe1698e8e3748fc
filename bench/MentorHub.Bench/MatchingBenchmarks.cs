using BenchmarkDotNet.Attributes;
using MentorHub.Core.Domain;
using MentorHub.Core.Matching;

namespace MentorHub.Bench;

/// <summary>
/// Matching a large cohort: 2,000 mentees and 400 mentors (capacity 1-5, twelve competencies), with either objective,
/// and one mentee in fifty forbidden from one mentor in ten (the coordinator's forbidden pairs).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class MatchingBenchmarks
{
    private List<MatchParticipant> _mentees = [];
    private List<MatchParticipant> _mentors = [];
    private readonly MatchScorer _scorer = new(new MatchWeights { BranchRule = BranchRule.PreferDifferent }, ProgramFormat.OneToOne);

    private MatchConstraints _constraints = MatchConstraints.None;

    [Params(500, 2000)]
    public int Mentees { get; set; }

    [Params(MatchObjective.HighestTotal, MatchObjective.MostMatched)]
    public MatchObjective Objective { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (_mentees, _mentors) = MatchingData.Generate(Mentees, Mentees / 5);
        var forbidden = _mentees.Where((_, i) => i % 50 == 0).SelectMany(mentee => _mentors.Where((_, j) => j % 10 == 0).Select(mentor => new PairKey(mentee.Id, mentor.Id))).ToHashSet();
        _constraints = new MatchConstraints(new HashSet<PairKey>(), forbidden);
    }

    [Benchmark(Description = "Propose: score every pair, optimal assignment, explanations")]
    public MatchProposal Propose() => MatchPlanner.Propose(_mentees, _mentors, _scorer, _constraints, Objective);
}
