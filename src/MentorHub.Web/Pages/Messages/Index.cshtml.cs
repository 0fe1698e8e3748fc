using MentorHub.Core.Mentoring;

namespace MentorHub.Web.Pages.Messages;

/// <summary>The person's conversations, one per mentorship they belong to, newest first, with what is unread in each.</summary>
public class IndexModel(MentorHubDbContext db, UserManager<AppUser> users, UserTime time, Conversations conversations) : PageModel
{
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public UserTime Time => time;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = users.GetUserId(User);
        var mine = await db.Mentorships.AsNoTracking()
            .Where(m => m.Members.Any(mm => mm.UserId == userId && mm.Enrollment!.Status != EnrollmentStatus.Withdrawn))
            .Select(m => new
            {
                m.Id,
                m.Status,
                Program = m.Cohort!.Program!.Name,
                Members = m.Members.OrderBy(mm => mm.Role == MemberRole.Mentor ? 0 : 1).ThenBy(mm => mm.User!.DisplayName)
                    .Select(mm => new { mm.UserId, mm.IsCurrent, mm.User!.DisplayName }).ToList(),
            })
            .ToListAsync(ct);
        var ids = mine.Select(m => m.Id).ToList();
        var latestIds = db.Messages.Where(msg => ids.Contains(msg.MentorshipId)).GroupBy(msg => msg.MentorshipId).Select(g => g.Max(msg => msg.Id));
        var latest = await db.Messages.AsNoTracking().Where(msg => latestIds.Contains(msg.Id))
            .Select(msg => new { msg.MentorshipId, msg.Id, msg.Body, msg.SentAtUtc, Author = msg.AuthorUserId == userId ? "You" : msg.Author!.DisplayName })
            .ToDictionaryAsync(msg => msg.MentorshipId, ct);
        var unread = (await conversations.UnreadPerConversationAsync(userId!, ct)).ToDictionary(u => u.MentorshipId, u => u.Count);
        Rows = mine.Select(m => new Row(m.Id, string.Join(" & ", m.Members.Where(mm => mm.UserId != userId && (mm.IsCurrent || m.Status == MentorshipStatus.Closed)).Select(mm => mm.DisplayName)), m.Program, m.Status == MentorshipStatus.Closed,
                latest.TryGetValue(m.Id, out var last) ? last.Author : null, last?.Body, last?.SentAtUtc, unread.GetValueOrDefault(m.Id)))
            .OrderByDescending(r => r.LastAtUtc.HasValue).ThenByDescending(r => r.LastAtUtc).ThenBy(r => r.With, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }

    public sealed record Row(int MentorshipId, string With, string Program, bool Ended, string? LastAuthor, string? LastBody, DateTime? LastAtUtc, int Unread)
    {
        /// <summary>The start of the newest message, on one line.</summary>
        public string? Preview => LastBody is null ? null : Shorten(string.Join(' ', LastBody.Split((char[])['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)));

        private static string Shorten(string text) => text.Length > 140 ? text[..140].TrimEnd() + "…" : text;
    }
}
