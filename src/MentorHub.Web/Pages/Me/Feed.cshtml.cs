using System.Text;
using MentorHub.Core.Notifications;
using Microsoft.AspNetCore.Authorization;

namespace MentorHub.Web.Pages.Me;

/// <summary>A person's meetings as an iCalendar feed, for calendar apps (no sign-in: the secret token is the key). A wrong or replaced token is 404.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public class FeedModel(MentorHubDbContext db, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100) return NotFound();
        var hash = CalendarToken.Hash(token);
        var user = await db.Users.AsNoTracking().Where(u => u.CalendarFeedTokenHash == hash).Select(u => new { u.Id, u.DisplayName }).SingleOrDefaultAsync(ct);
        if (user is null) return NotFound();
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-90);
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.StartsAtUtc >= since && m.Mentorship!.Members.Any(mm => mm.UserId == user.Id && mm.Enrollment!.Status != EnrollmentStatus.Withdrawn))
            .OrderBy(m => m.StartsAtUtc)
            .Select(m => new CalendarMeeting(m.Id, m.StartsAtUtc, m.DurationMinutes,
                "Mentoring: " + string.Join(" & ", m.Mentorship!.Members.OrderBy(mm => mm.Role == MemberRole.Mentor ? 0 : 1).ThenBy(mm => mm.User!.DisplayName).Select(mm => mm.User!.DisplayName)),
                m.Agenda, m.Location, m.VideoUrl, m.Sequence, m.Status == MeetingStatus.Cancelled))
            .ToListAsync(ct);
        var ics = MeetingCalendar.Feed(meetings, $"MentorHub · {user.DisplayName}");
        // The feed names people and places: no shared cache keeps a copy.
        Response.Headers.CacheControl = "no-store";
        return File(Encoding.UTF8.GetBytes(ics), MeetingCalendar.ContentType(MeetingCalendar.Publish));
    }
}
