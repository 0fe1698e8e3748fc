
namespace MentorHub.Web.Pages.Meetings;

/// <summary>Reschedule or edit a scheduled meeting. A save over someone else's newer change is refused with their values shown.</summary>
public class EditModel(MentorHubDbContext db, UserTime time, MeetingNotices notices, AppUrls urls) : PageModel
{
    public IReadOnlyList<MentorHub.Core.Mentoring.MeetingOverlap> Overlaps { get; private set; } = [];

    [BindProperty]
    public MeetingInput Input { get; set; } = new();

    public MeetingView Meeting { get; private set; } = null!;
    public string ZoneId => time.Zone.Id;

    /// <summary>The other person's saved version, after a conflict.</summary>
    public MeetingView? Theirs { get; private set; }
    public UserTime Time => time;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var local = time.ToLocal(Meeting.StartsAtUtc);
        Input = new MeetingInput
        {
            Date = DateOnly.FromDateTime(local),
            Time = TimeOnly.FromDateTime(local),
            DurationMinutes = Meeting.DurationMinutes,
            Modality = Meeting.Modality,
            Location = Meeting.Location,
            VideoUrl = Meeting.VideoUrl,
            Agenda = Meeting.Agenda,
            Version = Meeting.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        if (!time.TryToUtc(Input.LocalStart(), out var startsAtUtc, out var error))
        {
            ModelState.AddModelError("Input.Time", error!);
            return Page();
        }
        if (!Input.OverlapConfirmed)
        {
            Overlaps = await MentorHub.Core.Mentoring.MeetingOverlaps.FindAsync(db, Meeting.MentorshipId, startsAtUtc, Input.DurationMinutes, id, ct);
            if (Overlaps.Count > 0) return Page();
        }
        try
        {
            // The members get the updated invite (and fresh reminders, keyed by the new sequence) with the change itself.
            await db.InTransactionAsync(async ct =>
            {
                var meeting = await db.Meetings.SingleAsync(m => m.Id == id, ct);
                db.Entry(meeting).Property(m => m.Version).OriginalValue = Input.Version;
                var before = new MeetingBefore(meeting.StartsAtUtc, meeting.DurationMinutes, meeting.Modality, meeting.Location, meeting.VideoUrl);
                var changed = meeting.Revise(startsAtUtc, Input.DurationMinutes, Input.Modality, Blank(Input.Location), Blank(Input.VideoUrl), Blank(Input.Agenda));
                await db.SaveChangesAsync(ct);
                if (changed)
                {
                    await notices.QueueAsync(id, urls.Links, ct, before);
                    await db.SaveChangesAsync(ct);
                }
            }, ct);
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            Theirs = await MeetingView.LoadAsync(db, User, id, ct);
            Input.Version = Theirs!.Version;
            ModelState.Remove("Input.Version");
            ModelState.AddModelError(string.Empty, "Someone else changed this meeting while you were editing. Their version is shown below; your changes are still in the form. Save again to replace theirs.");
            return Page();
        }
        this.FlashSuccess($"Meeting saved: {time.Format(startsAtUtc)}.");
        return Redirect($"/Meetings/{id}");
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var meeting = await MeetingView.LoadAsync(db, User, id, ct);
        if (meeting is null || !meeting.ViewerWorks || meeting.Status != MeetingStatus.Scheduled) return false;
        Meeting = meeting;
        return true;
    }
}
