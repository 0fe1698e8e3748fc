using MentorHub.Core.Domain;

namespace MentorHub.Core.Outcomes;

/// <summary>
/// One person on the roster as the outcome figures see them: when they were hired and left, their career stage and
/// branch, when they first took part in the programs looked at (null: never, so in the comparison group), and their
/// promotions. <paramref name="WaitlistedFrom"/>: a colleague who applied to a cohort that started without them, from
/// that cohort's start (the waitlist comparison group).
/// </summary>
public sealed record PersonHistory(int Id, DateOnly? HiredOn, DateOnly? LeftOn, CareerStage? Stage, string? Branch, DateOnly? ParticipatedFrom,
    IReadOnlyList<DateOnly> Promotions, DateOnly? WaitlistedFrom = null)
{
    public bool Participated => ParticipatedFrom is not null;

    public bool Waitlisted => !Participated && WaitlistedFrom is not null;
}

/// <summary>Survival at a landmark for each group.</summary>
public sealed record RetentionLandmark(int Months, SurvivalAt? Participants, SurvivalAt? Comparison, SurvivalAt? Waitlist);

/// <param name="Waitlist">Applicants who were not placed, followed from the start of the cohort they applied to.</param>
public sealed record RetentionComparison(SurvivalCurve Participants, SurvivalCurve Comparison, LogRankResult Test, IReadOnlyList<RetentionLandmark> Landmarks,
    SurvivalCurve Waitlist, LogRankResult WaitlistTest);

public sealed record PromotionComparison(int Years, Proportion Participants, Proportion Comparison, RatioEstimate Crude, RatioEstimate LikeForLike,
    Proportion Waitlist, RatioEstimate AgainstWaitlist);

/// <summary>
/// Participants against the staff who never took part. Each person is followed from a start: a participant from when
/// they first took part, a colleague from the programs' first start (or their hire date, if later), so both groups are
/// watched over the same calendar window. This is observational: people chose to join. Applicants who were not placed
/// are a third, fairer group (they wanted to join too), followed from the start of the cohort they were not placed in.
/// </summary>
public static class ParticipationComparison
{
    public const double DaysPerMonth = 30.4375;
    public static readonly int[] LandmarkMonths = [6, 12, 24];

    /// <summary>The day a person's follow-up starts, or null when they are outside the window (left before it, or hired after today).</summary>
    public static DateOnly? Start(PersonHistory person, DateOnly windowStart, DateOnly today) =>
        Within(person, person.ParticipatedFrom ?? (person.HiredOn is { } hired && hired > windowStart ? hired : windowStart), today);

    private static DateOnly? Within(PersonHistory person, DateOnly start, DateOnly today) =>
        start > today || person.LeftOn is { } left && left < start ? null : start;

    /// <summary>The groups compared, each with the day a member's follow-up starts (null: not followed).</summary>
    private static IEnumerable<(PersonHistory Person, DateOnly Start)> Group(IEnumerable<PersonHistory> people, Func<PersonHistory, DateOnly?> start) =>
        people.Select(p => (Person: p, Start: start(p))).Where(x => x.Start is not null).Select(x => (x.Person, x.Start!.Value));

    private static Func<PersonHistory, DateOnly?> Participants(DateOnly windowStart, DateOnly today) => p => p.Participated ? Start(p, windowStart, today) : null;

    private static Func<PersonHistory, DateOnly?> Colleagues(DateOnly windowStart, DateOnly today) => p => p.Participated ? null : Start(p, windowStart, today);

    private static Func<PersonHistory, DateOnly?> Waitlist(DateOnly today) => p => p.Waitlisted ? Within(p, p.WaitlistedFrom!.Value, today) : null;

    /// <summary>Staying on staff, as Kaplan-Meier curves in months from each person's start; leaving is the event, still here is censored today.</summary>
    public static RetentionComparison Retention(IReadOnlyCollection<PersonHistory> people, DateOnly windowStart, DateOnly today)
    {
        List<SurvivalObservation> Observations(Func<PersonHistory, DateOnly?> start) => Group(people, start)
            .Select(x =>
            {
                var left = x.Person.LeftOn is { } l && l <= today;
                var end = left ? x.Person.LeftOn!.Value : today;
                return new SurvivalObservation((end.DayNumber - x.Start.DayNumber) / DaysPerMonth, left);
            })
            .ToList();
        var (participants, comparison, waitlist) = (Observations(Participants(windowStart, today)), Observations(Colleagues(windowStart, today)), Observations(Waitlist(today)));
        var (a, b, w) = (KaplanMeier.Estimate(participants), KaplanMeier.Estimate(comparison), KaplanMeier.Estimate(waitlist));
        return new RetentionComparison(a, b, LogRank.Test(participants, comparison),
            LandmarkMonths.Select(m => new RetentionLandmark(m, a.At(m), b.At(m), w.At(m))).ToList(), w, LogRank.Test(participants, waitlist));
    }

    /// <summary>
    /// Promoted within <paramref name="years"/> of their start, among the people whose period has passed. The like-for-like ratio compares within strata of career stage, branch and tenure band.
    /// </summary>
    public static PromotionComparison Promotion(IReadOnlyCollection<PersonHistory> people, int years, DateOnly windowStart, DateOnly today)
    {
        // Only people whose whole period has passed count (counting early promotions of people still inside it would
        // favour whichever group joined later); someone who left before its end counts only if promoted first.
        List<(PersonHistory Person, bool Promoted, DateOnly Start)> Followed(Func<PersonHistory, DateOnly?> start) => Group(people, start)
            .Select(x => (x.Person, Promoted: x.Person.Promotions.Any(d => d >= x.Start && d <= x.Start.AddYears(years)), x.Start))
            .Where(x => x.Start.AddYears(years) <= today && (x.Promoted || x.Person.LeftOn is null || x.Person.LeftOn >= x.Start.AddYears(years)))
            .ToList();
        var followed = Followed(Participants(windowStart, today)).Concat(Followed(Colleagues(windowStart, today))).ToList();
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
        var waitlist = Count(Followed(Waitlist(today)));
        return new PromotionComparison(years, participants, comparison, RateRatio.Crude(participants, comparison), RateRatio.Stratified(strata),
            waitlist, RateRatio.Crude(participants, waitlist));
    }

    /// <summary>Years on staff at the start: under 2, 2 to 5, over 5 (unknown hire dates form their own band).</summary>
    public static string TenureBand(DateOnly? hiredOn, DateOnly start) => hiredOn is not { } hired ? "unknown"
        : start.DayNumber - hired.DayNumber < 2 * 365 ? "<2" : start.DayNumber - hired.DayNumber <= 5 * 365 ? "2-5" : ">5";
}
