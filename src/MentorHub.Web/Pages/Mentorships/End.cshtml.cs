using MentorHub.Core.Mentoring;

namespace MentorHub.Web.Pages.Mentorships;

/// <summary>
/// A coordinator ends one mentorship with a reason. Its history stays; while the cohort runs, its members go back to
/// the matching pool.
/// </summary>
public class EndModel(MentorHubDbContext db, MentorshipEnding ending, UserManager<AppUser> users, UserTime time, TimeProvider clock) : PageModel
{
    /// <summary>The reasons a coordinator picks from; completing a cohort and withdrawing a person end mentorships elsewhere.</summary>
    public static readonly MentorshipEndReason[] Reasons =
        [MentorshipEndReason.GoalsMet, MentorshipEndReason.NotAGoodFit, MentorshipEndReason.LeftOrganisation, MentorshipEndReason.Other];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Summary Mentorship { get; private set; } = null!;
    public bool CohortRunning => Mentorship.CompletedOn is null && Mentorship.CohortEndsOn >= time.Today;

    public async Task<IActionResult> OnGetAsync(int id, MentorshipEndReason? reason, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input.Version = Mentorship.Version;
        if (reason is { } suggested && Reasons.Contains(suggested)) Input.Reason = suggested;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Input.Reason is null) ModelState.AddModelError("Input.Reason", "Choose why the mentorship is ending.");
        else if (!Reasons.Contains(Input.Reason.Value)) ModelState.AddModelError("Input.Reason", "Choose one of the reasons listed.");
        else if (Input.Reason is MentorshipEndReason.Other && string.IsNullOrWhiteSpace(Input.Note)) ModelState.AddModelError("Input.Note", "Say why the mentorship is ending.");
        if (!ModelState.IsValid) return Page();

        var mentorship = await db.Mentorships.Include(m => m.Members).SingleAsync(m => m.Id == id, ct);
        db.Entry(mentorship).Property(m => m.Version).OriginalValue = Input.Version;
        try
        {
            await ending.EndAsync(mentorship, time.Today, Input.Reason!.Value, Input.Note, users.GetUserId(User)!, clock.GetUtcNow().UtcDateTime, ct);
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            return Page();
        }
        await db.SaveChangesAsync(ct);
        this.FlashSuccess(CohortRunning
            ? $"The mentorship of {Mentorship.Names} has ended. They are back in the matching pool of {Mentorship.CohortName}."
            : $"The mentorship of {Mentorship.Names} has ended.");
        return Redirect($"/Mentorships/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var managed = db.Programs.ManageableBy(User);
        var summary = await db.Mentorships.AsNoTracking().Where(m => m.Id == id && m.Status != MentorshipStatus.Closed && managed.Any(p => p.Id == m.Cohort!.ProgramId))
            .Select(m => new Summary(m.Id, m.Version, m.Cohort!.ProgramId, m.CohortId, m.Cohort.Name, m.Cohort.EndsOn, m.Cohort.CompletedOn,
                string.Join(" & ", m.Members.OrderBy(mm => mm.Role == MemberRole.Mentor ? 0 : 1).ThenBy(mm => mm.User!.DisplayName).Select(mm => mm.User!.DisplayName))))
            .SingleOrDefaultAsync(ct);
        if (summary is null) return false;
        Mentorship = summary;
        return true;
    }

    public sealed class InputModel
    {
        public MentorshipEndReason? Reason { get; set; }
        public string? Note { get; set; }
        public Guid Version { get; set; }
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator() => RuleFor(x => x.Note).MaximumLength(500);
    }

    public sealed record Summary(int Id, Guid Version, int ProgramId, int CohortId, string CohortName, DateOnly CohortEndsOn, DateOnly? CompletedOn, string Names);
}
