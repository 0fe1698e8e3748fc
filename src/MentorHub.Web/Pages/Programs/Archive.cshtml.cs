
namespace MentorHub.Web.Pages.Programs;

/// <summary>
/// Archiving puts a program out of lists and out of reach of edits but keeps all its history; this page asks first,
/// and while people are still being mentored it sends the coordinator to complete the cohorts instead.
/// </summary>
public class ArchiveModel(MentorHubDbContext db) : PageModel
{
    public int ProgramId { get; private set; }
    public string ProgramName { get; private set; } = "";
    public bool IsArchived { get; private set; }

    /// <summary>Cohorts that still have running mentorships: the ones to complete before archiving.</summary>
    public IReadOnlyList<CohortToComplete> Running { get; private set; } = [];

    /// <summary>The program as the page showed it; a change since then makes the archive a conflict, not a surprise.</summary>
    [BindProperty]
    public Guid Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var program = await db.Programs.AsNoTracking().ManageableBy(User).Where(p => p.Id == id)
            .Select(p => new { p.Id, p.Name, p.Version, p.Status }).SingleOrDefaultAsync(ct);
        if (program is null) return NotFound();
        (ProgramId, ProgramName, Version, IsArchived) = (program.Id, program.Name, program.Version, program.Status == ProgramStatus.Archived);
        Running = await db.Cohorts.AsNoTracking().Where(c => c.ProgramId == id && c.Mentorships.Any(m => m.Status == MentorshipStatus.Active || m.Status == MentorshipStatus.Paused))
            .OrderBy(c => c.EndsOn)
            .Select(c => new CohortToComplete(c.Id, c.Name, c.EndsOn, c.Mentorships.Count(m => m.Status == MentorshipStatus.Active || m.Status == MentorshipStatus.Paused)))
            .ToListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var program = await db.Programs.ManageableBy(User).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (program is null) return NotFound();
        db.Entry(program).Property(p => p.Version).OriginalValue = Version;
        program.Archive(await RunningMentorshipsAsync(id, ct));
        db.Audit(program, "ProgramArchived", program.Name);
        await db.SaveChangesAsync(ct);
        this.FlashSuccess($"{program.Name} is archived and read-only. Its history is kept; unarchive it from its page at any time.");
        return Redirect("/Programs");
    }

    private Task<int> RunningMentorshipsAsync(int id, CancellationToken ct) =>
        db.Mentorships.CountAsync(m => m.Cohort!.ProgramId == id && (m.Status == MentorshipStatus.Active || m.Status == MentorshipStatus.Paused), ct);

    public sealed record CohortToComplete(int Id, string Name, DateOnly EndsOn, int Running);
}
