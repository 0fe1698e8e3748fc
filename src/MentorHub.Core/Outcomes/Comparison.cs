using MentorHub.Core.Domain;

namespace MentorHub.Core.Outcomes;

/// <summary>
/// One person on the roster as the outcome figures see them: when they were hired and left, their career stage and
/// branch, when they first took part in the programs looked at (null: never, so in the comparison group), and their
/// promotions.
/// </summary>
public sealed record PersonHistory(int Id, DateOnly? HiredOn, DateOnly? LeftOn, CareerStage? Stage, string? Branch, DateOnly? ParticipatedFrom, IReadOnlyList<DateOnly> Promotions)
{
    public bool Participated => ParticipatedFrom is not null;
}

/// <summary>Survival at a landmark for both groups.</summary>
public sealed record RetentionLandmark(int Months, SurvivalAt? Participants, SurvivalAt? Comparison);

public sealed record RetentionComparison(SurvivalCurve Participants, SurvivalCurve Comparison, LogRankResult Test, IReadOnlyList<RetentionLandmark> Landmarks);

public sealed record PromotionComparison(int Years, Proportion Participants, Proportion Comparison, RatioEstimate Crude, RatioEstimate LikeForLike);

/// <summary>
/// Participants against the staff who never took part. Each person is followed from a start: a participant from when
/// they first took part, a colleague from the programs' first start (or their hire date, if later), so both groups are
/// watched over the same calendar window. This is observational: people chose to join.
/// </summary>
public static class ParticipationComparison
{
    public const double DaysPerMonth = 30.4375;
    public static readonly int[] LandmarkMonths = [6, 12, 24];

    /// <summary>The day a person's follow-up starts, or null when they are outside the window (left before it, or hired after today).</summary>
    public static DateOnly? Start(PersonHistory person, DateOnly windowStart, DateOnly today)
    {
        var start = person.ParticipatedFrom ?? (person.HiredOn is { } hired && hired > windowStart ? hired : windowStart);
        if (start > today || person.LeftOn is { } left && left < start) return null;
        return start;
    }

    /// <summary>Staying on staff, as Kaplan-Meier curves in months from each person's start; leaving is the event, still here is censored today.</summary>
    public static RetentionComparison Retention(IReadOnlyCollection<PersonHistory> people, DateOnly windowStart, DateOnly today)
    {
        List<SurvivalObservation> Observations(bool participants) => people.Where(p => p.Participated == participants)
            .Select(p => (Person: p, Start: Start(p, windowStart, today)))
            .Where(x => x.Start is not null)
            .Select(x =>
            {
                var left = x.Person.LeftOn is { } l && l <= today;
                var end = left ? x.Person.LeftOn!.Value : today;
                return new SurvivalObservation((end.DayNumber - x.Start!.Value.DayNumber) / DaysPerMonth, left);
            })
            .ToList();
        var (participants, comparison) = (Observations(true), Observations(false));
        var (a, b) = (KaplanMeier.Estimate(participants), KaplanMeier.Estimate(comparison));
        return new RetentionComparison(a, b, LogRank.Test(participants, comparison),
            LandmarkMonths.Select(m => new RetentionLandmark(m, a.At(m), b.At(m))).ToList());
    }

    /// <summary>
    /// Promoted within <paramref name="years"/> of their start, among the people whose period has passed. The like-for-like ratio compares within strata of career stage, branch and tenure band.
    /// </summary>
    public static PromotionComparison Promotion(IReadOnlyCollection<PersonHistory> people, int years, DateOnly windowStart, DateOnly today)
    {
        var followed = people.Select(p => (Person: p, Start: Start(p, windowStart, today)))
            .Where(x => x.Start is not null)
            .Select(x => (x.Person, Promoted: x.Person.Promotions.Any(d => d >= x.Start!.Value && d <= x.Start.Value.AddYears(years)), Start: x.Start!.Value))
            // Only people whose whole period has passed count (counting early promotions of people still inside it
            // would favour whichever group joined later); someone who left before its end counts only if promoted first.
            .Where(x => x.Start.AddYears(years) <= today && (x.Promoted || x.Person.LeftOn is null || x.Person.LeftOn >= x.Start.AddYears(years)))
            .ToList();
        Proportion Count(IEnumerable<(PersonHistory Person, bool Promoted, DateOnly Start)> group)
        {
            var list = group.ToList();
            return new Proportion(list.Count(x => x.Promoted), list.Count);
        }
        var participants = Count(followed.Where(x => x.Person.Participated));
        var comparison = Count(followed.Where(x => !x.Person.Participated));
        var strata = followed.GroupBy(x => (x.Person.Stage, Branch: x.Person.Branch?.ToUpperInvariant(), Tenure: TenureBand(x.Person.HiredOn, x.Start)))
            .Select(g => (Count(g.Where(x => x.Person.Participated)), Count(g.Where(x => !x.Person.Participated))))
            .ToList();
        return new PromotionComparison(years, participants, comparison, RateRatio.Crude(participants, comparison), RateRatio.Stratified(strata));
    }

    /// <summary>Years on staff at the start: under 2, 2 to 5, over 5 (unknown hire dates form their own band).</summary>
    public static string TenureBand(DateOnly? hiredOn, DateOnly start) => hiredOn is not { } hired ? "unknown"
        : start.DayNumber - hired.DayNumber < 2 * 365 ? "<2" : start.DayNumber - hired.DayNumber <= 5 * 365 ? "2-5" : ">5";
}
