using System.Security.Claims;
using MentorHub.Core.Outcomes;
using MentorHub.Web.Pages.Programs;
using MentorHub.Web.Pages.Shared;
using Microsoft.Extensions.Options;

namespace MentorHub.Web.Pages.Reports;

/// <summary>The outcome reports of the programs the person manages: each program's, and all of them together.</summary>
public class IndexModel(MentorHubDbContext db, UserTime time, IOptions<ReportOptions> options, FiguresCache cache) : PageModel
{
    public IReadOnlyList<ProgramRow> Programs { get; private set; } = [];
    public OutcomeFiguresView View { get; private set; } = null!;

    public ReportFilter Filter { get; private set; } = new();

    public async Task OnGetAsync(ReportFilter filter, CancellationToken ct) => await LoadAsync(filter, ct);

    public async Task<IActionResult> OnGetCsvAsync(ReportFilter filter, string? figure, CancellationToken ct)
    {
        await LoadAsync(filter, ct);
        return View.Csv(figure) is { } csv ? File(csv.Content, "text/csv", csv.Name) : NotFound();
    }

    private async Task LoadAsync(ReportFilter filter, CancellationToken ct)
    {
        // One cohort belongs to one program's report; across programs only the date range applies.
        filter.Cohort = null;
        Filter = filter;
        var took = new[] { EnrollmentStatus.Active, EnrollmentStatus.Completed, EnrollmentStatus.Withdrawn };
        // Each program's distinct participants come from all its enrollments (7 ms for a library's 10,000), so the list is
        // kept with the other figures until the next write.
        var manager = User.IsInRole(Roles.Administrator) ? "all" : User.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = cache.Stamp($"reports:{manager}");
        Programs = await cache.GetAsync($"report-programs:{manager}", () => db.Programs.AsNoTracking().ManageableBy(User).OrderBy(p => p.Name)
            .Select(p => new ProgramRow(p.Id, p.Name, p.Format, p.Status, p.Cohorts.Count,
                p.Cohorts.SelectMany(c => c.Enrollments).Where(e => took.Contains(e.Status)).Select(e => e.UserId).Distinct().Count()))
            .ToListAsync(ct), ct);
        var ids = Programs.Select(p => p.Id).ToList();
        var scope = filter.Scope(ids);
        var years = await OutcomeReport.PromotionYearsAsync(db, scope, filter.Years, time.Today, ct);
        var figures = ids.Count == 0 ? null : await cache.GetAsync(scope.Key(years, time.Today), () => OutcomeReport.LoadAsync(db, scope, years, time.Today, ct), ct);
        View = new OutcomeFiguresView(figures, options.Value.MinimumGroupSize, $"/Reports?handler=Csv{filter.Query(years)}",
            ids.Count == 0 ? "You manage no programs yet, so there is nothing to report."
            : filter.Narrowed ? "None of your programs has a cohort starting within the range chosen." : "None of your programs has a cohort yet, so there is nothing to report.")
        {
            Filter = filter,
            Years = years,
            Stamp = stamp,
        };
    }

    public sealed record ProgramRow(int Id, string Name, ProgramFormat Format, ProgramStatus Status, int Cohorts, int Participants);
}
