using MentorHub.Web.Pages.Meetings;

namespace MentorHub.Web.Pages.Mentorships;

/// <summary>A member schedules a meeting; the form suggests the next date from the program's cadence.</summary>
public class ScheduleMeetingModel(MentorHubDbContext db, UserManager<AppUser> users, UserTime time, TimeProvider clock, MeetingNotices notices, AppUrls urls) : PageModel
{
    [BindProperty]
    public MeetingInput Input { get; set; } = new();

    public int MentorshipId { get; private set; }
    public string Title { get; private set; } = "";
    public string ZoneId => time.Zone.Id;
    public DateOnly? SuggestedDate { get; private set; }
    public IReadOnlyList<MentorHub.Core.Mentoring.MeetingOverlap> Overlaps { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var context = await LoadAsync(id, ct);
        if (context is null) return NotFound();
        var lastUtc = context.LastMeetingUtc;
        var last = lastUtc is null ? (DateTime?)null : time.ToLocal(lastUtc.Value);
        var suggested = last is null ? time.Today.AddDays(7) : DateOnly.FromDateTime(last.Value).AddDays(context.CadenceDays);
        if (suggested <= time.Today) suggested = time.Today.AddDays(1);
        SuggestedDate = suggested;
        Input = new MeetingInput
        {
            Date = suggested,
            Time = last is null ? new TimeOnly(10, 0) : TimeOnly.FromDateTime(last.Value),
            Modality = context.DefaultModality,
            DurationMinutes = 60,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var context = await LoadAsync(id, ct);
        if (context is null) return NotFound();
        if (!ModelState.IsValid) return Page();
        if (!time.TryToUtc(Input.LocalStart(), out var startsAtUtc, out var error))
        {
            ModelState.AddModelError("Input.Time", error!);
            return Page();
        }
        if (startsAtUtc > clock.GetUtcNow().UtcDateTime.AddYears(1))
        {
            ModelState.AddModelError("Input.Date", "Schedule meetings up to a year ahead.");
            return Page();
        }
        if (!Input.OverlapConfirmed)
        {
            Overlaps = await MentorHub.Core.Mentoring.MeetingOverlaps.FindAsync(db, id, startsAtUtc, Input.DurationMinutes, null, ct);
            if (Overlaps.Count > 0) return Page();
        }
        Meeting meeting = null!;
        await db.InTransactionAsync(async ct =>
        {
            meeting = new Meeting(id, startsAtUtc, Input.DurationMinutes, Input.Modality, Input.Location?.Trim(), Input.VideoUrl?.Trim(), Input.Agenda?.Trim(), users.GetUserId(User)!);
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync(ct);
            await notices.QueueAsync(meeting.Id, urls.Links, ct);
            await db.SaveChangesAsync(ct);
        }, ct);
        this.FlashSuccess($"Meeting scheduled for {time.Format(startsAtUtc)}.");
        return Redirect($"/Meetings/{meeting.Id}");
    }

    private async Task<ScheduleContext?> LoadAsync(int id, CancellationToken ct)
    {
        var context = await db.Mentorships.AsNoTracking().WorkableBy(User).Where(m => m.Id == id && m.Status != MentorshipStatus.Closed)
            .Select(m => new ScheduleContext(m.Cohort!.Program!.Name, m.Cohort.Program.MeetingCadenceDays, m.Cohort.Program.DefaultModality,
                m.Meetings.Where(mt => mt.Status != MeetingStatus.Cancelled).Max(mt => (DateTime?)mt.StartsAtUtc),
                m.Members.OrderBy(mm => mm.Role == MemberRole.Mentor ? 0 : 1).ThenBy(mm => mm.User!.DisplayName).Select(mm => mm.User!.DisplayName).ToList()))
            .SingleOrDefaultAsync(ct);
        if (context is null) return null;
        MentorshipId = id;
        Title = string.Join(" & ", context.Members);
        return context;
    }

    private sealed record ScheduleContext(string ProgramName, int CadenceDays, Modality DefaultModality, DateTime? LastMeetingUtc, List<string> Members);
}
