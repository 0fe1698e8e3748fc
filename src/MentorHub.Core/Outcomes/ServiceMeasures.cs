using MathNet.Numerics.Distributions;

namespace MentorHub.Core.Outcomes;

/// <summary>The difference of two means (a − b) with its Welch 95% interval; null bounds when either side has fewer than two values.</summary>
public sealed record MeanDifference(int NA, int NB, double Value, double? Lower, double? Upper);

/// <summary>A month's value of a library service measure.</summary>
public sealed record MonthValue(DateOnly Month, double Value);

/// <summary>
/// A service measure before the program (the six months before its first cohort started), during it (to its last
/// cohort's end) and after; the changes against before, and whether they are improvements.
/// </summary>
public sealed record MeasureChange(
    int MeasureId,
    int ProgramId,
    string Name,
    string Unit,
    bool HigherIsBetter,
    DateOnly ProgramStart,
    DateOnly? ProgramEnd,
    Estimate Before,
    Estimate During,
    Estimate After,
    MeanDifference? DuringVsBefore,
    MeanDifference? AfterVsBefore,
    IReadOnlyList<MonthValue> Months)
{
    /// <summary>True when the interval of the change lies wholly on the better side, false wholly on the worse, null when it includes no change.</summary>
    public bool? Improved(MeanDifference? change) => change?.Lower is not { } lower || change.Upper is not { } upper ? null
        : lower > 0 ? HigherIsBetter : upper < 0 ? !HigherIsBetter : null;
}

public static class ServiceMeasureChange
{
    public const int MonthsBefore = 6;

    public static MeasureChange Compare(int measureId, int programId, string name, string unit, bool higherIsBetter, DateOnly programStart, DateOnly? programEnd, IReadOnlyList<MonthValue> months)
    {
        var start = new DateOnly(programStart.Year, programStart.Month, 1);
        var end = programEnd is { } e ? new DateOnly(e.Year, e.Month, 1) : (DateOnly?)null;
        var before = months.Where(m => m.Month >= start.AddMonths(-MonthsBefore) && m.Month < start).Select(m => m.Value).ToList();
        var during = months.Where(m => m.Month >= start && (end is null || m.Month <= end)).Select(m => m.Value).ToList();
        var after = end is null ? [] : months.Where(m => m.Month > end).Select(m => m.Value).ToList();
        return new MeasureChange(measureId, programId, name, unit, higherIsBetter, programStart, programEnd,
            Estimates.Mean(before), Estimates.Mean(during), Estimates.Mean(after),
            Difference(during, before), Difference(after, before), months.OrderBy(m => m.Month).ToList());
    }

    /// <summary>Mean of <paramref name="a"/> minus mean of <paramref name="b"/> with Welch's interval (unequal variances, Welch-Satterthwaite degrees of freedom); null when either is empty.</summary>
    public static MeanDifference? Difference(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        if (a.Count == 0 || b.Count == 0) return null;
        var (meanA, meanB) = (a.Average(), b.Average());
        if (a.Count < 2 || b.Count < 2) return new MeanDifference(a.Count, b.Count, meanA - meanB, null, null);
        double Variance(IReadOnlyList<double> x, double mean) => x.Sum(v => (v - mean) * (v - mean)) / (x.Count - 1);
        var (va, vb) = (Variance(a, meanA) / a.Count, Variance(b, meanB) / b.Count);
        var se = Math.Sqrt(va + vb);
        if (se == 0) return new MeanDifference(a.Count, b.Count, meanA - meanB, meanA - meanB, meanA - meanB);
        var df = (va + vb) * (va + vb) / (va * va / (a.Count - 1) + vb * vb / (b.Count - 1));
        var half = StudentT.InvCDF(0, 1, df, 0.975) * se;
        return new MeanDifference(a.Count, b.Count, meanA - meanB, meanA - meanB - half, meanA - meanB + half);
    }
}
