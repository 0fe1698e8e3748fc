using MathNet.Numerics.Distributions;

namespace MentorHub.Core.Outcomes;

/// <summary>How many of a group had the outcome.</summary>
public readonly record struct Proportion(int Events, int N)
{
    public double Rate => N == 0 ? 0 : (double)Events / N;
}

/// <summary>A ratio of two rates with its 95% interval; null figures when it cannot be estimated (a group with no one, or no events).</summary>
public sealed record RatioEstimate(double? Ratio, double? Lower, double? Upper, string? NotEstimable)
{
    public static RatioEstimate Cannot(string why) => new(null, null, null, why);
}

/// <summary>Rate ratios: participants against a comparison group, crude and stratified (like for like).</summary>
public static class RateRatio
{
    /// <summary>
    /// The ratio of two proportions with the log-method 95% interval (Katz et al. 1978):
    /// SE(log RR) = sqrt(1/a − 1/n₁ + 1/c − 1/n₀).
    /// </summary>
    public static RatioEstimate Crude(Proportion exposed, Proportion comparison)
    {
        if (exposed.N == 0 || comparison.N == 0) return RatioEstimate.Cannot("One of the groups has no one in it.");
        if (exposed.Events == 0 || comparison.Events == 0) return RatioEstimate.Cannot("One of the groups has no events, so the ratio has no finite interval.");
        var ratio = exposed.Rate / comparison.Rate;
        var se = Math.Sqrt(1.0 / exposed.Events - 1.0 / exposed.N + 1.0 / comparison.Events - 1.0 / comparison.N);
        return Around(ratio, se);
    }

    /// <summary>
    /// The Mantel-Haenszel ratio over strata (e.g. career stage × branch × tenure band) with the Greenland-Robins (1985)
    /// variance of its log. Strata with no one on either side add nothing, which is what makes it like for like.
    /// </summary>
    public static RatioEstimate Stratified(IEnumerable<(Proportion Exposed, Proportion Comparison)> strata)
    {
        var (numerator, denominator, variance) = (0.0, 0.0, 0.0);
        var informative = 0;
        foreach (var (exposed, comparison) in strata)
        {
            if (exposed.N == 0 || comparison.N == 0) continue;
            informative++;
            double total = exposed.N + comparison.N;
            numerator += exposed.Events * comparison.N / total;
            denominator += comparison.Events * exposed.N / total;
            variance += (exposed.N * (double)comparison.N * (exposed.Events + comparison.Events) - exposed.Events * (double)comparison.Events * total) / (total * total);
        }
        if (informative == 0) return RatioEstimate.Cannot("No stratum has people on both sides to compare.");
        if (numerator == 0 || denominator == 0) return RatioEstimate.Cannot("One side has no events in the comparable strata.");
        return Around(numerator / denominator, Math.Sqrt(variance / (numerator * denominator)));
    }

    private static RatioEstimate Around(double ratio, double seOfLog)
    {
        var half = KaplanMeier.Z95 * seOfLog;
        return new RatioEstimate(ratio, Math.Exp(Math.Log(ratio) - half), Math.Exp(Math.Log(ratio) + half), null);
    }
}

/// <summary>Change within the same people (before → after): mean, its 95% t interval, and the paired effect size.</summary>
/// <param name="EffectSize">Cohen's d for paired data (d_z): the mean change over the standard deviation of the changes.</param>
public sealed record PairedChange(int N, double Mean, double? StandardDeviation, double? Lower, double? Upper, double? EffectSize);

public static class Paired
{
    /// <summary>Null figures where n is too small for them (an interval needs two pairs; an effect size needs changes that differ).</summary>
    public static PairedChange Change(IEnumerable<(double Before, double After)> pairs)
    {
        var changes = pairs.Select(p => p.After - p.Before).ToList();
        if (changes.Count == 0) return new PairedChange(0, 0, null, null, null, null);
        var mean = changes.Average();
        if (changes.Count < 2) return new PairedChange(1, mean, null, null, null, null);
        var sd = Math.Sqrt(changes.Sum(c => (c - mean) * (c - mean)) / (changes.Count - 1));
        var half = StudentT.InvCDF(0, 1, changes.Count - 1, 0.975) * sd / Math.Sqrt(changes.Count);
        return new PairedChange(changes.Count, mean, sd, mean - half, mean + half, sd > 0 ? mean / sd : null);
    }
}
