using MentorHub.Core.Mentoring;

namespace MentorHub.Web.Pages.Mentorships;

/// <summary>
/// A mentorship's conversation. Its members read it (those who have left a group or whose mentorship ended keep the
/// history) and current members of a running mentorship write in it; coordinators do not read it, and anyone else gets 404.
/// </summary>
public class MessagesModel(MentorHubDbContext db, UserManager<AppUser> users, UserTime time, Conversations conversations) : PageModel
{
    public const int PageSize = 30;

    [BindProperty]
    public string Body { get; set; } = "";

    public int MentorshipId { get; private set; }
    public string Names { get; private set; } = "";
    public string ProgramName { get; private set; } = "";
    public bool MayWrite { get; private set; }
    public IReadOnlyList<Line> Lines { get; private set; } = [];
    public Paging Pages { get; private set; } = null!;
    public UserTime Time => time;

    /// <summary>Page 1 is the newest messages; later pages go back in time. Each page reads oldest first.</summary>
    public async Task<IActionResult> OnGetAsync(int id, [FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        if (!await LoadAsync(id, pageNumber, ct)) return NotFound();
        if (MayWrite && Lines.Count > 0) await conversations.MarkReadAsync(id, users.GetUserId(User)!, Lines.Max(l => l.Id), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, [FromServices] AppUrls urls, CancellationToken ct)
    {
        if (!await LoadAsync(id, 1, ct) || !MayWrite) return NotFound();
        var text = Body?.Trim() ?? "";
        if (text.Length == 0) ModelState.AddModelError(nameof(Body), "Write something before sending.");
        else if (text.Length > Message.MaxLength) ModelState.AddModelError(nameof(Body), $"Keep a message under {Message.MaxLength:N0} characters; this one has {text.Length:N0}.");
        if (!ModelState.IsValid) return Page();
        var message = await conversations.SendAsync(id, users.GetUserId(User)!, text, urls.Links, ct);
        this.FlashSuccess("Message sent.");
        return Redirect($"/Mentorships/{id}/Messages#message-{message.Id}");
    }

    private async Task<bool> LoadAsync(int id, int? page, CancellationToken ct)
    {
        var userId = users.GetUserId(User);
        var workable = db.Mentorships.WorkableBy(User);
        var mentorship = await db.Mentorships.AsNoTracking()
            .Where(m => m.Id == id && m.Members.Any(mm => mm.UserId == userId && mm.Enrollment!.Status != EnrollmentStatus.Withdrawn))
            .Select(m => new
            {
                m.Cohort!.Program!.Name,
                m.Status,
                Members = m.Members.OrderBy(mm => mm.Role == MemberRole.Mentor ? 0 : 1).ThenBy(mm => mm.User!.DisplayName)
                    .Select(mm => new { mm.IsCurrent, mm.User!.DisplayName }).ToList(),
                MayWrite = workable.Any(w => w.Id == m.Id),
            })
            .SingleOrDefaultAsync(ct);
        if (mentorship is null) return false;
        (MentorshipId, Names, ProgramName, MayWrite) = (id, string.Join(" & ", mentorship.Members.Where(mm => mm.IsCurrent || mentorship.Status == MentorshipStatus.Closed).Select(mm => mm.DisplayName)), mentorship.Name, mentorship.MayWrite);

        var total = await db.Messages.CountAsync(m => m.MentorshipId == id, ct);
        Pages = new Paging(Paging.Normalize(page), PageSize, total, $"/Mentorships/{id}/Messages", new Dictionary<string, string?>(), Fragment: "conversation");
        var newestFirst = await db.Messages.AsNoTracking().Where(m => m.MentorshipId == id)
            .OrderByDescending(m => m.Id).Skip(Pages.Skip).Take(PageSize)
            .Select(m => new Line(m.Id, m.AuthorUserId == userId, m.Author!.DisplayName, m.Body, m.SentAtUtc))
            .ToListAsync(ct);
        Lines = newestFirst.AsEnumerable().Reverse().ToList();
        return true;
    }

    public sealed record Line(int Id, bool Mine, string Author, string Body, DateTime SentAtUtc);
}
