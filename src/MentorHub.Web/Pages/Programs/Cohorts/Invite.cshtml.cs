
namespace MentorHub.Web.Pages.Programs.Cohorts;

public class InviteModel(MentorHubDbContext db, CohortEnrollment enrollment, UserManager<AppUser> users) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public CohortInfo Cohort { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int cohortId, CancellationToken ct)
    {
        var cohort = await db.FindManagedCohortAsync(User, id, cohortId, ct);
        if (cohort is null) return NotFound();
        Cohort = cohort;
        Input.Role = cohort.Roles[^1];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int cohortId, CancellationToken ct)
    {
        var cohort = await db.FindManagedCohortAsync(User, id, cohortId, ct);
        if (cohort is null) return NotFound();
        Cohort = cohort;
        if (!cohort.Roles.Contains(Input.Role)) ModelState.AddModelError("Input.Role", $"A {Labels.Of(cohort.Format).ToLowerInvariant()} program has no {Input.Role.ToString().ToLowerInvariant()}s.");
        if (!ModelState.IsValid) return Page();

        var error = await enrollment.EnrollAsync(cohort, new Newcomer(Input.Email, Input.Name, Input.Role, Input.Branch, Input.JobTitle, []), (await users.GetUserAsync(User))!, ct);
        if (error is not null)
        {
            ModelState.AddModelError("Input.Email", error);
            return Page();
        }
        this.FlashSuccess($"{Input.Name} is enrolled as a {Input.Role.ToString().ToLowerInvariant()} and has been emailed.");
        return Redirect(cohort.Path);
    }

    public sealed class InputModel
    {
        public string Email { get; set; } = "";
        public string Name { get; set; } = "";
        public EnrollmentRole Role { get; set; } = EnrollmentRole.Mentee;
        public string? Branch { get; set; }
        public string? JobTitle { get; set; }
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator()
        {
            RuleFor(x => x.Email).NotEmpty().WithMessage("Enter the person's email address.")
                .EmailAddress().WithMessage("Enter a valid email address, like name@library.org.").MaximumLength(256);
            RuleFor(x => x.Name).NotEmpty().WithMessage("Enter the person's name.").MaximumLength(120);
            RuleFor(x => x.Role).IsInEnum().WithMessage("Choose a role from the list.");
            RuleFor(x => x.Branch).MaximumLength(120);
            RuleFor(x => x.JobTitle).MaximumLength(120);
        }
    }
}
