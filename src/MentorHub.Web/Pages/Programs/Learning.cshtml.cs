using MentorHub.Core.Matching;

namespace MentorHub.Web.Pages.Programs;

/// <summary>
/// Learning from outcomes: which matching criteria went with good relationships in the program's past mentorships,
/// each as a correlation with its interval and sample size, and the weights that follow; the coordinator may try
/// them as a dry run on a cohort, which changes nothing.
/// </summary>
public class LearningModel(MentorHubDbContext db, MatchLearning learning, UserTime time) : PageModel
{
    public int ProgramId { get; private set; }
    public string ProgramName { get; private set; } = "";
    public bool Learns { get; private set; }
    public LearningReport? Report { get; private set; }

    /// <summary>Cohorts not yet ended or completed, where the suggestion can be dry-run.</summary>
    public IReadOnlyList<(int Id, string Name)> Cohorts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var program = await db.Programs.AsNoTracking().ManageableBy(User).Where(p => p.Id == id)
            .Select(p => new { p.Name, p.Format, p.Status }).SingleOrDefaultAsync(ct);
        if (program is null) return NotFound();
        (ProgramId, ProgramName, Learns) = (id, program.Name, MatchLearning.Learns(program.Format));
        if (!Learns) return Page();
        Report = await learning.LoadAsync(id, ct);
        if (program.Status is not ProgramStatus.Archived)
        {
            var today = time.Today;
            Cohorts = (await db.Cohorts.AsNoTracking().Where(c => c.ProgramId == id && c.CompletedOn == null && c.EndsOn >= today).OrderBy(c => c.StartsOn)
                .Select(c => new { c.Id, c.Name }).ToListAsync(ct)).Select(c => (c.Id, c.Name)).ToList();
        }
        return Page();
    }
}
