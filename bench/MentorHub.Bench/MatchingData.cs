using MentorHub.Core.Domain;
using MentorHub.Core.Matching;

namespace MentorHub.Bench;

/// <summary>A realistic, reproducible cohort: people want or offer a few of twelve competencies, with calendars and preferences.</summary>
public static class MatchingData
{
    public const int Competencies = 12;
    private static readonly string[] Branches = ["Central", "Eastside", "Northgate", "Westfield", "Harbour", "Riverside", "Hillcrest", "Old Town"];

    public static (List<MatchParticipant> Mentees, List<MatchParticipant> Mentors) Generate(int mentees, int mentors, int seed = 2026)
    {
        var random = new Random(seed);
        var menteeList = Enumerable.Range(1, mentees).Select(id => new MatchParticipant(id, $"Mentee {id}",
            Pick(random, random.Next(2, 5), 1, 4), [], Slots(random), Modality(random), Branches[random.Next(Branches.Length)],
            (CareerStage)random.Next(1, 4))).ToList();
        var mentorList = Enumerable.Range(100_000, mentors).Select(id => new MatchParticipant(id, $"Mentor {id}",
            [], Pick(random, random.Next(3, 7), 3, 6), Slots(random), Modality(random), Branches[random.Next(Branches.Length)],
            (CareerStage)random.Next(2, 5))
        { Capacity = random.Next(1, 6) }).ToList();
        return (menteeList, mentorList);
    }

    /// <summary>Four matching questions, one of each kind, two of them with deal-breakers.</summary>
    public static readonly QuestionRule[] Questions =
    [
        new(1, "How fast do you like to learn?", QuestionKind.Scale, MatchQuestion.ScalePoints, 3, DealBreakerBelow: 25),
        new(2, "Working style", QuestionKind.SingleChoice, 3, 2, DealBreakerBelow: null),
        new(3, "What matters most in a mentor", QuestionKind.Ranked, 4, 2, DealBreakerBelow: 20),
        new(4, "Topics beyond work", QuestionKind.MultipleChoice, 5, 1, DealBreakerBelow: null),
    ];

    /// <summary>The same people, each answering most of <see cref="Questions"/> (one in ten leaves a question blank).</summary>
    public static (List<MatchParticipant> Mentees, List<MatchParticipant> Mentors) WithAnswers(List<MatchParticipant> mentees, List<MatchParticipant> mentors, int seed = 2026)
    {
        var random = new Random(seed);
        Dictionary<int, int[]> Answers()
        {
            var answers = new Dictionary<int, int[]>();
            if (random.Next(10) > 0) answers[1] = [random.Next(1, 6)];
            if (random.Next(10) > 0) answers[2] = [random.Next(3)];
            if (random.Next(10) > 0) answers[3] = Enumerable.Range(0, 4).OrderBy(_ => random.Next()).ToArray();
            if (random.Next(10) > 0) answers[4] = Enumerable.Range(0, 5).Where(_ => random.Next(3) == 0).DefaultIfEmpty(random.Next(5)).ToArray();
            return answers;
        }
        return (mentees.Select(m => m with { Answers = Answers() }).ToList(), mentors.Select(m => m with { Answers = Answers() }).ToList());
    }

    private static List<CompetencyLevel> Pick(Random random, int count, int minLevel, int maxLevelExclusive) =>
        Enumerable.Range(1, Competencies).OrderBy(_ => random.Next()).Take(count)
            .Select(c => new CompetencyLevel(c, random.Next(minLevel, maxLevelExclusive))).ToList();

    private static int Slots(Random random)
    {
        var slots = 0;
        for (var i = 0; i < 4; i++) slots |= WeeklyAvailability.Slot((DayOfWeek)random.Next(1, 6), random.Next(3));
        return slots;
    }

    private static Modality? Modality(Random random) => random.Next(4) switch
    {
        0 => null,
        1 => Core.Domain.Modality.InPerson,
        2 => Core.Domain.Modality.Virtual,
        _ => Core.Domain.Modality.Hybrid,
    };
}
