using System.Globalization;
using System.Text.Json;
using MentorHub.Core.Import;
using MentorHub.Core.Outcomes;
using Microsoft.Extensions.Options;

namespace MentorHub.Web.Pages.Programs;

/// <summary>
/// A program's outcomes with their margins of error: retention and promotion of participants against colleagues who
/// never took part, and the change from baseline to exit check-ins. Figures for fewer people than the minimum group
/// size are withheld.
/// </summary>
public class ReportModel(MentorHubDbContext db, UserTime time, IOptions<ReportOptions> options) : PageModel
{
    public int ProgramId { get; private set; }
    public string ProgramName { get; private set; } = "";
    public OutcomeFigures? Figures { get; private set; }
    public int MinimumGroup => options.Value.MinimumGroupSize;

    /// <summary>The promotion period; by default as many whole years (1 to 3) as the program has run.</summary>
    [BindProperty(SupportsGet = true, Name = "years")]
    public int? Years { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return Page();
    }

    /// <summary>A figure's data as CSV: the retention curves or the proficiency changes (withheld groups stay withheld).</summary>
    public async Task<IActionResult> OnGetCsvAsync(int id, string? figure, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Figures is not { } f) return NotFound();
        return figure switch
        {
            "retention" => File(CsvFile.Write(["group", "months", "at risk", "left", "still on staff", "lower 95%", "upper 95%"],
                Curve("participants", f.Retention.Participants).Concat(Curve("colleagues", f.Retention.Comparison))), "text/csv", "retention.csv"),
            "proficiency" => File(CsvFile.Write(["competency", "people", "mean change", "lower 95%", "upper 95%", "effect size (d_z)"],
                f.Proficiency.Where(p => p.Change.N >= MinimumGroup).Select(p => (IReadOnlyList<object?>)[p.Competency, p.Change.N, Round(p.Change.Mean), Round(p.Change.Lower), Round(p.Change.Upper), Round(p.Change.EffectSize)])),
                "text/csv", "proficiency.csv"),
            _ => NotFound(),
        };
    }

    private IEnumerable<IReadOnlyList<object?>> Curve(string group, SurvivalCurve curve) => curve.N < MinimumGroup ? []
        : curve.Steps.Select(s => (IReadOnlyList<object?>)[group, Round(s.Time), s.AtRisk, s.Events, Round(s.Survival), Round(s.Lower), Round(s.Upper)]);

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 3) : null;

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var program = await db.Programs.AsNoTracking().ManageableBy(User).Where(p => p.Id == id).Select(p => new { p.Id, p.Name }).SingleOrDefaultAsync(ct);
        if (program is null) return false;
        (ProgramId, ProgramName) = (program.Id, program.Name);
        var today = time.Today;
        if (Years is null)
        {
            var first = await db.Cohorts.Where(c => c.ProgramId == id).MinAsync(c => (DateOnly?)c.StartsOn, ct);
            Years = first is { } start ? (today.DayNumber - start.DayNumber) / 365 : 1;
        }
        Years = Math.Clamp(Years.Value, 1, 5);
        Figures = await OutcomeReport.LoadAsync(db, [id], Years.Value, today, ct);
        return true;
    }

    public bool Enough(int n) => n >= MinimumGroup;

    public static string Percent(double value) => value.ToString("P0", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal);

    public static string Number(double value, string format = "0.0") => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>The retention curves as Chart.js reads them: steps in months, both groups, for the chart script.</summary>
    public string ChartJson()
    {
        if (Figures is not { } f) return "{}";
        object Points(SurvivalCurve curve) => Enough(curve.N)
            ? new[] { new { x = 0.0, y = 1.0 } }.Concat(curve.Steps.Select(s => new { x = Math.Round(s.Time, 2), y = Math.Round(s.Survival, 4) }))
                .Append(new { x = Math.Round(curve.LongestFollowUp, 2), y = Math.Round(curve.Steps.LastOrDefault()?.Survival ?? 1, 4) }).ToArray()
            : Array.Empty<object>();
        return JsonSerializer.Serialize(new { participants = Points(f.Retention.Participants), colleagues = Points(f.Retention.Comparison) });
    }
}
