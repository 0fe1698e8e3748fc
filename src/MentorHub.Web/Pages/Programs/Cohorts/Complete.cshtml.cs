using MentorHub.Core.Mentoring;

namespace MentorHub.Web.Pages.Programs.Cohorts;

/// <summary>Completing a cohort: says what will happen, then ends its mentorships and enrollments and opens exit check-ins.</summary>
public class CompleteModel(MentorHubDbContext db, CohortCompletion completion, UserTime time) : PageModel
{
    public CohortInfo Cohort { get; private set; } = null!;
    public Preview Summary { get; private set; } = null!;
    public DateOnly Today => time.Today;

    /// <summary>The cohort as the page showed it; a change since then (a new match, an edit) is a conflict.</summary>
    [BindProperty]
    public Guid Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, int cohortId, CancellationToken ct)
    {
        var cohort = await db.FindManagedCohortAsync(User, id, cohortId, ct);
        if (cohort is null) return NotFound();
        Cohort = cohort;
        Summary = await db.Cohorts.AsNoTracking().Where(c => c.Id == cohortId).Select(c => new Preview(
            c.Version,
            c.Mentorships.Count(m => m.Status == MentorshipStatus.Active || m.Status == MentorshipStatus.Paused || m.Status == MentorshipStatus.Proposed),
            c.Enrollments.Count(e => e.Status == EnrollmentStatus.Active),
            c.Enrollments.Count(e => e.Status == EnrollmentStatus.Applied))).SingleAsync(ct);
        Version = Summary.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int cohortId, CancellationToken ct)
    {
        var cohort = await db.FindManagedCohortAsync(User, id, cohortId, ct);
        if (cohort is null) return NotFound();
        var done = await completion.CompleteAsync(cohortId, Version, time.Today, ct);
        this.FlashSuccess($"{cohort.Name} is completed: {Count(done.MentorshipsEnded, "mentorship")} ended, {Count(done.ParticipantsCompleted, "participant")} completed"
            + (done.ApplicationsDeclined > 0 ? $", {Count(done.ApplicationsDeclined, "waiting application")} declined" : "")
            + $". {Count(done.ExitCheckInsOpen, "exit check-in")} open now.");
        return Redirect(cohort.Path);
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    public sealed record Preview(Guid Version, int RunningMentorships, int ActiveParticipants, int Applications);
}
