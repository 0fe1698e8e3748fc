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
    public ReportFilter Filter { get; init; } = new();

    /// <summary>The promotion period shown.</summary>
    public int Years { get; init; } = 1;

    /// <summary>The cohorts the page may be narrowed to (a program's report); empty where only dates apply.</summary>
    public IReadOnlyList<ReportCohort> CohortChoices { get; init; } = [];

    /// <summary>Where the service measures are kept (a program's report); null across programs.</summary>
    public string? MeasuresLink { get; init; }

    /// <summary>
    /// Whose figures these are, stamped before they were loaded (<see cref="FiguresCache.Stamp"/>); null: render each time.
    /// </summary>
    public string? Stamp { get; init; }

    /// <summary>
    /// The key the partial keeps its rendering under until the figures go stale: formatting a library's figures costs more
    /// than the page's queries. It names everything the partial shows: whose figures, the day they are for, the filter.
    /// </summary>
    public string? KeptAs => Stamp is null ? null : $"{Stamp}|{Figures?.Today:O}|{Filter.Query(Years)}|{Filter.Problem}";

    public bool Enough(int n) => n >= MinimumGroup;

    /// <summary>A cohort row shows figures only when the cohort has enough participants.</summary>
    public bool Enough(CohortOutcome cohort) => Enough(cohort.Participants);

    public static string Percent(double value) => Headlines.Percent(value);

    public static string Number(double value, string format = "0.0") => Headlines.Number(value, format);

    /// <summary>The retention curves as the chart script reads them: steps in months, for each group.</summary>
    public string ChartJson()
    {
        if (Figures is not { } f) return "{}";
        object Points(SurvivalCurve curve) => Enough(curve.N)
            ? new[] { new { x = 0.0, y = 1.0 } }.Concat(curve.Steps.Select(s => new { x = Math.Round(s.Time, 2), y = Math.Round(s.Survival, 4) }))
                .Append(new { x = Math.Round(curve.LongestFollowUp, 2), y = Math.Round(curve.Steps.LastOrDefault()?.Survival ?? 1, 4) }).ToArray()
            : Array.Empty<object>();
        return JsonSerializer.Serialize(new { participants = Points(f.Retention.Participants), colleagues = Points(f.Retention.Comparison), waitlist = Points(f.Retention.Waitlist) });
    }

    /// <summary>Mean proficiency at baseline and at exit per competency with enough people, for the before/after chart.</summary>
    public string ProficiencyJson()
    {
        var shown = (Figures?.Proficiency ?? []).Where(p => Enough(p.Change.N)).ToList();
        return JsonSerializer.Serialize(new
        {
            labels = shown.Select(p => p.Competency),
            before = shown.Select(p => Math.Round(p.MeanBefore, 2)),
            after = shown.Select(p => Math.Round(p.MeanAfter, 2)),
        });
    }

    /// <summary>The months of the trend with enough answers to show.</summary>
    public IReadOnlyList<TrendPoint> Trend => Figures?.Trend.Where(t => Enough(t.Confidence.N) || Enough(t.Satisfaction.N)).ToList() ?? [];

    public string TrendJson() => JsonSerializer.Serialize(new
    {
        months = Trend.Select(t => t.Month),
        confidence = Trend.Select(t => Enough(t.Confidence.N) ? Math.Round(t.Confidence.Value, 2) : (double?)null),
        satisfaction = Trend.Select(t => Enough(t.Satisfaction.N) ? Math.Round(t.Satisfaction.Value, 2) : (double?)null),
    });

    /// <summary>The cohorts with enough participants, as shares for the cohort chart (the "all cohorts" row left out).</summary>
    public string CohortsJson()
    {
        var shown = (Figures?.Cohorts ?? []).Where(c => c.CohortId is not null && Enough(c)).ToList();
        double? Share(Estimate e) => Enough(e.N) ? Math.Round(e.Value * 100, 1) : null;
        return JsonSerializer.Serialize(new
        {
            labels = shown.Select(c => c.Name),
            completion = shown.Select(c => Share(c.Completion)),
            adherence = shown.Select(c => Share(c.Adherence)),
            goals = shown.Select(c => Share(c.Goals)),
        });
    }

    /// <summary>Which period of its program a month of a service measure falls in.</summary>
    public static string Period(MeasureChange measure, DateOnly month)
    {
        var start = new DateOnly(measure.ProgramStart.Year, measure.ProgramStart.Month, 1);
        if (month < start) return month >= start.AddMonths(-ServiceMeasureChange.MonthsBefore) ? "before" : "earlier";
        return measure.ProgramEnd is { } end && month > new DateOnly(end.Year, end.Month, 1) ? "after" : "during";
    }

    /// <summary>A measure's months as the chart script reads them: one series per period, null outside it.</summary>
    public static string MeasureJson(MeasureChange measure)
    {
        var months = measure.Months.Where(m => Period(measure, m.Month) != "earlier").ToList();
        IEnumerable<double?> Series(string period) => months.Select(m => Period(measure, m.Month) == period ? (double?)m.Value : null);
        return JsonSerializer.Serialize(new
        {
            labels = months.Select(m => m.Month.ToString("MMM yyyy", CultureInfo.InvariantCulture)),
            unit = measure.Unit,
            before = Series("before"),
            during = Series("during"),
            after = Series("after"),
        });
    }

    /// <summary>A figure's data as a CSV file; null for a figure the page does not have.</summary>
    public (byte[] Content, string Name)? Csv(string? figure) => Figures is not { } f ? null : figure switch
    {
        "retention" => (CsvFile.Write(["group", "months", "at risk", "left", "still on staff", "lower 95%", "upper 95%"],
            Curve("participants", f.Retention.Participants).Concat(Curve("colleagues", f.Retention.Comparison)).Concat(Curve("applicants not placed", f.Retention.Waitlist))), "retention.csv"),
        "proficiency" => (CsvFile.Write(["competency", "people", "mean at baseline", "mean at exit", "mean change", "lower 95%", "upper 95%", "effect size (d_z)"],
            f.Proficiency.Where(p => Enough(p.Change.N))
                .Select(p => (IReadOnlyList<object?>)[p.Competency, p.Change.N, Round(p.MeanBefore), Round(p.MeanAfter), Round(p.Change.Mean), Round(p.Change.Lower), Round(p.Change.Upper), Round(p.Change.EffectSize)])), "proficiency.csv"),
        "trend" => (CsvFile.Write(["month", "confidence answers", "mean confidence", "lower 95%", "upper 95%", "satisfaction answers", "mean job satisfaction", "lower 95%", "upper 95%"],
            Trend.Select(t => (IReadOnlyList<object?>)[t.Month, .. Cells(t.Confidence, 1), .. Cells(t.Satisfaction, 1)])), "confidence-and-satisfaction.csv"),
        "cohorts" => (CsvFile.Write(["cohort", "starts", "participants", "completed (share)", "lower 95%", "upper 95%", "adherence", "lower 95%", "upper 95%",
                "goals achieved (share)", "lower 95%", "upper 95%", "certifications per participant", "lower 95%", "upper 95%", "mean feedback (1-5)", "lower 95%", "upper 95%",
                "mentors", "mentees per mentor", "lower 95%", "upper 95%", "most mentees", "proficiency change", "lower 95%", "upper 95%"],
            f.Cohorts.Where(Enough).Select(c => (IReadOnlyList<object?>)[c.Name, c.StartsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), c.Participants,
                .. Cells(c.Completion), .. Cells(c.Adherence), .. Cells(c.Goals), .. Cells(c.Certifications), .. Cells(c.Feedback),
                c.Load.Mentors, .. Cells(c.Load.PerMentor), Enough(c.Load.Mentors) ? c.Load.Most : null,
                .. Enough(c.Proficiency.N) ? [Round(c.Proficiency.Mean), Round(c.Proficiency.Lower), Round(c.Proficiency.Upper)] : new object?[] { null, null, null }])), "cohorts.csv"),
        "measures" => (CsvFile.Write(["program", "measure", "unit", "month", "value", "period"],
            f.Measures.SelectMany(m => m.Months.Select(v => (IReadOnlyList<object?>)[m.ProgramId, m.Name, m.Unit, v.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), v.Value, Period(m, v.Month)]))), "service-measures.csv"),
        _ => null,
    };

    /// <summary>An estimate as CSV cells (value and bounds; with <paramref name="withN"/> set, its n first), empty when withheld.</summary>
    private object?[] Cells(Estimate e, int withN = 0)
    {
        object?[] values = Enough(e.N) ? [Round(e.Value), Round(e.Lower), Round(e.Upper)] : [null, null, null];
        return withN == 1 ? [e.N, .. values] : values;
    }

    private IEnumerable<IReadOnlyList<object?>> Curve(string group, SurvivalCurve curve) => !Enough(curve.N) ? []
        : curve.Steps.Select(s => (IReadOnlyList<object?>)[group, Round(s.Time), s.AtRisk, s.Events, Round(s.Survival), Round(s.Lower), Round(s.Upper)]);

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 3) : null;
}
