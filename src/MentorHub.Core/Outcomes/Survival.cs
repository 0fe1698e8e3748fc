using MathNet.Numerics.Distributions;

namespace MentorHub.Core.Outcomes;

/// <summary>One person's follow-up: how long they were watched, and whether it ended with the event (leaving) or was cut short (still here).</summary>
public readonly record struct SurvivalObservation(double Time, bool Event);

/// <summary>The curve at one event time: who was at risk, what happened, the estimate and its 95% interval.</summary>
public sealed record SurvivalStep(double Time, int AtRisk, int Events, int Censored, double Survival, double StandardError, double Lower, double Upper);

/// <summary>A survival estimate read off the curve at a time, with its interval and how many were still followed.</summary>
public sealed record SurvivalAt(double Time, double Survival, double Lower, double Upper, int AtRisk);

/// <summary>A Kaplan-Meier curve: a step at each time someone left.</summary>
/// <param name="Times">Everyone's follow-up time, in order (for how many were still followed at a time).</param>
public sealed record SurvivalCurve(IReadOnlyList<SurvivalStep> Steps, int N, int Events, IReadOnlyList<double> Times)
{
    public double LongestFollowUp => Times.Count == 0 ? 0 : Times[^1];

    /// <summary>
    /// The estimate at <paramref name="time"/>: the last step at or before it (1 before the first event). Null past the
    /// longest follow-up, where the data say nothing.
    /// </summary>
    public SurvivalAt? At(double time)
    {
        if (N == 0 || time > LongestFollowUp) return null;
        var step = Steps.LastOrDefault(s => s.Time <= time);
        var atRisk = Times.Count(t => t >= time);
        return step is null ? new SurvivalAt(time, 1, 1, 1, atRisk) : new SurvivalAt(time, step.Survival, step.Lower, step.Upper, atRisk);
    }
}

/// <summary>
/// The Kaplan-Meier estimator with Greenwood's variance and a 95% interval on the log scale (the default of R's
/// <c>survfit</c>), clipped to [0, 1]. People censored at an event time count as at risk at that time.
/// </summary>
public static class KaplanMeier
{
    public static readonly double Z95 = Normal.InvCDF(0, 1, 0.975);

    public static SurvivalCurve Estimate(IEnumerable<SurvivalObservation> observations)
    {
        var sorted = observations.OrderBy(o => o.Time).ToList();
        var steps = new List<SurvivalStep>();
        var (atRisk, survival, greenwood) = (sorted.Count, 1.0, 0.0);
        foreach (var group in sorted.GroupBy(o => o.Time))
        {
            var events = group.Count(o => o.Event);
            var censored = group.Count() - events;
            if (events > 0)
            {
                survival *= 1 - (double)events / atRisk;
                // Greenwood's sum is undefined once everyone at risk has left (the survival is then 0 and so is its error).
                if (atRisk > events) greenwood += events / ((double)atRisk * (atRisk - events));
                var se = survival * Math.Sqrt(greenwood);
                var (lower, upper) = Interval(survival, greenwood);
                steps.Add(new SurvivalStep(group.Key, atRisk, events, censored, survival, se, lower, upper));
            }
            atRisk -= events + censored;
        }
        return new SurvivalCurve(steps, sorted.Count, sorted.Count(o => o.Event), sorted.Select(o => o.Time).ToList());
    }

    /// <summary>exp(log S ± z·SE(log S)), where SE(log S) is the square root of Greenwood's sum.</summary>
    private static (double Lower, double Upper) Interval(double survival, double greenwood)
    {
        if (survival <= 0) return (0, 0);
        var half = Z95 * Math.Sqrt(greenwood);
        return (Math.Exp(Math.Log(survival) - half), Math.Min(1, Math.Exp(Math.Log(survival) + half)));
    }
}

/// <summary>The two groups' observed and expected events, and the test of equal survival.</summary>
/// <param name="ChiSquare">Null when no one in either group had the event: there is nothing to compare.</param>
public sealed record LogRankResult(int ObservedA, double ExpectedA, int ObservedB, double ExpectedB, double Variance, double? ChiSquare, double? PValue);

/// <summary>The log-rank (Mantel-Cox) test of two survival curves, one degree of freedom.</summary>
public static class LogRank
{
    public static LogRankResult Test(IReadOnlyCollection<SurvivalObservation> a, IReadOnlyCollection<SurvivalObservation> b)
    {
        var all = a.Select(o => (o.Time, o.Event, InA: true)).Concat(b.Select(o => (o.Time, o.Event, InA: false))).OrderBy(o => o.Time).ToList();
        var (atRiskA, atRiskB) = (a.Count, b.Count);
        var (observedA, expectedA, observedB, expectedB, variance) = (0, 0.0, 0, 0.0, 0.0);
        foreach (var group in all.GroupBy(o => o.Time))
        {
            var eventsA = group.Count(o => o.InA && o.Event);
            var eventsB = group.Count(o => !o.InA && o.Event);
            var events = eventsA + eventsB;
            double atRisk = atRiskA + atRiskB;
            if (events > 0 && atRisk > 0)
            {
                observedA += eventsA;
                observedB += eventsB;
                expectedA += events * atRiskA / atRisk;
                expectedB += events * atRiskB / atRisk;
                if (atRisk > 1) variance += events * (atRiskA / atRisk) * (atRiskB / atRisk) * (atRisk - events) / (atRisk - 1);
            }
            atRiskA -= group.Count(o => o.InA);
            atRiskB -= group.Count(o => !o.InA);
        }
        if (observedA + observedB == 0 || variance <= 0) return new LogRankResult(observedA, expectedA, observedB, expectedB, variance, null, null);
        var chiSquare = Math.Pow(observedA - expectedA, 2) / variance;
        return new LogRankResult(observedA, expectedA, observedB, expectedB, variance, chiSquare, 1 - ChiSquared.CDF(1, chiSquare));
    }
}
