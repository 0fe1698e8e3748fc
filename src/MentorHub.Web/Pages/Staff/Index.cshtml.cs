namespace MentorHub.Web.Pages.Staff;

/// <summary>The organisation's staff roster: who is on it, who has left, who has taken part in a program.</summary>
public class IndexModel(MentorHubDbContext db) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    /// <summary>"current", "left" or null for everyone.</summary>
    [BindProperty(SupportsGet = true, Name = "show")]
    public string? Show { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public IReadOnlyList<Row> People { get; private set; } = [];
    public Paging Paging { get; private set; } = null!;
    public int OnStaff { get; private set; }
    public int Left { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var counts = await db.StaffMembers.GroupBy(s => s.LeftOn == null).Select(g => new { Current = g.Key, Count = g.Count() }).ToListAsync(ct);
        (OnStaff, Left) = (counts.SingleOrDefault(c => c.Current)?.Count ?? 0, counts.SingleOrDefault(c => !c.Current)?.Count ?? 0);

        var query = db.StaffMembers.AsNoTracking();
        if (Show == "current") query = query.Where(s => s.LeftOn == null);
        else if (Show == "left") query = query.Where(s => s.LeftOn != null);
        else Show = null;
        var search = Search?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            query = query.WhereAnyContains(db.Database, search, s => s.Name, s => s.StaffNumber, s => s.Email, s => s.Branch, s => s.JobTitle);
        }
        var total = await query.CountAsync(ct);
        Paging = new Paging(Paging.Normalize(PageNumber), PageSize, total, "/Staff", new Dictionary<string, string?> { ["q"] = search, ["show"] = Show });
        People = await query.OrderBy(s => s.Name).ThenBy(s => s.StaffNumber).Skip(Paging.Skip).Take(PageSize)
            .Select(s => new Row(s.Id, s.StaffNumber, s.Name, s.Branch, s.JobTitle, s.CareerStage, s.HiredOn, s.LeftOn,
                s.UserId != null && db.Enrollments.Any(e => e.UserId == s.UserId && (e.Status == EnrollmentStatus.Active || e.Status == EnrollmentStatus.Withdrawn || e.Status == EnrollmentStatus.Completed))))
            .ToListAsync(ct);
    }

    public sealed record Row(int Id, string StaffNumber, string Name, string? Branch, string? JobTitle, CareerStage? CareerStage, DateOnly? HiredOn, DateOnly? LeftOn, bool TookPart);
}
