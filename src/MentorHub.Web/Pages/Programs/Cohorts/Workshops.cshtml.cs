
namespace MentorHub.Web.Pages.Programs.Cohorts;

/// <summary>
/// A cohort's group sessions: the coordinator plans, changes and cancels them here (those who replied are told of a
/// cancellation); participants reply from their mentorship page.
/// </summary>
public class WorkshopsModel(MentorHubDbContext db, UserTime time, TimeProvider clock, NotificationOutbox outbox, AppUrls urls) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The workshop being changed (<c>?edit=</c>), or null when planning a new one.</summary>
    [BindProperty(SupportsGet = true, Name = "edit")]
    public int? Editing { get; set; }

    public CohortInfo Cohort { get; private set; } = null!;
    public IReadOnlyList<Row> Workshops { get; private set; } = [];
    public UserTime Time => time;

    public async Task<IActionResult> OnGetAsync(int id, int cohortId, CancellationToken ct)
    {
        if (!await LoadAsync(id, cohortId, ct)) return NotFound();
        Input = new InputModel { Date = time.Today.AddDays(14), Time = new TimeOnly(14, 0) };
        if (Editing is { } workshopId)
        {
            var w = await db.Workshops.AsNoTracking().SingleOrDefaultAsync(x => x.Id == workshopId && x.CohortId == cohortId && x.CancelledAtUtc == null, ct);
            if (w is null) return NotFound();
            var local = time.ToLocal(w.StartsAtUtc);
            Input = new InputModel
            {
                Title = w.Title,
                Description = w.Description,
                Date = DateOnly.FromDateTime(local),
                Time = TimeOnly.FromDateTime(local),
                DurationMinutes = w.DurationMinutes,
                Modality = w.Modality,
                Location = w.Location,
                Capacity = w.Capacity,
                Version = w.Version,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(int id, int cohortId, int workshopId, CancellationToken ct)
    {
        Editing = workshopId;
        if (!await LoadAsync(id, cohortId, ct)) return NotFound();
        var workshop = await db.Workshops.Include(w => w.Rsvps).SingleOrDefaultAsync(w => w.Id == workshopId && w.CohortId == cohortId, ct);
        if (workshop is null) return NotFound();
        if (!ModelState.IsValid) return Page();
        if (!time.TryToUtc(Input.Date!.Value.ToDateTime(Input.Time!.Value), out var startsAtUtc, out var error))
        {
            ModelState.AddModelError("Input.Time", error!);
            return Page();
        }
        db.Entry(workshop).Property(w => w.Version).OriginalValue = Input.Version;
        try
        {
            workshop.Change(Input.Title.Trim(), Input.Description?.Trim(), startsAtUtc, Input.DurationMinutes, Input.Modality, Input.Location?.Trim(), Input.Capacity);
            workshop.Version = Guid.NewGuid();
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, "Someone changed this workshop (or replied to it) while you were editing, so nothing was saved. Your changes are still in the form; reload to see theirs.");
            return Page();
        }
        this.FlashSuccess($"“{workshop.Title}” saved.");
        return Redirect($"{Cohort.Path}/Workshops");
    }

    /// <summary>Calls the workshop off and tells everyone who said they would come, with the reason.</summary>
    public async Task<IActionResult> OnPostCancelAsync(int id, int cohortId, int workshopId, string? reason, CancellationToken ct)
    {
        if (!await LoadAsync(id, cohortId, ct)) return NotFound();
        var workshop = await db.Workshops.Include(w => w.Rsvps).SingleOrDefaultAsync(w => w.Id == workshopId && w.CohortId == cohortId, ct);
        if (workshop is null) return NotFound();
        workshop.Cancel(reason ?? "", clock.GetUtcNow().UtcDateTime);
        var going = workshop.Rsvps.Select(r => r.UserId).ToList();
        var people = await db.Users.Where(u => going.Contains(u.Id)).ToListAsync(ct);
        foreach (var person in people)
            await outbox.QueueAsync(ProgramEmails.WorkshopCancelled(Recipient.Of(person), urls.Links, workshop.Id, workshop.Title,
                MailTime.Format(workshop.StartsAtUtc, person.TimeZoneId), workshop.CancellationReason!));
        db.Audit(workshop, "WorkshopCancelled", workshop.CancellationReason);
        await db.SaveChangesAsync(ct);
        this.FlashSuccess($"“{workshop.Title}” is cancelled; {(people.Count == 1 ? "the 1 person" : $"the {people.Count} people")} who replied {(people.Count == 1 ? "has" : "have")} been told.");
        return Redirect($"{Cohort.Path}/Workshops");
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
            .Select(w => new Row(w.Id, w.Title, w.StartsAtUtc, w.DurationMinutes, w.Modality, w.Location, w.Capacity, w.Rsvps.Count, w.CancelledAtUtc != null, w.CancellationReason)).ToListAsync(ct);
        return true;
    }

    public sealed record Row(int Id, string Title, DateTime StartsAtUtc, int DurationMinutes, Modality Modality, string? Location, int Capacity, int Going,
        bool Cancelled, string? CancellationReason);

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
        public Guid Version { get; set; }
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
