
namespace MentorHub.Web.Pages.Programs.Cohorts;

public class CreateModel(MentorHubDbContext db, UserTime time) : PageModel
{
    [BindProperty]
    public CohortInput Input { get; set; } = new();

    public int ProgramId { get; private set; }
    public string ProgramName { get; private set; } = "";
    private bool Archived { get; set; }

    /// <summary>Dates entered in the past, which the coordinator is asked to confirm.</summary>
    public IReadOnlyList<string> PastDates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadProgramAsync(id, ct)) return NotFound();
        if (Archived)
        {
            this.FlashError($"{ProgramName} is archived and read-only. Unarchive it to add a cohort.");
            return Redirect($"/Programs/{id}");
        }
        var today = time.Today;
        Input = new CohortInput
        {
            EnrollmentOpensOn = today,
            EnrollmentClosesOn = today.AddDays(21),
            StartsOn = today.AddDays(28),
            EndsOn = today.AddDays(28 + 182),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadProgramAsync(id, ct)) return NotFound();
        if (ModelState.IsValid && await db.Cohorts.AnyAsync(c => c.ProgramId == id && c.Name == Input.Name.Trim(), ct))
            ModelState.AddModelError("Input.Name", "This program already has a cohort with that name.");
        if (ModelState.IsValid && !Input.ConfirmPastDates)
        {
            PastDates = Cohort.PastDates(time.Today, Input.StartsOn!.Value, Input.EndsOn!.Value, Input.EnrollmentOpensOn!.Value, Input.EnrollmentClosesOn!.Value);
            if (PastDates.Count > 0) ModelState.AddModelError("Input.ConfirmPastDates", $"Some dates are in the past ({string.Join(", ", PastDates)}). Recording a past cohort is fine: tick the box to confirm, or correct the dates.");
        }
        if (!ModelState.IsValid) return Page();

        var cohort = new Cohort(id, Input.Name.Trim(), Input.StartsOn!.Value, Input.EndsOn!.Value, Input.EnrollmentOpensOn!.Value, Input.EnrollmentClosesOn!.Value);
        db.Cohorts.Add(cohort);
        await db.SaveChangesAsync(ct);
        this.FlashSuccess($"{cohort.Name} created. Invite or import participants next.");
        return Redirect($"/Programs/{id}/Cohorts/{cohort.Id}");
    }

    private async Task<bool> LoadProgramAsync(int id, CancellationToken ct)
    {
        var program = await db.FindManagedProgramAsync(User, id, ct);
        if (program is null) return false;
        (ProgramId, ProgramName, Archived) = (program.Id, program.Name, program.IsArchived);
        return true;
    }
}
