
namespace MentorHub.Web.Pages.Programs;

public class CreateModel(MentorHubDbContext db, UserManager<AppUser> users, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ProgramInput Input { get; set; } = new();

    public IReadOnlyList<CompetencyChoice> Competencies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!User.MayCreatePrograms()) return Forbid();
        Competencies = await CompetencyChoices.LoadAsync(db, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!User.MayCreatePrograms()) return Forbid();
        Competencies = await CompetencyChoices.LoadAsync(db, ct);
        Input.TargetCompetencyIds = Input.TargetCompetencyIds.Where(id => Competencies.Any(c => c.Id == id)).Distinct().ToList();
        if (!ModelState.IsValid) return Page();

        MentorshipProgram program = null!;
        // The program and its audit row (written once the new id is known) commit together or not at all.
        await db.InTransactionAsync(async ct =>
        {
            program = new MentorshipProgram(Input.Name.Trim(), Input.Format, Input.MeetingCadenceDays, Input.ExpectedMeetingCount,
                Input.DefaultModality, clock.GetUtcNow().UtcDateTime);
            Input.ApplyTo(program, mentorships: 0);
            program.AddCoordinator(users.GetUserId(User)!);
            db.Programs.Add(program);
            db.Audit(program, "ProgramCreated", program.Name);
            await db.SaveChangesAsync(ct);
        }, ct);
        this.FlashSuccess($"{program.Name} created. Add a cohort to start enrolling people.");
        return Redirect($"/Programs/{program.Id}");
    }
}
