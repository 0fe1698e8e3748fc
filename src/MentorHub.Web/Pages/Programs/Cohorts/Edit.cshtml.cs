
namespace MentorHub.Web.Pages.Programs.Cohorts;

/// <summary>Rename or re-date a cohort (past dates are confirmed first), or delete one nobody has joined yet.</summary>
public class EditModel(MentorHubDbContext db, UserTime time) : PageModel
{
    [BindProperty]
    public CohortInput Input { get; set; } = new();

    public CohortInfo Cohort { get; private set; } = null!;

    /// <summary>Dates changed to a day in the past, which the coordinator is asked to confirm.</summary>
    public IReadOnlyList<string> PastDates { get; private set; } = [];

    /// <summary>Why the cohort cannot be deleted (people, mentorships or workshops in it); null when it can.</summary>
    public string? DeleteRefusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int cohortId, CancellationToken ct)
    {
        var cohort = await LoadAsync(id, cohortId, ct);
        if (cohort is null) return NotFound();
        Input = new CohortInput
        {
            Name = cohort.Name,
            StartsOn = cohort.StartsOn,
            EndsOn = cohort.EndsOn,
            EnrollmentOpensOn = cohort.EnrollmentOpensOn,
            EnrollmentClosesOn = cohort.EnrollmentClosesOn,
            Version = cohort.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int cohortId, CancellationToken ct)
    {
        var cohort = await LoadAsync(id, cohortId, ct);
        if (cohort is null) return NotFound();
        if (ModelState.IsValid && await db.Cohorts.AnyAsync(c => c.ProgramId == id && c.Id != cohortId && c.Name == Input.Name.Trim(), ct))
            ModelState.AddModelError("Input.Name", "This program already has a cohort with that name.");
        if (ModelState.IsValid && !Input.ConfirmPastDates)
        {
            // Only dates the coordinator changed to the past need a second look; a running cohort's start is rightly past.
            var today = time.Today;
            PastDates = MentorHub.Core.Domain.Cohort.PastDates(today,
                Changed(Input.StartsOn!.Value, cohort.StartsOn, today), Changed(Input.EndsOn!.Value, cohort.EndsOn, today),
                Changed(Input.EnrollmentOpensOn!.Value, cohort.EnrollmentOpensOn, today), Changed(Input.EnrollmentClosesOn!.Value, cohort.EnrollmentClosesOn, today));
            if (PastDates.Count > 0) ModelState.AddModelError("Input.ConfirmPastDates", $"Some new dates are in the past ({string.Join(", ", PastDates)}). Tick the box to confirm, or correct them.");
        }
        if (!ModelState.IsValid) return Page();

        db.Entry(cohort).Property(c => c.Version).OriginalValue = Input.Version;
        try
        {
            cohort.Rename(Input.Name);
            cohort.Reschedule(Input.StartsOn!.Value, Input.EndsOn!.Value, Input.EnrollmentOpensOn!.Value, Input.EnrollmentClosesOn!.Value);
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            return Page();
        }
        db.Audit(cohort, "CohortEdited", $"{cohort.Name}: {cohort.StartsOn:yyyy-MM-dd} to {cohort.EndsOn:yyyy-MM-dd}, enrollment {cohort.EnrollmentOpensOn:yyyy-MM-dd} to {cohort.EnrollmentClosesOn:yyyy-MM-dd}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, "Someone else changed this cohort while you were editing, so nothing was saved. Your changes are still in the form; reload the page to see theirs.");
            return Page();
        }
        this.FlashSuccess($"{cohort.Name} saved.");
        return Redirect(Cohort.Path);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, int cohortId, CancellationToken ct)
    {
        var cohort = await LoadAsync(id, cohortId, ct);
        if (cohort is null) return NotFound();
        if (DeleteRefusal is not null)
        {
            this.FlashError(DeleteRefusal);
            return Redirect($"{Cohort.Path}/Edit");
        }
        db.Entry(cohort).Property(c => c.Version).OriginalValue = Input.Version;
        db.Cohorts.Remove(cohort);
        db.Audit(nameof(Cohort), cohortId.ToString(System.Globalization.CultureInfo.InvariantCulture), "CohortDeleted", cohort.Name);
        await db.SaveChangesAsync(ct);
        this.FlashSuccess($"{cohort.Name} deleted.");
        return Redirect($"/Programs/{id}");
    }

    private static DateOnly Changed(DateOnly entered, DateOnly stored, DateOnly today) => entered == stored ? today : entered;

    private async Task<Cohort?> LoadAsync(int id, int cohortId, CancellationToken ct)
    {
        var info = await db.FindManagedCohortAsync(User, id, cohortId, ct);
        if (info is null) return null;
        Cohort = info;
        var cohort = await db.Cohorts.SingleAsync(c => c.Id == cohortId, ct);
        var contents = await db.Cohorts.Where(c => c.Id == cohortId)
            .Select(c => new { People = c.Enrollments.Count(), Mentorships = c.Mentorships.Count(), Workshops = c.Workshops.Count() }).SingleAsync(ct);
        DeleteRefusal = contents is { People: 0, Mentorships: 0, Workshops: 0 }
            ? null
            : $"{cohort.Name} cannot be deleted: it has {Describe(contents.People, "participant")}, {Describe(contents.Mentorships, "mentorship")} and {Describe(contents.Workshops, "workshop")}. Complete it instead to keep its history.";
        return cohort;
    }

    private static string Describe(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
