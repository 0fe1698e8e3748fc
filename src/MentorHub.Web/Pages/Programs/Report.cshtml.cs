using MentorHub.Core.Outcomes;
using MentorHub.Web.Pages.Shared;
using Microsoft.Extensions.Options;

namespace MentorHub.Web.Pages.Programs;

/// <summary>
/// A program's outcomes with their margins of error: retention and promotion of participants against colleagues who
/// never took part and applicants who were not placed, the change from baseline to exit check-ins, and how each cohort
/// went. Narrowed to one cohort or the cohorts starting within dates; figures for fewer people than the minimum group
/// size are withheld.
/// </summary>
public class ReportModel(MentorHubDbContext db, UserTime time, IOptions<ReportOptions> options, FiguresCache cache) : PageModel
{
    public int ProgramId { get; private set; }
    public string ProgramName { get; private set; } = "";
    public IReadOnlyList<ReportCohort> Cohorts { get; private set; } = [];
    public ReportFilter Filter { get; private set; } = new();
    public OutcomeFiguresView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, ReportFilter filter, CancellationToken ct) => await LoadAsync(id, filter, ct) ? Page() : NotFound();

    /// <summary>A figure's data as CSV (withheld groups stay withheld).</summary>
    public async Task<IActionResult> OnGetCsvAsync(int id, ReportFilter filter, string? figure, CancellationToken ct) =>
        await LoadAsync(id, filter, ct) && View.Csv(figure) is { } csv ? File(csv.Content, "text/csv", csv.Name) : NotFound();

    private async Task<bool> LoadAsync(int id, ReportFilter filter, CancellationToken ct)
    {
        var stamp = cache.Stamp($"program-report:{id}");
        var program = await db.Programs.AsNoTracking().ManageableBy(User).Where(p => p.Id == id).Select(p => new { p.Id, p.Name }).SingleOrDefaultAsync(ct);
        if (program is null) return false;
        (ProgramId, ProgramName, Filter) = (program.Id, program.Name, filter);
        Cohorts = await db.Cohorts.AsNoTracking().Where(c => c.ProgramId == id).OrderBy(c => c.StartsOn)
            .Select(c => new ReportCohort(c.Id, c.ProgramId, c.Name, c.StartsOn, c.EndsOn)).ToListAsync(ct);
        if (filter.Cohort is { } cohort && Cohorts.All(c => c.Id != cohort)) return false;
        var scope = filter.Scope([id]);
        var years = await OutcomeReport.PromotionYearsAsync(db, scope, filter.Years, time.Today, ct);
        var figures = await cache.GetAsync(scope.Key(years, time.Today), () => OutcomeReport.LoadAsync(db, scope, years, time.Today, ct), ct);
        View = new OutcomeFiguresView(figures, options.Value.MinimumGroupSize, $"/Programs/{id}/Report?handler=Csv{filter.Query(years)}",
            filter.Narrowed ? "No cohort of this program starts within the range chosen." : "The program has no cohorts yet, so there is nothing to report.")
        {
            Filter = filter,
            Years = years,
            CohortChoices = Cohorts,
            MeasuresLink = $"/Programs/{id}/Measures",
            Stamp = stamp,
        };
        return true;
    }
}
