using MathNet.Numerics.Distributions;

namespace MentorHub.Core.Outcomes;

/// <summary>A figure with its 95% interval and the number of observations behind it; null bounds when n is too small for one.</summary>
public sealed record Estimate(int N, double Value, double? Lower, double? Upper)
{
    /// <summary>The same estimate with its interval kept inside the values the figure can take (a share cannot pass 100%).</summary>
    public Estimate Within(double min, double max) => this with { Lower = Lower is { } l ? Math.Max(min, l) : null, Upper = Upper is { } u ? Math.Min(max, u) : null };
}

/// <summary>Single-group estimates: a proportion, a mean, a count per person.</summary>
public static class Estimates
{
    /// <summary>
    /// A proportion with the Wilson score interval (Wilson 1927), which stays inside 0–1 and behaves for small groups
    /// and rates near 0 or 1, where the textbook normal interval does not.
    /// </summary>
    public static Estimate Share(Proportion p)
    {
        if (p.N == 0) return new Estimate(0, 0, null, null);
        var z = KaplanMeier.Z95;
        var (n, rate) = ((double)p.N, p.Rate);
        var centre = (rate + z * z / (2 * n)) / (1 + z * z / n);
        var half = z / (1 + z * z / n) * Math.Sqrt(rate * (1 - rate) / n + z * z / (4 * n * n));
        return new Estimate(p.N, rate, Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>
    /// Pearson's correlation of paired values with its 95% interval by Fisher's z (atanh r ± 1.96 / √(n − 3)); no
    /// interval under four pairs, and no correlation at all when either side does not vary.
    /// </summary>
    public static Estimate? Correlation(IReadOnlyList<(double X, double Y)> pairs)
    {
        var n = pairs.Count;
        if (n < 2) return null;
        var (meanX, meanY) = (pairs.Average(p => p.X), pairs.Average(p => p.Y));
        double sxy = 0, sxx = 0, syy = 0;
        foreach (var (x, y) in pairs)
        {
            sxy += (x - meanX) * (y - meanY);
            sxx += (x - meanX) * (x - meanX);
            syy += (y - meanY) * (y - meanY);
        }
        if (sxx < 1e-12 || syy < 1e-12) return null;
        var r = Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1, 1);
        if (n < 4) return new Estimate(n, r, null, null);
        var z = Math.Atanh(Math.Clamp(r, -0.999999, 0.999999));
        var half = KaplanMeier.Z95 / Math.Sqrt(n - 3);
        return new Estimate(n, r, Math.Tanh(z - half), Math.Tanh(z + half));
    }

    /// <summary>A mean with its t interval.</summary>
    public static Estimate Mean(IEnumerable<double> values)
    {
        var list = values.ToList();
        if (list.Count == 0) return new Estimate(0, 0, null, null);
        var mean = list.Average();
        return Around(list.Count, mean, list.Count < 2 ? 0 : list.Sum(v => (v - mean) * (v - mean)) / (list.Count - 1));
    }

    /// <summary>A mean with its t interval from the values' count, sum and sum of squares (as a database can add them up).</summary>
    public static Estimate Mean(int count, double sum, double sumOfSquares)
    {
        if (count == 0) return new Estimate(0, 0, null, null);
        var mean = sum / count;
        return Around(count, mean, count < 2 ? 0 : Math.Max(0, (sumOfSquares - sum * mean) / (count - 1)));
    }

    private static Estimate Around(int n, double mean, double variance)
    {
        if (n < 2) return new Estimate(n, mean, null, null);
        var half = StudentT.InvCDF(0, 1, n - 1, 0.975) * Math.Sqrt(variance / n);
        return new Estimate(n, mean, mean - half, mean + half);
    }

    /// <summary>
    /// Events per person (e.g. certifications per participant) with the exact Poisson interval (Garwood 1936):
    /// χ²(0.025; 2k)/2 to χ²(0.975; 2k + 2)/2 events, over the n people.
    /// </summary>
    public static Estimate PerPerson(int events, int people)
    {
        if (people == 0) return new Estimate(0, 0, null, null);
        var lower = events == 0 ? 0 : ChiSquared.InvCDF(2 * events, 0.025) / 2;
        var upper = ChiSquared.InvCDF(2 * events + 2, 0.975) / 2;
        return new Estimate(people, (double)events / people, lower / people, upper / people);
    }
}
