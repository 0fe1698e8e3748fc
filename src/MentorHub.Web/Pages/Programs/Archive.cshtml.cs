
namespace MentorHub.Web.Pages.Programs;

/// <summary>Archiving hides a program from lists but keeps all its history; this page asks before doing it.</summary>
public class ArchiveModel(MentorHubDbContext db, UserManager<AppUser> users, TimeProvider clock) : PageModel
{
    public int ProgramId { get; private set; }
    public string ProgramName { get; private set; } = "";
    public int ActiveMentorships { get; private set; }

    /// <summary>The program as the page showed it; a change since then makes the archive a conflict, not a surprise.</summary>
    [BindProperty]
    public Guid Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var program = await db.Programs.AsNoTracking().ManageableBy(User).Where(p => p.Id == id)
            .Select(p => new { p.Id, p.Name, p.Version, Active = p.Cohorts.SelectMany(c => c.Mentorships).Count(m => m.Status == MentorshipStatus.Active) })
            .SingleOrDefaultAsync(ct);
        if (program is null) return NotFound();
        (ProgramId, ProgramName, ActiveMentorships, Version) = (program.Id, program.Name, program.Active, program.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var program = await db.Programs.ManageableBy(User).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (program is null) return NotFound();
        db.Entry(program).Property(p => p.Version).OriginalValue = Version;
        program.Archive();
        db.AuditEntries.Add(new AuditEntry(users.GetUserId(User), "ProgramArchived", nameof(MentorshipProgram), id.ToString(System.Globalization.CultureInfo.InvariantCulture), program.Name, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        this.FlashSuccess($"{program.Name} is archived. Its history stays in the reports.");
        return Redirect("/Programs");
    }
}
