namespace MentorHub.Web.Pages.Staff;

/// <summary>
/// One person on the roster: what HR says, the programs they took part in, and their outcome records (certification,
/// promotion, role change, leaving), which coordinators and administrators add here one at a time.
/// </summary>
public class DetailsModel(MentorHubDbContext db, UserTime time, UserManager<AppUser> users, TimeProvider clock) : PageModel
{
    public static readonly OutcomeKind[] Kinds = [OutcomeKind.CertificationEarned, OutcomeKind.Promoted, OutcomeKind.RoleChanged, OutcomeKind.LeftOrganisation];

    public StaffMember Person { get; private set; } = null!;
    public IReadOnlyList<Participation> Programs { get; private set; } = [];
    public IReadOnlyList<OutcomeRow> Outcomes { get; private set; } = [];

    /// <summary>The programs an outcome can be credited to: those the person took part in.</summary>
    public IReadOnlyList<(int Id, string Name)> CreditablePrograms => Programs.DistinctBy(p => p.ProgramId).Select(p => (p.ProgramId, p.ProgramName)).ToList();

    [BindProperty]
    public OutcomeInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input.OccurredOn = time.Today;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Input.Kind is null || !Kinds.Contains(Input.Kind.Value)) ModelState.AddModelError("Input.Kind", "Choose what happened.");
        if (Input.OccurredOn is null) ModelState.AddModelError("Input.OccurredOn", "Give the date it happened.");
        else if (Input.OccurredOn > time.Today) ModelState.AddModelError("Input.OccurredOn", "The date is in the future; record outcomes once they have happened.");
        if (Input.ProgramId is { } programId && CreditablePrograms.All(p => p.Id != programId)) ModelState.AddModelError("Input.ProgramId", "Choose one of the person's programs, or none.");
        if (!ModelState.IsValid) return Page();

        var outcome = new OutcomeEvent(Person.UserId, Person.Id, Input.Kind!.Value, Input.OccurredOn!.Value, Input.Note, Input.ProgramId, users.GetUserId(User), clock.GetUtcNow().UtcDateTime);
        db.OutcomeEvents.Add(outcome);
        db.Audit(nameof(StaffMember), Person.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "OutcomeRecorded", $"{Input.Kind} on {Input.OccurredOn:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
        this.FlashSuccess($"{Labels.Words(Input.Kind.Value)} recorded for {Person.Name}.");
        return Redirect($"/Staff/{id}#outcomes");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, long outcomeId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var outcome = await db.OutcomeEvents.SingleOrDefaultAsync(o => o.Id == outcomeId && o.StaffMemberId == id, ct);
        if (outcome is null) return NotFound();
        db.OutcomeEvents.Remove(outcome);
        db.Audit(nameof(StaffMember), Person.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "OutcomeRemoved", $"{outcome.Kind} on {outcome.OccurredOn:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
        this.FlashSuccess($"The {Labels.Words(outcome.Kind).ToLowerInvariant()} record of {outcome.OccurredOn:d MMM yyyy} is removed.");
        return Redirect($"/Staff/{id}#outcomes");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var person = await db.StaffMembers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (person is null) return false;
        Person = person;
        Programs = person.UserId is null ? [] : await db.Enrollments.AsNoTracking()
            .Where(e => e.UserId == person.UserId && (e.Status == EnrollmentStatus.Active || e.Status == EnrollmentStatus.Withdrawn || e.Status == EnrollmentStatus.Completed))
            .OrderByDescending(e => e.Cohort!.StartsOn)
            .Select(e => new Participation(e.Cohort!.ProgramId, e.Cohort.Program!.Name, e.CohortId, e.Cohort.Name, e.Role, e.Status, e.Cohort.StartsOn, e.EndedOn))
            .ToListAsync(ct);
        Outcomes = await db.OutcomeEvents.AsNoTracking()
            .Where(o => o.StaffMemberId == id || (person.UserId != null && o.UserId == person.UserId))
            .OrderByDescending(o => o.OccurredOn).ThenByDescending(o => o.Id)
            .Select(o => new OutcomeRow(o.Id, o.Kind, o.OccurredOn, o.Note, db.Programs.Where(p => p.Id == o.ProgramId).Select(p => p.Name).FirstOrDefault(), o.StaffMemberId == id))
            .ToListAsync(ct);
        return true;
    }

    public sealed class OutcomeInput
    {
        public OutcomeKind? Kind { get; set; }
        public DateOnly? OccurredOn { get; set; }
        public string? Note { get; set; }
        public int? ProgramId { get; set; }
    }

    public sealed class Validator : AbstractValidator<OutcomeInput>
    {
        public Validator() => RuleFor(x => x.Note).MaximumLength(1000).WithMessage("Keep the note under 1,000 characters.");
    }

    public sealed record Participation(int ProgramId, string ProgramName, int CohortId, string CohortName, EnrollmentRole Role, EnrollmentStatus Status, DateOnly StartsOn, DateOnly? EndedOn);

    /// <param name="Removable">Recorded against the roster entry (outcomes recorded elsewhere against the account stay).</param>
    public sealed record OutcomeRow(long Id, OutcomeKind Kind, DateOnly OccurredOn, string? Note, string? ProgramName, bool Removable);
}
