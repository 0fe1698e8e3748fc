using MentorHub.Core.Matching;

namespace MentorHub.Web.Pages.Enrollments;

/// <summary>
/// A mentor's requests from mentees in a cohort where mentees choose: each with the mentee's message, why they fit
/// and the date it expires; the mentor accepts (the coordinator approves next) or declines with an optional reason.
/// Only the mentor sees it; 404 for anyone else.
/// </summary>
public class RequestsModel(MentorHubDbContext db, UserManager<AppUser> users, CohortMatching matching, MenteeChoice choice, UserTime time, TimeProvider clock) : PageModel
{
    public string ProgramName { get; private set; } = "";
    public string CohortName { get; private set; } = "";
    public IReadOnlyList<Row> Pending { get; private set; } = [];
    public IReadOnlyList<Row> Others { get; private set; } = [];
    public UserTime Time => time;

    /// <summary>Every request to this mentor: an answer to one no longer pending is refused with the domain's reason.</summary>
    private IReadOnlyList<Row> _all = [];

    public async Task<IActionResult> OnGetAsync(int enrollmentId, CancellationToken ct) =>
        await LoadAsync(enrollmentId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAnswerAsync(int enrollmentId, int requestId, bool accept, string? reason, Guid version, CancellationToken ct)
    {
        if (!await LoadAsync(enrollmentId, ct)) return NotFound();
        var row = _all.FirstOrDefault(r => r.Request.Id == requestId);
        if (row is null) return NotFound();
        if (reason?.Length > MentorRequest.MaxNoteLength) throw new DomainException($"Keep the reason to {MentorRequest.MaxNoteLength} characters.");
        await choice.AnswerAsync(requestId, accept, reason, version, ct);
        this.FlashSuccess(accept
            ? $"You accepted {row.MenteeName}. Your coordinator approves the match next; you will both hear when it is made."
            : $"You declined {row.MenteeName}. They will choose another mentor.");
        return Redirect($"/Enrollments/{enrollmentId}/Requests");
    }

    private async Task<bool> LoadAsync(int enrollmentId, CancellationToken ct)
    {
        var userId = users.GetUserId(User);
        var mine = await db.Enrollments.AsNoTracking().Where(e => e.Id == enrollmentId && e.UserId == userId && e.Role == EnrollmentRole.Mentor)
            .Select(e => new { e.CohortId, e.Cohort!.ProgramId, e.Cohort.Name, ProgramName = e.Cohort.Program!.Name }).SingleOrDefaultAsync(ct);
        if (mine is null) return false;
        (ProgramName, CohortName) = (mine.ProgramName, mine.Name);
        var input = await matching.LoadAsync(mine.ProgramId, mine.CohortId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var scorer = input.ScorerFor(new MatchSettings(input.ProgramSettings, MatchSettings.DefaultGroupSize));
        var me = input.Mentors.Single(m => m.Id == enrollmentId);
        var people = input.Mentees.Concat(input.Requesting).ToDictionary(p => p.Id);
        var rows = input.Requests.Where(r => r.MentorId == enrollmentId).OrderByDescending(r => r.CreatedAtUtc)
            .Select(r => new Row(r, r.MenteeName,
                people.TryGetValue(r.MenteeId, out var mentee) ? scorer.Score(mentee, me).Breakdown.Where(c => c.Weight > 0).ToList() : [],
                r.Status is MentorRequestStatus.Pending && now >= r.ExpiresAtUtc))
            .ToList();
        _all = rows;
        Pending = rows.Where(r => r.Request.Status is MentorRequestStatus.Pending && !r.IsPastDue).ToList();
        Others = rows.Except(Pending).Take(20).ToList();
        return true;
    }

    /// <param name="IsPastDue">Pending but past its date: it expires with the next sweep and can no longer be answered.</param>
    public sealed record Row(RequestRow Request, string MenteeName, IReadOnlyList<CriterionScore> Reasons, bool IsPastDue);
}
