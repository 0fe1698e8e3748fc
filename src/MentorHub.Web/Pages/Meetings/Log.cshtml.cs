
namespace MentorHub.Web.Pages.Meetings;

/// <summary>After a meeting: held or missed, who came, notes and the competencies it covered.</summary>
public class LogModel(MentorHubDbContext db, UserManager<AppUser> users, UserTime time, TimeProvider clock) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public MeetingView Meeting { get; private set; } = null!;

    /// <summary>The log another member saved while this one was being written, shown instead of being overwritten.</summary>
    public MeetingView? Theirs { get; private set; }
    public IReadOnlyList<(int Id, string Name)> Competencies { get; private set; } = [];
    public UserTime Time => time;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var competencyNames = Meeting.Competencies;
        Input = new InputModel
        {
            Held = Meeting.Status != MeetingStatus.Missed,
            Attendees = Meeting.Status == MeetingStatus.Held ? Meeting.Attendees : Meeting.Members.Select(m => m.UserId).ToList(),
            Notes = Meeting.Notes,
            CompetencyIds = Competencies.Where(c => competencyNames.Contains(c.Name)).Select(c => c.Id).ToList(),
            Version = Meeting.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var members = Meeting.Members.Select(m => m.UserId).ToHashSet();
        Input.Attendees = Input.Attendees.Where(members.Contains).ToList();
        Input.CompetencyIds = Input.CompetencyIds.Where(c => Competencies.Any(x => x.Id == c)).ToList();
        if (Input.Held && Input.Attendees.Count == 0) ModelState.AddModelError("Input.Attendees", "Tick who attended.");
        if (!ModelState.IsValid) return Page();

        var meeting = await db.Meetings.Include(m => m.Attendance).Include(m => m.CompetenciesCovered).SingleAsync(m => m.Id == id, ct);
        db.Entry(meeting).Property(m => m.Version).OriginalValue = Input.Version;
        var userId = users.GetUserId(User)!;
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            if (Input.Held) meeting.LogAsHeld(Input.Notes?.Trim(), Input.Attendees, Input.CompetencyIds, userId, now);
            else meeting.LogAsMissed(Input.Notes?.Trim(), userId, now);
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, "Someone else logged or changed this meeting while you were writing. Their log is shown below and nothing of it was replaced; your notes are still in the form. Save again to replace theirs.");
            db.ChangeTracker.Clear();
            Theirs = await MeetingView.LoadAsync(db, User, id, ct);
            Input.Version = Theirs?.Version ?? Input.Version;
            ModelState.Remove("Input.Version");
            return Page();
        }
        this.FlashSuccess(Input.Held ? "Meeting logged as held. Attendees can now leave feedback." : "Meeting logged as missed.");
        return Redirect($"/Meetings/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var meeting = await MeetingView.LoadAsync(db, User, id, ct);
        if (meeting is null || !meeting.ViewerWorks || meeting.Status == MeetingStatus.Cancelled) return false;
        Meeting = meeting;
        Competencies = await db.TargetCompetenciesAsync(meeting.ProgramId, ct);
        return true;
    }

    public sealed class InputModel
    {
        public bool Held { get; set; } = true;
        public List<string> Attendees { get; set; } = [];
        public string? Notes { get; set; }
        public List<int> CompetencyIds { get; set; } = [];
        public Guid Version { get; set; }
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator() => RuleFor(x => x.Notes).MaximumLength(8000);
    }
}
