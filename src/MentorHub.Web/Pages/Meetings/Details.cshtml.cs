using System.Text;
using MentorHub.Core.Notifications;

namespace MentorHub.Web.Pages.Meetings;

public class DetailsModel(MentorHubDbContext db, UserManager<AppUser> users, UserTime time, TimeProvider clock, MeetingNotices notices, AppUrls urls) : PageModel
{
    public MeetingView Meeting { get; private set; } = null!;
    public bool MayWork { get; private set; }
    public bool IsAttendee { get; private set; }
    public FeedbackInput? MyFeedback { get; private set; }
    public (double Average, int Count)? FeedbackSummary { get; private set; }
    public UserTime Time => time;
    public bool HasStarted => Meeting.StartsAtUtc <= clock.GetUtcNow().UtcDateTime;

    [BindProperty]
    public FeedbackInput Feedback { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetIcsAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var m = Meeting;
        // A copy for the reader's own calendar (PUBLISH): the request itself came by mail from the organiser.
        var ics = MeetingCalendar.Download(new CalendarMeeting(m.Id, m.StartsAtUtc, m.DurationMinutes, m.Title, m.Agenda, m.Location, m.VideoUrl, m.Sequence, m.Status == MeetingStatus.Cancelled));
        return File(Encoding.UTF8.GetBytes(ics), MeetingCalendar.ContentType(MeetingCalendar.Publish), $"meeting-{m.Id}.ics");
    }

    public async Task<IActionResult> OnPostCancelAsync(int id, string? reason, Guid version, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !MayWork) return NotFound();
        try
        {
            await db.InTransactionAsync(async ct =>
            {
                var meeting = await db.Meetings.SingleAsync(m => m.Id == id, ct);
                db.Entry(meeting).Property(m => m.Version).OriginalValue = version;
                meeting.Cancel(reason ?? "", clock.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync(ct);
                await notices.QueueAsync(id, urls.Links, ct);
                await db.SaveChangesAsync(ct);
            }, ct);
        }
        catch (DomainException ex)
        {
            this.FlashError(ex.Message);
            return Redirect($"/Meetings/{id}");
        }
        catch (DbUpdateConcurrencyException)
        {
            this.FlashError("Someone else changed this meeting a moment ago, so it was not cancelled. Check it and try again.");
            return Redirect($"/Meetings/{id}");
        }
        this.FlashSuccess("Meeting cancelled.");
        return Redirect($"/Mentorships/{Meeting.MentorshipId}");
    }

    public async Task<IActionResult> OnPostFeedbackAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !MayWork) return NotFound();
        if (!ModelState.IsValid) return Page();
        var meeting = await db.Meetings.Include(m => m.Attendance).Include(m => m.Feedback).SingleAsync(m => m.Id == id, ct);
        try
        {
            meeting.LeaveFeedback(users.GetUserId(User)!, Feedback.Rating, Feedback.Comment?.Trim(), clock.GetUtcNow().UtcDateTime);
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            return Page();
        }
        await db.SaveChangesAsync(ct);
        this.FlashSuccess("Thank you: your feedback is saved.");
        return Redirect($"/Meetings/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var meeting = await MeetingView.LoadAsync(db, User, id, ct);
        if (meeting is null) return false;
        Meeting = meeting;
        var userId = users.GetUserId(User)!;
        MayWork = meeting.ViewerWorks;
        IsAttendee = meeting.Attendees.Contains(userId);
        var mine = await db.MeetingFeedback.AsNoTracking().Where(f => f.MeetingId == id && f.UserId == userId).Select(f => new FeedbackInput { Rating = f.Rating, Comment = f.Comment }).SingleOrDefaultAsync(ct);
        MyFeedback = mine;
        if (Request.Method == HttpMethods.Get) Feedback = mine ?? new FeedbackInput();
        if (!MayWork)
        {
            var ratings = await db.MeetingFeedback.AsNoTracking().Where(f => f.MeetingId == id).Select(f => f.Rating).ToListAsync(ct);
            FeedbackSummary = ratings.Count == 0 ? null : (ratings.Average(), ratings.Count);
        }
        return true;
    }

    public sealed class FeedbackInput
    {
        public int Rating { get; set; }
        public string? Comment { get; set; }
    }

    public sealed class FeedbackValidator : AbstractValidator<FeedbackInput>
    {
        public FeedbackValidator()
        {
            RuleFor(x => x.Rating).InclusiveBetween(1, 5).WithMessage("Choose a rating from 1 to 5.");
            RuleFor(x => x.Comment).MaximumLength(2000);
        }
    }
}
