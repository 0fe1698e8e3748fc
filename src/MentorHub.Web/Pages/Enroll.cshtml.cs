
namespace MentorHub.Web.Pages;

/// <summary>Cohorts whose enrollment window is open: staff apply here, and see where they stand.</summary>
public class EnrollModel(MentorHubDbContext db, UserManager<AppUser> users, UserTime time, TimeProvider clock) : PageModel
{
    public IReadOnlyList<OpenCohort> Cohorts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(int cohortId, EnrollmentRole role, CancellationToken ct)
    {
        var userId = users.GetUserId(User)!;
        var cohort = await db.Cohorts.Include(c => c.Program).SingleOrDefaultAsync(c => c.Id == cohortId && c.Program!.Status == ProgramStatus.Active, ct);
        if (cohort is null) return NotFound();
        var roles = cohort.Program!.Format is ProgramFormat.Peer ? new[] { EnrollmentRole.Peer } : [EnrollmentRole.Mentor, EnrollmentRole.Mentee];
        if (!roles.Contains(role))
        {
            this.FlashError("Choose a role this program has.");
            return RedirectToPage();
        }
        if (await db.Enrollments.AnyAsync(e => e.CohortId == cohortId && e.UserId == userId, ct))
        {
            this.FlashError($"You have already applied to {cohort.Name}.");
            return RedirectToPage();
        }
        try
        {
            db.Enrollments.Add(Enrollment.Apply(cohort, userId, role, time.Today, clock.GetUtcNow().UtcDateTime));
        }
        catch (DomainException ex)
        {
            this.FlashError(ex.Message);
            return RedirectToPage();
        }
        await db.SaveChangesAsync(ct);
        this.FlashSuccess($"You have applied to {cohort.Program.Name} ({cohort.Name}) as a {role.ToString().ToLowerInvariant()}. The coordinator will let you know.");
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var userId = users.GetUserId(User);
        var today = time.Today;
        Cohorts = await db.Cohorts.AsNoTracking()
            .Where(c => c.Program!.Status == ProgramStatus.Active && c.EnrollmentOpensOn <= today && c.EnrollmentClosesOn >= today)
            .OrderBy(c => c.EnrollmentClosesOn)
            .Select(c => new OpenCohort(c.Id, c.Name, c.Program!.Name, c.Program.Description, c.Program.Format, c.Program.DefaultModality,
                c.StartsOn, c.EndsOn, c.EnrollmentClosesOn,
                c.Enrollments.Where(e => e.UserId == userId).Select(e => (EnrollmentStatus?)e.Status).FirstOrDefault()))
            .ToListAsync(ct);
    }

    public sealed record OpenCohort(int Id, string Name, string ProgramName, string? Description, ProgramFormat Format, Modality Modality,
        DateOnly StartsOn, DateOnly EndsOn, DateOnly ClosesOn, EnrollmentStatus? MyStatus);
}
