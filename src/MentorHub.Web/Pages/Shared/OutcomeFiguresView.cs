using System.Globalization;
using System.Text.Json;
using MentorHub.Core.Import;
using MentorHub.Core.Outcomes;

namespace MentorHub.Web.Pages.Shared;

/// <summary>
/// Outcome figures as the report pages show them (the partial <c>_OutcomeFigures</c>) and download them: groups under
/// the minimum size withheld everywhere, in the page, the chart data and the CSV files.
/// </summary>
/// <param name="CsvPath">The page's CSV handler, to which <c>&amp;figure=…</c> is added.</param>
/// <param name="Empty">What the page says when there are no figures at all.</param>
public sealed record OutcomeFiguresView(OutcomeFigures? Figures, int MinimumGroup, string CsvPath, string Empty)
{
    public bool Enough(int n) => n >= MinimumGroup;

    public static string Percent(double value) => value.ToString("P0", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal);

    public static string Number(double value, string format = "0.0") => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>The retention curves as the chart script reads them: steps in months, both groups.</summary>
    public string ChartJson()
    {
        if (Figures is not { } f) return "{}";
        object Points(SurvivalCurve curve) => Enough(curve.N)
            ? new[] { new { x = 0.0, y = 1.0 } }.Concat(curve.Steps.Select(s => new { x = Math.Round(s.Time, 2), y = Math.Round(s.Survival, 4) }))
                .Append(new { x = Math.Round(curve.LongestFollowUp, 2), y = Math.Round(curve.Steps.LastOrDefault()?.Survival ?? 1, 4) }).ToArray()
            : Array.Empty<object>();
        return JsonSerializer.Serialize(new { participants = Points(f.Retention.Participants), colleagues = Points(f.Retention.Comparison) });
    }

    /// <summary>A figure's data as a CSV file (retention curves or proficiency changes); null for anything else.</summary>
    public (byte[] Content, string Name)? Csv(string? figure) => Figures is not { } f ? null : figure switch
    {
        "retention" => (CsvFile.Write(["group", "months", "at risk", "left", "still on staff", "lower 95%", "upper 95%"],
            Curve("participants", f.Retention.Participants).Concat(Curve("colleagues", f.Retention.Comparison))), "retention.csv"),
        "proficiency" => (CsvFile.Write(["competency", "people", "mean change", "lower 95%", "upper 95%", "effect size (d_z)"],
            f.Proficiency.Where(p => Enough(p.Change.N))
                .Select(p => (IReadOnlyList<object?>)[p.Competency, p.Change.N, Round(p.Change.Mean), Round(p.Change.Lower), Round(p.Change.Upper), Round(p.Change.EffectSize)])), "proficiency.csv"),
        _ => null,
    };

    private IEnumerable<IReadOnlyList<object?>> Curve(string group, SurvivalCurve curve) => !Enough(curve.N) ? []
        : curve.Steps.Select(s => (IReadOnlyList<object?>)[group, Round(s.Time), s.AtRisk, s.Events, Round(s.Survival), Round(s.Lower), Round(s.Upper)]);

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 3) : null;
}
