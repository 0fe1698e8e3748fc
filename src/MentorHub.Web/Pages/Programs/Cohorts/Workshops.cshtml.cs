
namespace MentorHub.Web.Pages.Programs.Cohorts;

/// <summary>A cohort's group sessions: the coordinator plans them here; participants reply from their mentorship page.</summary>
public class WorkshopsModel(MentorHubDbContext db, UserTime time) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public CohortInfo Cohort { get; private set; } = null!;
    public IReadOnlyList<Row> Workshops { get; private set; } = [];
    public UserTime Time => time;

    public async Task<IActionResult> OnGetAsync(int id, int cohortId, CancellationToken ct)
    {
        if (!await LoadAsync(id, cohortId, ct)) return NotFound();
        Input = new InputModel { Date = time.Today.AddDays(14), Time = new TimeOnly(14, 0) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int cohortId, CancellationToken ct)
    {
        if (!await LoadAsync(id, cohortId, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        if (!time.TryToUtc(Input.Date!.Value.ToDateTime(Input.Time!.Value), out var startsAtUtc, out var error))
        {
            ModelState.AddModelError("Input.Time", error!);
            return Page();
        }
        db.Workshops.Add(new Workshop(cohortId, Input.Title.Trim(), Input.Description?.Trim(), startsAtUtc, Input.DurationMinutes, Input.Modality, Input.Location?.Trim(), Input.Capacity));
        await db.SaveChangesAsync(ct);
        this.FlashSuccess($"“{Input.Title.Trim()}” planned for {time.Format(startsAtUtc)}.");
        return Redirect($"{Cohort.Path}/Workshops");
    }

    private async Task<bool> LoadAsync(int id, int cohortId, CancellationToken ct)
    {
        var cohort = await db.FindManagedCohortAsync(User, id, cohortId, ct);
        if (cohort is null) return false;
        Cohort = cohort;
        Workshops = await db.Workshops.AsNoTracking().Where(w => w.CohortId == cohortId).OrderBy(w => w.StartsAtUtc)
            .Select(w => new Row(w.Id, w.Title, w.StartsAtUtc, w.DurationMinutes, w.Modality, w.Location, w.Capacity, w.Rsvps.Count)).ToListAsync(ct);
        return true;
    }

    public sealed record Row(int Id, string Title, DateTime StartsAtUtc, int DurationMinutes, Modality Modality, string? Location, int Capacity, int Going);

    public sealed class InputModel
    {
        public string Title { get; set; } = "";
        public string? Description { get; set; }
        public DateOnly? Date { get; set; }
        public TimeOnly? Time { get; set; }
        public int DurationMinutes { get; set; } = 60;
        public Modality Modality { get; set; } = Modality.Hybrid;
        public string? Location { get; set; }
        public int Capacity { get; set; } = 20;
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator()
        {
            RuleFor(x => x.Title).NotEmpty().WithMessage("Give the workshop a title.").MaximumLength(200);
            RuleFor(x => x.Description).MaximumLength(4000);
            RuleFor(x => x.Date).NotNull().WithMessage("Choose the date.");
            RuleFor(x => x.Time).NotNull().WithMessage("Choose the time.");
            RuleFor(x => x.DurationMinutes).InclusiveBetween(15, 480).WithMessage("A workshop lasts between 15 minutes and 8 hours.");
            RuleFor(x => x.Modality).IsInEnum();
            RuleFor(x => x.Location).MaximumLength(300);
            RuleFor(x => x.Capacity).InclusiveBetween(1, 500).WithMessage("Room for 1 to 500 people.");
        }
    }
}
