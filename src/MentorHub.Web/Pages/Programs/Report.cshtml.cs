using MentorHub.Core.Outcomes;
using MentorHub.Web.Pages.Shared;
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
    public OutcomeFiguresView View { get; private set; } = null!;

    /// <summary>The promotion period; by default as many whole years (1 to 3) as the program has run.</summary>
    [BindProperty(SupportsGet = true, Name = "years")]
    public int? Years { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>A figure's data as CSV: the retention curves or the proficiency changes (withheld groups stay withheld).</summary>
    public async Task<IActionResult> OnGetCsvAsync(int id, string? figure, CancellationToken ct) =>
        await LoadAsync(id, ct) && View.Csv(figure) is { } csv ? File(csv.Content, "text/csv", csv.Name) : NotFound();

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var program = await db.Programs.AsNoTracking().ManageableBy(User).Where(p => p.Id == id).Select(p => new { p.Id, p.Name }).SingleOrDefaultAsync(ct);
        if (program is null) return false;
        (ProgramId, ProgramName) = (program.Id, program.Name);
        var figures = await OutcomeReport.LoadAsync(db, [id], await PromotionYearsAsync(db, [id], Years, time.Today, ct), time.Today, ct);
        View = new OutcomeFiguresView(figures, options.Value.MinimumGroupSize, $"/Programs/{id}/Report?handler=Csv&years={figures?.Promotion.Years}",
            "The program has no cohorts yet, so there is nothing to report.");
        return true;
    }

    /// <summary>The years asked for (1 to 5), or as many whole years (1 to 3) as the programs have run.</summary>
    public static async Task<int> PromotionYearsAsync(MentorHubDbContext db, IReadOnlyCollection<int> programIds, int? asked, DateOnly today, CancellationToken ct)
    {
        if (asked is { } years) return Math.Clamp(years, 1, 5);
        var first = await db.Cohorts.Where(c => programIds.Contains(c.ProgramId)).MinAsync(c => (DateOnly?)c.StartsOn, ct);
        return first is { } start ? Math.Clamp((today.DayNumber - start.DayNumber) / 365, 1, 3) : 1;
    }
}
