using BenchmarkDotNet.Attributes;
using MentorHub.Core.Domain;
using MentorHub.Core.Matching;

namespace MentorHub.Bench;

/// <summary>Matching a large cohort: 2,000 mentees and 400 mentors (capacity 1-5, twelve competencies).</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class MatchingBenchmarks
{
    private List<MatchParticipant> _mentees = [];
    private List<MatchParticipant> _mentors = [];
    private readonly MatchScorer _scorer = new(new MatchWeights { BranchRule = BranchRule.PreferDifferent }, ProgramFormat.OneToOne);

    [Params(500, 2000)]
    public int Mentees { get; set; }

    [GlobalSetup]
    public void Setup() => (_mentees, _mentors) = MatchingData.Generate(Mentees, Mentees / 5);

    [Benchmark(Description = "Propose: score every pair, optimal assignment, explanations")]
    public MatchProposal Propose() => MatchPlanner.Propose(_mentees, _mentors, _scorer, MatchConstraints.None);
}
