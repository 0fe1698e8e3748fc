using MentorHub.Core.Matching;

namespace MentorHub.Web.Pages.Programs.Cohorts;

/// <summary>
/// How a cohort's mentees are matched (by the coordinator, with their ranked choices, or by requesting a mentor), and
/// where mentees request: the requests mentors accepted, to approve or return, and the ones waiting on mentors.
/// </summary>
public class ChoiceModel(MentorHubDbContext db, CohortMatching matching, MenteeChoice choice, UserTime time, TimeProvider clock) : PageModel
{
    public CohortInfo Cohort { get; private set; } = null!;
    public MatchingInput People { get; private set; } = null!;
    public UserTime Time => time;
    public DateTime NowUtc => clock.GetUtcNow().UtcDateTime;

    [BindProperty]
    public SettingsInput Input { get; set; } = new();

    /// <summary>Mentees who ranked at least one mentor (ranking cohorts).</summary>
    public int Ranked { get; private set; }

    public bool FormatAllowsChoice => Cohort.Format is ProgramFormat.OneToOne or ProgramFormat.Reverse;

    public async Task<IActionResult> OnGetAsync(int id, int cohortId, CancellationToken ct)
    {
        var cohort = await LoadAsync(id, cohortId, ct);
        if (cohort is null) return NotFound();
        Input = new SettingsInput { Mode = cohort.ChoiceMode, ShortlistSize = cohort.ShortlistSize, RequestDays = cohort.RequestDays, Version = cohort.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int cohortId, CancellationToken ct)
    {
        var cohort = await LoadAsync(id, cohortId, ct);
        if (cohort is null) return NotFound();
        if (ModelState.IsValid && Input.Mode is not MenteeChoiceMode.None && !FormatAllowsChoice)
            ModelState.AddModelError("Input.Mode", "Mentees choose a mentor in one-to-one and reverse programs; peer and group programs are matched by the coordinator.");
        if (ModelState.IsValid && cohort.ChoiceMode is MenteeChoiceMode.Request && Input.Mode is not MenteeChoiceMode.Request && People.Requests.Any(r => r.IsOpen(NowUtc)))
            ModelState.AddModelError("Input.Mode", "Some requests are still open. Approve or return the accepted ones, and let mentors answer or mentees withdraw the rest, before changing how mentees are matched.");
        if (!ModelState.IsValid) return Page();
        db.Entry(cohort).Property(c => c.Version).OriginalValue = Input.Version;
        cohort.SetChoice(Input.Mode, Input.ShortlistSize, Input.RequestDays, Cohort.Format);
        db.Audit(cohort, "MenteeChoiceSet", $"{Input.Mode}, shortlist of {Input.ShortlistSize}, {Input.RequestDays} days to answer");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, "Someone else changed this cohort while you were editing, so nothing was saved. Your choices are still in the form; reload the page to see theirs.");
            return Page();
        }
        this.FlashSuccess(Input.Mode switch
        {
            MenteeChoiceMode.Request => "Mentees now choose their mentor from a shortlist. They find it on their home page.",
            MenteeChoiceMode.Rank => "Mentees now rank mentors from a shortlist; matching weighs their choices.",
            _ => "You make this cohort's matches on the matching page.",
        });
        return Redirect($"{Cohort.Path}/Choice");
    }

    public async Task<IActionResult> OnPostApproveAsync(int id, int cohortId, int requestId, Guid version, CancellationToken ct)
    {
        if (await LoadAsync(id, cohortId, ct) is null || People.Requests.All(r => r.Id != requestId)) return NotFound();
        var mentorship = await choice.ApproveAsync(id, cohortId, requestId, version, time.Today, ct);
        var request = People.Requests.Single(r => r.Id == requestId);
        this.FlashSuccess($"{request.MenteeName} and {request.MentorName} are matched; they have been told.");
        return Redirect($"{Cohort.Path}/Choice");
    }

    public async Task<IActionResult> OnPostReturnAsync(int id, int cohortId, int requestId, Guid version, string? reason, CancellationToken ct)
    {
        if (await LoadAsync(id, cohortId, ct) is null || People.Requests.All(r => r.Id != requestId)) return NotFound();
        await choice.ReturnAsync(requestId, reason, version, ct);
        var request = People.Requests.Single(r => r.Id == requestId);
        this.FlashSuccess($"{request.MenteeName} chooses again, without {request.MentorName}; they have been told.");
        return Redirect($"{Cohort.Path}/Choice");
    }

    private async Task<Cohort?> LoadAsync(int id, int cohortId, CancellationToken ct)
    {
        var info = await db.FindManagedCohortAsync(User, id, cohortId, ct);
        if (info is null) return null;
        Cohort = info;
        People = await matching.LoadAsync(id, cohortId, ct);
        Ranked = People.Mentees.Concat(People.Requesting).Count(m => m.Choices.Count > 0);
        return await db.Cohorts.SingleAsync(c => c.Id == cohortId, ct);
    }

    public sealed class SettingsInput
    {
        public MenteeChoiceMode Mode { get; set; }
        public int ShortlistSize { get; set; } = MentorHub.Core.Domain.Cohort.DefaultShortlistSize;
        public int RequestDays { get; set; } = MentorHub.Core.Domain.Cohort.DefaultRequestDays;
        public Guid Version { get; set; }

        public sealed class Validator : AbstractValidator<SettingsInput>
        {
            public Validator()
            {
                RuleFor(x => x.Mode).IsInEnum().WithMessage("Choose how mentees are matched.");
                RuleFor(x => x.ShortlistSize).InclusiveBetween(1, 10).WithMessage("A shortlist shows between 1 and 10 mentors.");
                RuleFor(x => x.RequestDays).InclusiveBetween(1, 60).WithMessage("Give mentors between 1 and 60 days to answer.");
            }
        }
    }
}
