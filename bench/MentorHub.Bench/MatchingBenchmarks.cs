using BenchmarkDotNet.Attributes;
using MentorHub.Core.Domain;
using MentorHub.Core.Matching;

namespace MentorHub.Bench;

/// <summary>
/// Matching a large cohort: 2,000 mentees and 400 mentors (capacity 1-5, twelve competencies), with either objective,
/// one mentee in fifty forbidden from one mentor in ten (the coordinator's forbidden pairs), one in a hundred pairs a
/// conflict of interest, and, with questions, four matching questions answered by both sides (two with deal-breakers).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class MatchingBenchmarks
{
    private List<MatchParticipant> _mentees = [];
    private List<MatchParticipant> _mentors = [];
    private MatchScorer _scorer = null!;

    private MatchConstraints _constraints = MatchConstraints.None;

    [Params(500, 2000)]
    public int Mentees { get; set; }

    [Params(MatchObjective.HighestTotal, MatchObjective.MostMatched)]
    public MatchObjective Objective { get; set; }

    [Params(false, true)]
    public bool Questions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (_mentees, _mentors) = MatchingData.Generate(Mentees, Mentees / 5);
        if (Questions) (_mentees, _mentors) = MatchingData.WithAnswers(_mentees, _mentors);
        _scorer = new MatchScorer(new MatchWeights { BranchRule = BranchRule.PreferDifferent }, ProgramFormat.OneToOne, null, Questions ? MatchingData.Questions : null);
        var forbidden = _mentees.Where((_, i) => i % 50 == 0).SelectMany(mentee => _mentors.Where((_, j) => j % 10 == 0).Select(mentor => new PairKey(mentee.Id, mentor.Id))).ToHashSet();
        var random = new Random(7);
        var conflicts = _mentees.SelectMany(mentee => _mentors.Where(_ => random.Next(100) == 0).Select(mentor => new PairKey(mentee.Id, mentor.Id)))
            .ToDictionary(p => p, _ => "a line manager");
        _constraints = new MatchConstraints(new HashSet<PairKey>(), forbidden) { Conflicts = conflicts };
    }

    [Benchmark(Description = "Propose: score every pair, optimal assignment, explanations")]
    public MatchProposal Propose() => MatchPlanner.Propose(_mentees, _mentors, _scorer, _constraints, Objective);
}
