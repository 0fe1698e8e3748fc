
namespace MentorHub.Web.Pages.Programs;

public class EditModel(MentorHubDbContext db) : PageModel
{
    [BindProperty]
    public ProgramInput Input { get; set; } = new();

    public int ProgramId { get; private set; }

    public string ProgramName { get; private set; } = "";

    /// <summary>Mentorships in the program: once there are any, its format is fixed.</summary>
    public int Mentorships { get; private set; }

    public IReadOnlyList<CompetencyChoice> Competencies { get; private set; } = [];

    /// <summary>Set when someone else saved the program first: what they saved, for the person to compare.</summary>
    public ProgramInput? TheirVersion { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var program = await Load(id).AsNoTracking().SingleOrDefaultAsync(ct);
        if (program is null) return NotFound();
        if (program.IsArchived) return ReadOnly(program);
        (ProgramId, ProgramName) = (program.Id, program.Name);
        Mentorships = await CountMentorshipsAsync(id, ct);
        Input = ProgramInput.From(program);
        Competencies = await CompetencyChoices.LoadAsync(db, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var program = await Load(id).SingleOrDefaultAsync(ct);
        if (program is null) return NotFound();
        if (program.IsArchived) return ReadOnly(program);
        (ProgramId, ProgramName) = (program.Id, program.Name);
        Mentorships = await CountMentorshipsAsync(id, ct);
        Competencies = await CompetencyChoices.LoadAsync(db, ct);
        Input.TargetCompetencyIds = Input.TargetCompetencyIds.Where(c => Competencies.Any(x => x.Id == c)).Distinct().ToList();
        if (!ModelState.IsValid) return Page();

        // The version the person loaded is the one their edit is checked against.
        db.Entry(program).Property(p => p.Version).OriginalValue = Input.Version;
        try
        {
            Input.ApplyTo(program, Mentorships);
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            Input.Format = program.Format;
            return Page();
        }
        // A new version even when only owned or child values changed, so the concurrency check always runs.
        program.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await Load(id).AsNoTracking().SingleAsync(ct);
            TheirVersion = ProgramInput.From(current);
            Input.Version = current.Version;
            ModelState.Remove("Input.Version");
            ModelState.AddModelError(string.Empty, "Someone else saved this program while you were editing. Their values are shown below; your changes are still in the form. Save again to keep yours.");
            return Page();
        }
        this.FlashSuccess("Program saved.");
        return Redirect($"/Programs/{id}");
    }

    private IActionResult ReadOnly(MentorshipProgram program)
    {
        this.FlashError($"{program.Name} is archived and read-only. Unarchive it to change it.");
        return Redirect($"/Programs/{program.Id}");
    }

    private Task<int> CountMentorshipsAsync(int id, CancellationToken ct) => db.Mentorships.CountAsync(m => m.Cohort!.ProgramId == id, ct);

    private IQueryable<MentorshipProgram> Load(int id) =>
        db.Programs.ManageableBy(User).Include(p => p.TargetCompetencies).Where(p => p.Id == id);
}
