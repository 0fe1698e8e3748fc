using MentorHub.Core.Matching;

namespace MentorHub.Web.Pages.Enrollments;

/// <summary>
/// A mentee's shortlist in a cohort where mentees choose or rank their mentor: the best mentors with a free place and
/// why each fits. Where mentees request, they ask one and follow the answer; where they rank, they order the list
/// for the coordinator's matching. Only the mentee sees it; 404 for anyone else.
/// </summary>
public class ShortlistModel(MentorHubDbContext db, UserManager<AppUser> users, MenteeChoice choice, UserTime time) : PageModel
{
    public MenteeChoiceView View { get; private set; } = null!;
    public Header Info { get; private set; } = null!;

    [BindProperty]
    public string? Note { get; set; }

    /// <summary>The mentor whose request form was sent (its message is kept when the request is refused).</summary>
    public int? NoteFor { get; private set; }

    /// <summary>The ranking as entered: a mentor's enrollment id for each place, first first.</summary>
    [BindProperty]
    public List<int?> Ranking { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(int enrollmentId, CancellationToken ct) =>
        await LoadAsync(enrollmentId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRequestAsync(int enrollmentId, int mentorId, CancellationToken ct)
    {
        if (!await LoadAsync(enrollmentId, ct)) return NotFound();
        if (Note?.Length > MentorRequest.MaxNoteLength) ModelState.AddModelError(nameof(Note), $"Keep the message to {MentorRequest.MaxNoteLength} characters.");
        if (ModelState.IsValid)
        {
            try
            {
                var request = await choice.RequestAsync(enrollmentId, mentorId, Note, ct);
                this.FlashSuccess($"Your request is with {View.MentorName(mentorId)}. They have until {Time.Format(request.ExpiresAtUtc)} to answer.");
                return Redirect($"/Enrollments/{enrollmentId}/Shortlist");
            }
            catch (DomainException ex)
            {
                ModelState.AddModelError(nameof(Note), ex.Message);
            }
            catch (DbUpdateConcurrencyException)
            {
                ModelState.AddModelError(nameof(Note), "Someone else asked for a place at the same moment. Your shortlist below is up to date; try again.");
            }
            await LoadAsync(enrollmentId, ct);
        }
        NoteFor = mentorId;
        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int enrollmentId, int requestId, Guid version, CancellationToken ct)
    {
        if (!await LoadAsync(enrollmentId, ct)) return NotFound();
        if (View.Open?.Id != requestId) return NotFound();
        await choice.WithdrawAsync(requestId, version, ct);
        this.FlashSuccess($"Your request to {View.Open.MentorName} is withdrawn. Choose again below.");
        return Redirect($"/Enrollments/{enrollmentId}/Shortlist");
    }

    public async Task<IActionResult> OnPostRankAsync(int enrollmentId, Guid version, CancellationToken ct)
    {
        if (!await LoadAsync(enrollmentId, ct)) return NotFound();
        var chosen = Ranking.Where(r => r is not null).Select(r => r!.Value).ToList();
        try
        {
            await choice.RankAsync(enrollmentId, chosen, version, ct);
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(nameof(Ranking), ex.Message);
            return Page();
        }
        this.FlashSuccess(chosen.Count == 0 ? "Your choices are cleared." : "Your choices are saved. Your coordinator weighs them when making the matches.");
        return Redirect($"/Enrollments/{enrollmentId}/Shortlist");
    }

    public UserTime Time => time;

    private async Task<bool> LoadAsync(int enrollmentId, CancellationToken ct)
    {
        var userId = users.GetUserId(User);
        var info = await db.Enrollments.AsNoTracking().Where(e => e.Id == enrollmentId && e.UserId == userId && e.Role == EnrollmentRole.Mentee)
            .Select(e => new
            {
                e.Status,
                e.Cohort!.Name,
                ProgramName = e.Cohort.Program!.Name,
                e.RankedMentors,
                e.Version,
                Mentorship = db.MentorshipMembers.Where(m => m.EnrollmentId == e.Id && m.IsCurrent).Select(m => (int?)m.MentorshipId).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        if (info is null) return false;
        View = (await choice.LoadAsync(enrollmentId, ct))!;
        Info = new Header(enrollmentId, info.Name, info.ProgramName, info.Status, info.Mentorship, Enrollment.ParseChoices(info.RankedMentors), info.Version);
        if (Ranking.Count == 0) Ranking = [.. Info.Ranked.Select(r => (int?)r)];
        return true;
    }

    public sealed record Header(int EnrollmentId, string CohortName, string ProgramName, EnrollmentStatus Status, int? MentorshipId, IReadOnlyList<int> Ranked, Guid Version);
}
