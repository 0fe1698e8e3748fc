using MentorHub.Core.Domain;

namespace MentorHub.Core.Matching;

/// <summary>
/// Scores a possible pair from 0 to 100 as a weighted sum of explainable criteria, each worth 0 to 1: competency
/// coverage, shared availability, modality, branch, the career-stage direction the program's format asks for, and
/// agreement on each of the program's matching questions, and (where mentees rank mentors) the mentee's choice. A
/// question's deal-breaker keeps a pair apart whatever it scores.
/// </summary>
public sealed class MatchScorer(MatchWeights weights, ProgramFormat format, IReadOnlyDictionary<int, string>? competencyNames = null, IReadOnlyList<QuestionRule>? questions = null,
    bool rankedChoices = false)
{
    private readonly IReadOnlyList<QuestionRule> _questions = questions ?? [];
    private readonly int _questionWeight = questions?.Sum(q => q.Weight) ?? 0;
    private readonly int _choiceWeight = rankedChoices ? weights.MenteeChoice : 0;

    /// <summary>
    /// The mentee's choice: 1 for their first, falling evenly for later ones (1, ⅔, ⅓ of three), 0 for a mentor they
    /// did not rank, and 0.5 when they ranked no one.
    /// </summary>
    private static double ChoiceValue(MatchParticipant mentee, MatchParticipant mentor)
    {
        var choices = mentee.Choices;
        if (choices.Count == 0) return 0.5;
        for (var rank = 0; rank < choices.Count; rank++)
        {
            if (choices[rank] == mentor.Id) return 1.0 - ((double)rank / choices.Count);
        }
        return 0;
    }

    private CriterionScore Choice(MatchParticipant mentee, MatchParticipant mentor)
    {
        var rank = 0;
        for (; rank < mentee.Choices.Count && mentee.Choices[rank] != mentor.Id; rank++) { }
        var explanation = mentee.Choices.Count == 0 ? "the mentee ranked no mentors"
            : rank < mentee.Choices.Count ? $"the mentee's {Ordinal(rank + 1)} choice of {mentee.Choices.Count}" : "not among the mentee's choices";
        return new("Mentee's choice", _choiceWeight, ChoiceValue(mentee, mentor), explanation);
    }

    private static string Ordinal(int n) => n switch { 1 => "1st", 2 => "2nd", 3 => "3rd", _ => $"{n}th" };

    /// <summary>The question whose deal-breaker this pair breaks, or null: such a pair is never proposed.</summary>
    public QuestionRule? DealBreaker(MatchParticipant mentee, MatchParticipant mentor)
    {
        foreach (var question in _questions)
        {
            if (QuestionAgreement.Breaks(question, mentee.Answers.GetValueOrDefault(question.Id), mentor.Answers.GetValueOrDefault(question.Id))) return question;
        }
        return null;
    }

    /// <summary>Agreement on a question, 0.5 when either has not answered it.</summary>
    private static double AgreementValue(QuestionRule question, MatchParticipant a, MatchParticipant b) =>
        a.Answers.TryGetValue(question.Id, out var x) && b.Answers.TryGetValue(question.Id, out var y) ? QuestionAgreement.Of(question, x, y) : 0.5;

    public MatchScore Score(MatchParticipant mentee, MatchParticipant mentor)
    {
        var criteria = new List<CriterionScore>(5)
        {
            Competency(mentee, mentor),
            Availability(mentee, mentor),
            ModalityFit(mentee, mentor),
            BranchFit(mentee, mentor),
            CareerDirection(mentee, mentor),
        };
        foreach (var question in _questions)
        {
            var answered = mentee.Answers.ContainsKey(question.Id) && mentor.Answers.ContainsKey(question.Id);
            var value = AgreementValue(question, mentee, mentor);
            criteria.Add(new(question.Text, question.Weight, value, answered ? $"{value * 100:0}% agreement" : "not answered by both"));
        }
        if (_choiceWeight > 0) criteria.Add(Choice(mentee, mentor));
        var totalWeight = criteria.Sum(c => c.Weight);
        if (totalWeight == 0) return new MatchScore(0, criteria);
        var scored = criteria.Select(c => c with { Points = 100.0 * c.Weight * c.Value / totalWeight }).ToList();
        return new MatchScore(Math.Round(scored.Sum(c => c.Points), 2), scored);
    }

    /// <summary>The same total as <see cref="Score"/>, without building explanations: for scoring every possible pair.</summary>
    public double Total(MatchParticipant mentee, MatchParticipant mentor)
    {
        var totalWeight = weights.Competency + weights.Availability + weights.Modality + weights.CareerStage + BranchWeight + _questionWeight + _choiceWeight;
        if (totalWeight == 0) return 0;
        double competency = 0;
        if (mentee.Wants.Count > 0)
        {
            foreach (var wanted in mentee.Wants) competency += Coverage(wanted.Level, Offered(mentor, wanted.CompetencyId));
            competency /= mentee.Wants.Count;
        }
        var sum = weights.Competency * competency
            + weights.Availability * AvailabilityValue(mentee, mentor)
            + weights.Modality * ModalityValue(mentee.Modality, mentor.Modality)
            + BranchWeight * BranchValue(mentee, mentor)
            + weights.CareerStage * CareerValue((int)mentor.CareerStage - (int)mentee.CareerStage);
        foreach (var question in _questions) sum += question.Weight * AgreementValue(question, mentee, mentor);
        if (_choiceWeight > 0) sum += _choiceWeight * ChoiceValue(mentee, mentor);
        return Math.Round(100.0 * sum / totalWeight, 2);
    }

    /// <summary>
    /// <see cref="Total"/> for every mentee and mentor at once, as [mentee][mentor], with <see cref="DealBreakerValue"/>
    /// for a pair that breaks a deal-breaker: what each mentor offers and each person's branch are looked up once
    /// instead of once a pair, and the rows are scored in parallel.
    /// </summary>
    public double[][] Totals(IReadOnlyList<MatchParticipant> mentees, IReadOnlyList<MatchParticipant> mentors)
    {
        var totalWeight = weights.Competency + weights.Availability + weights.Modality + weights.CareerStage + BranchWeight + _questionWeight + _choiceWeight;
        var competencyIndex = new Dictionary<int, int>();
        foreach (var mentee in mentees)
        {
            foreach (var wanted in mentee.Wants) competencyIndex.TryAdd(wanted.CompetencyId, competencyIndex.Count);
        }
        var offered = new int[mentors.Count][];
        for (var column = 0; column < mentors.Count; column++)
        {
            offered[column] = new int[competencyIndex.Count];
            foreach (var expertise in mentors[column].Offers)
            {
                if (competencyIndex.TryGetValue(expertise.CompetencyId, out var index) && expertise.Level > offered[column][index]) offered[column][index] = expertise.Level;
            }
        }
        static string? BranchKey(string? branch) => string.IsNullOrWhiteSpace(branch) ? null : branch.Trim().ToUpperInvariant();
        var mentorBranches = mentors.Select(m => BranchKey(m.Branch)).ToArray();
        var totals = new double[mentees.Count][];
        Parallel.For(0, mentees.Count, row =>
        {
            var mentee = mentees[row];
            var wants = mentee.Wants.Select(w => (Index: competencyIndex[w.CompetencyId], w.Level)).ToArray();
            var branch = BranchKey(mentee.Branch);
            var line = totals[row] = new double[mentors.Count];
            if (totalWeight == 0) return;
            for (var column = 0; column < mentors.Count; column++)
            {
                var mentor = mentors[column];
                double competency = 0;
                if (wants.Length > 0)
                {
                    foreach (var (index, level) in wants) competency += Coverage(level, offered[column][index]);
                    competency /= wants.Length;
                }
                double branchValue = 0;
                if (BranchWeight > 0)
                {
                    branchValue = branch is null || mentorBranches[column] is null ? 0.5
                        : (weights.BranchRule is BranchRule.PreferSame) == string.Equals(branch, mentorBranches[column], StringComparison.Ordinal) ? 1 : 0;
                }
                var sum = weights.Competency * competency
                    + weights.Availability * AvailabilityValue(mentee, mentor)
                    + weights.Modality * ModalityValue(mentee.Modality, mentor.Modality)
                    + BranchWeight * branchValue
                    + weights.CareerStage * CareerValue((int)mentor.CareerStage - (int)mentee.CareerStage);
                var broken = false;
                foreach (var question in _questions)
                {
                    var x = mentee.Answers.GetValueOrDefault(question.Id);
                    var y = mentor.Answers.GetValueOrDefault(question.Id);
                    broken |= QuestionAgreement.Breaks(question, x, y);
                    sum += question.Weight * (x is null || y is null ? 0.5 : QuestionAgreement.Of(question, x, y));
                }
                if (_choiceWeight > 0) sum += _choiceWeight * ChoiceValue(mentee, mentor);
                line[column] = broken ? DealBreakerValue : Math.Round(100.0 * sum / totalWeight, 2);
            }
        });
        return totals;
    }

    /// <summary>What <see cref="Totals"/> gives a pair that breaks a deal-breaker (scores themselves are 0 to 100).</summary>
    public const double DealBreakerValue = -1;

    private int BranchWeight => weights.BranchRule is BranchRule.Ignore ? 0 : weights.Branch;

    private static int Offered(MatchParticipant mentor, int competencyId)
    {
        var offered = 0;
        foreach (var expertise in mentor.Offers)
        {
            if (expertise.CompetencyId == competencyId && expertise.Level > offered) offered = expertise.Level;
        }
        return offered;
    }

    private static double Coverage(int menteeLevel, int mentorLevel) =>
        Math.Clamp((mentorLevel - menteeLevel) / (double)Math.Max(1, 5 - menteeLevel), 0, 1);

    /// <summary>
    /// For each competency the mentee wants: how much of the mentee's gap (from their level to 5) the mentor's level
    /// covers. A mentor at 4 for a mentee at 1 covers 3 of 4 levels: 0.75. Averaged over the wanted competencies.
    /// </summary>
    private CriterionScore Competency(MatchParticipant mentee, MatchParticipant mentor)
    {
        if (mentee.Wants.Count == 0)
            return new("Competencies", weights.Competency, 0, "the mentee named no competencies to develop");
        double sum = 0;
        var covered = new List<string>();
        foreach (var wanted in mentee.Wants)
        {
            var offered = Offered(mentor, wanted.CompetencyId);
            var coverage = Coverage(wanted.Level, offered);
            sum += coverage;
            if (coverage > 0) covered.Add($"{NameOf(wanted.CompetencyId)} ({offered} vs {wanted.Level})");
        }
        var value = sum / mentee.Wants.Count;
        var explanation = covered.Count == 0
            ? "covers none of the wanted competencies"
            : $"covers {covered.Count} of {mentee.Wants.Count} wanted: {string.Join(", ", covered)}";
        return new("Competencies", weights.Competency, value, explanation);
    }

    private CriterionScore Availability(MatchParticipant mentee, MatchParticipant mentor)
    {
        if (mentee.AvailabilitySlots == 0 || mentor.AvailabilitySlots == 0)
            return new("Availability", weights.Availability, 0.5, "availability not given by both");
        var shared = WeeklyAvailability.Count(mentee.AvailabilitySlots & mentor.AvailabilitySlots);
        return new("Availability", weights.Availability, AvailabilityValue(mentee, mentor), shared == 0 ? "no shared time slots" : $"{shared} shared time slot{(shared == 1 ? "" : "s")}");
    }

    /// <summary>Shared slots, counted against the smaller calendar (three shared slots are plenty); 0.5 when unknown.</summary>
    private static double AvailabilityValue(MatchParticipant mentee, MatchParticipant mentor)
    {
        if (mentee.AvailabilitySlots == 0 || mentor.AvailabilitySlots == 0) return 0.5;
        var shared = WeeklyAvailability.Count(mentee.AvailabilitySlots & mentor.AvailabilitySlots);
        var smaller = Math.Min(WeeklyAvailability.Count(mentee.AvailabilitySlots), WeeklyAvailability.Count(mentor.AvailabilitySlots));
        return Math.Min(1, shared / (double)Math.Max(1, Math.Min(smaller, 3)));
    }

    private static double ModalityValue(Modality? a, Modality? b) => (a, b) switch
    {
        (null, _) or (_, null) => 0.5,
        _ when a == b => 1.0,
        (Modality.Hybrid, _) or (_, Modality.Hybrid) => 0.5,
        _ => 0.0,
    };

    private double BranchValue(MatchParticipant mentee, MatchParticipant mentor)
    {
        if (BranchWeight == 0) return 0;
        if (string.IsNullOrWhiteSpace(mentee.Branch) || string.IsNullOrWhiteSpace(mentor.Branch)) return 0.5;
        var same = string.Equals(mentee.Branch.Trim(), mentor.Branch.Trim(), StringComparison.OrdinalIgnoreCase);
        return (weights.BranchRule is BranchRule.PreferSame ? same : !same) ? 1 : 0;
    }

    private double CareerValue(int difference) => format switch
    {
        ProgramFormat.Peer => difference == 0 ? 1.0 : Math.Abs(difference) == 1 ? 0.5 : 0.0,
        ProgramFormat.Reverse => difference < 0 ? 1.0 : difference == 0 ? 0.5 : 0.0,
        _ => difference > 0 ? 1.0 : difference == 0 ? 0.5 : 0.0,
    };

    private CriterionScore ModalityFit(MatchParticipant mentee, MatchParticipant mentor)
    {
        var explanation = (mentee.Modality, mentor.Modality) switch
        {
            (null, _) or (_, null) => "no preference on one side",
            var (a, b) when a == b => $"both prefer {Describe(a!.Value)}",
            (Modality.Hybrid, _) or (_, Modality.Hybrid) => "one prefers hybrid",
            _ => $"{Describe(mentee.Modality!.Value)} vs {Describe(mentor.Modality!.Value)}",
        };
        return new("Modality", weights.Modality, ModalityValue(mentee.Modality, mentor.Modality), explanation);
    }

    private CriterionScore BranchFit(MatchParticipant mentee, MatchParticipant mentor)
    {
        if (BranchWeight == 0) return new("Branch", 0, 0, "not considered");
        if (string.IsNullOrWhiteSpace(mentee.Branch) || string.IsNullOrWhiteSpace(mentor.Branch))
            return new("Branch", BranchWeight, 0.5, "branch not known for both");
        var same = string.Equals(mentee.Branch.Trim(), mentor.Branch.Trim(), StringComparison.OrdinalIgnoreCase);
        var preference = weights.BranchRule is BranchRule.PreferSame ? "same branch preferred" : "different branches preferred";
        return new("Branch", BranchWeight, BranchValue(mentee, mentor), (same ? $"both at {mentor.Branch}" : $"{mentee.Branch} and {mentor.Branch}") + $" ({preference})");
    }

    /// <summary>One-to-one and group: the mentor further on; reverse: the mentor earlier in their career; peer: the same stage.</summary>
    private CriterionScore CareerDirection(MatchParticipant mentee, MatchParticipant mentor)
    {
        var difference = (int)mentor.CareerStage - (int)mentee.CareerStage;
        var explanation = format switch
        {
            ProgramFormat.Peer => difference == 0 ? "same career stage" : $"{Math.Abs(difference)} stage{(Math.Abs(difference) == 1 ? "" : "s")} apart",
            ProgramFormat.Reverse => difference < 0 ? "mentor is earlier in their career, as reverse mentoring asks"
                : difference == 0 ? "same career stage" : "mentor is further on, not a reverse pair",
            _ => difference > 0 ? "mentor is further on in their career" : difference == 0 ? "same career stage" : "mentor is earlier in their career",
        };
        return new("Career stage", weights.CareerStage, CareerValue(difference), explanation);
    }

    private string NameOf(int competencyId) =>
        competencyNames is not null && competencyNames.TryGetValue(competencyId, out var name) ? name : $"competency {competencyId}";

    private static string Describe(Modality modality) => modality switch
    {
        Modality.InPerson => "in person",
        Modality.Virtual => "virtual",
        _ => "hybrid",
    };
}
