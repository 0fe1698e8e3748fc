using BenchmarkDotNet.Attributes;
using MentorHub.Core.Domain;
using MentorHub.Core.Matching;

namespace MentorHub.Bench;

/// <summary>
/// Every mentee's shortlist of three in a cohort where mentees choose (what a mentee's shortlist page computes): the
/// same large cohort as <see cref="MatchingBenchmarks"/> with its four questions, one mentee in ten holding an open
/// request and one in ten with a mentor who declined them.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ShortlistBenchmarks
{
    private static readonly DateTime Now = new(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc);
    private MatchingInput _input = null!;

    [Params(500, 2000)]
    public int Mentees { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var (generatedMentees, generatedMentors) = MatchingData.Generate(Mentees, Mentees / 5);
        var (mentees, mentors) = MatchingData.WithAnswers(generatedMentees, generatedMentors);
        var requests = mentees.Where((_, i) => i % 10 == 0).Select((m, i) => new RequestRow(i + 1, m.Id, mentors[i % mentors.Count].Id, MentorRequestStatus.Pending, Now.AddDays(-1), Now.AddDays(6), null, null, Guid.NewGuid()))
            .Concat(mentees.Where((_, i) => i % 10 == 5).Select((m, i) => new RequestRow(100_000 + i, m.Id, mentors[(i * 7) % mentors.Count].Id, MentorRequestStatus.Declined, Now.AddDays(-3), Now.AddDays(4), null, null, Guid.NewGuid())))
            .ToList();
        var asking = requests.Where(r => r.Status is MentorRequestStatus.Pending).Select(r => r.MenteeId).ToHashSet();
        _input = new MatchingInput(1, ProgramFormat.OneToOne, new DateOnly(2027, 3, 1), new DateOnly(2027, 9, 1), "Bench", Guid.NewGuid(),
            new MatchWeights { BranchRule = BranchRule.PreferDifferent }, new Dictionary<int, string>(), MatchingData.Questions,
            mentees.Where(m => !asking.Contains(m.Id)).ToList(), mentors, [], new HashSet<int>(), [], MatchConstraints.None)
        {
            ChoiceMode = MenteeChoiceMode.Request,
            Requests = requests,
        };
    }

    [Benchmark(Description = "Every mentee's shortlist")]
    public IReadOnlyDictionary<int, IReadOnlyList<ShortlistEntry>> Everyone() => Shortlists.For(_input, 3, Now);

    [Benchmark(Description = "One mentee's shortlist (their page)")]
    public IReadOnlyDictionary<int, IReadOnlyList<ShortlistEntry>> OneMentee() => Shortlists.For(_input, 3, Now, new HashSet<int> { _input.Mentees[^1].Id });
}
