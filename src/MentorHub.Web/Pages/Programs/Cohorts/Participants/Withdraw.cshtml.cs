
namespace MentorHub.Web.Pages.Programs.Cohorts.Participants;

/// <summary>
/// Withdraws a participant with a date and a reason (<see cref="MentorHub.Core.Mentoring.ParticipantWithdrawal"/>).
/// </summary>
public class WithdrawModel(MentorHubDbContext db, MentorHub.Core.Mentoring.ParticipantWithdrawal withdrawal, UserTime time) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public CohortInfo Cohort { get; private set; } = null!;
    public string ParticipantName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, int cohortId, int enrollmentId, CancellationToken ct)
    {
        if (await LoadAsync(id, cohortId, enrollmentId, ct) is null) return NotFound();
        Input.WithdrawnOn = time.Today;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int cohortId, int enrollmentId, CancellationToken ct)
    {
        var enrollment = await LoadAsync(id, cohortId, enrollmentId, ct);
        if (enrollment is null) return NotFound();
        if (Input.WithdrawnOn < Cohort.StartsOn.AddDays(-366) || Input.WithdrawnOn > time.Today.AddDays(1))
            ModelState.AddModelError("Input.WithdrawnOn", "The withdrawal date cannot be in the future.");
        if (!ModelState.IsValid) return Page();
        try
        {
            await withdrawal.WithdrawAsync(enrollment, ParticipantName, Input.WithdrawnOn!.Value, Input.Reason, ct);
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            return Page();
        }
        await db.SaveChangesAsync(ct);
        this.FlashSuccess($"{ParticipantName} has been withdrawn from {Cohort.Name}.");
        return Redirect(Cohort.Path);
    }

    private async Task<Enrollment?> LoadAsync(int id, int cohortId, int enrollmentId, CancellationToken ct)
    {
        var cohort = await db.FindManagedCohortAsync(User, id, cohortId, ct);
        if (cohort is null) return null;
        Cohort = cohort;
        var enrollment = await db.Enrollments.Include(e => e.User).SingleOrDefaultAsync(e => e.Id == enrollmentId && e.CohortId == cohortId, ct);
        ParticipantName = enrollment?.User?.DisplayName ?? "";
        return enrollment;
    }

    public sealed class InputModel
    {
        public DateOnly? WithdrawnOn { get; set; }
        public string Reason { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator()
        {
            RuleFor(x => x.WithdrawnOn).NotNull().WithMessage("Enter the date they left.");
            RuleFor(x => x.Reason).NotEmpty().WithMessage("Give the reason; it is kept for the retention figures.").MaximumLength(500);
        }
    }
}
