
namespace MentorHub.Web.Pages.Programs.Cohorts;

public class CreateModel(MentorHubDbContext db, UserTime time) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public int ProgramId { get; private set; }
    public string ProgramName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadProgramAsync(id, ct)) return NotFound();
        var today = time.Today;
        Input = new InputModel
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
        (ProgramId, ProgramName) = (program.Id, program.Name);
        return true;
    }

    public sealed class InputModel
    {
        public string Name { get; set; } = "";
        public DateOnly? StartsOn { get; set; }
        public DateOnly? EndsOn { get; set; }
        public DateOnly? EnrollmentOpensOn { get; set; }
        public DateOnly? EnrollmentClosesOn { get; set; }
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator()
        {
            RuleFor(x => x.Name).NotEmpty().WithMessage("Name the cohort, e.g. “Spring 2027”.").MaximumLength(120);
            RuleFor(x => x.StartsOn).NotNull().WithMessage("Enter the start date.");
            RuleFor(x => x.EndsOn).NotNull().WithMessage("Enter the end date.")
                .GreaterThan(x => x.StartsOn).When(x => x.StartsOn is not null).WithMessage("The cohort must end after it starts.");
            RuleFor(x => x.EnrollmentOpensOn).NotNull().WithMessage("Enter when enrollment opens.");
            RuleFor(x => x.EnrollmentClosesOn).NotNull().WithMessage("Enter when enrollment closes.")
                .GreaterThanOrEqualTo(x => x.EnrollmentOpensOn).When(x => x.EnrollmentOpensOn is not null).WithMessage("Enrollment must close on or after it opens.")
                .LessThanOrEqualTo(x => x.EndsOn).When(x => x.EndsOn is not null).WithMessage("Enrollment must close before the cohort ends.");
        }
    }
}
