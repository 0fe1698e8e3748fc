
namespace MentorHub.Web.Pages.Training;

/// <summary>One training module, for the program's approved participants and coordinators; mentors mark it complete here.</summary>
public class ModuleModel(MentorHubDbContext db, UserManager<AppUser> users, TimeProvider clock) : PageModel
{
    public View Module { get; private set; } = null!;
    public bool IsDone { get; private set; }

    public async Task<IActionResult> OnGetAsync(int moduleId, CancellationToken ct) => await LoadAsync(moduleId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int moduleId, CancellationToken ct)
    {
        if (!await LoadAsync(moduleId, ct)) return NotFound();
        var userId = users.GetUserId(User)!;
        if (!IsDone)
        {
            db.TrainingCompletions.Add(new TrainingCompletion(moduleId, userId, clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(ct);
        }
        this.FlashSuccess($"“{Module.Title}” marked as complete.");
        return Redirect($"/Training/{moduleId}");
    }

    private async Task<bool> LoadAsync(int moduleId, CancellationToken ct)
    {
        var userId = users.GetUserId(User);
        var managed = db.Programs.ManageableBy(User);
        var module = await db.TrainingModules.AsNoTracking()
            .Where(m => m.Id == moduleId && (managed.Any(p => p.Id == m.ProgramId)
                || db.Enrollments.Any(e => e.UserId == userId && e.Cohort!.ProgramId == m.ProgramId && (e.Status == EnrollmentStatus.Active || e.Status == EnrollmentStatus.Completed))))
            .Select(m => new View(m.Id, m.ProgramId, db.Programs.Where(p => p.Id == m.ProgramId).Select(p => p.Name).First(), m.Title, m.ContentMarkdown, m.ExternalUrl, m.EstimatedMinutes, m.IsRequired))
            .SingleOrDefaultAsync(ct);
        if (module is null) return false;
        Module = module;
        IsDone = await db.TrainingCompletions.AnyAsync(c => c.TrainingModuleId == moduleId && c.UserId == userId, ct);
        return true;
    }

    public sealed record View(int Id, int ProgramId, string ProgramName, string Title, string? ContentMarkdown, string? ExternalUrl, int Minutes, bool IsRequired);
}
