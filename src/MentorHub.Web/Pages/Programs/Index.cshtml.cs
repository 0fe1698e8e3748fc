
namespace MentorHub.Web.Pages.Programs;

public class IndexModel(MentorHubDbContext db) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "archived")]
    public bool ShowArchived { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public IReadOnlyList<Row> Programs { get; private set; } = [];

    public Paging Paging { get; private set; } = null!;

    public bool MayCreate => User.MayCreatePrograms();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = db.Programs.AsNoTracking().ManageableBy(User);
        if (!ShowArchived) query = query.Where(p => p.Status != ProgramStatus.Archived);
        var search = Search?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            query = query.WhereAnyContains(db.Database, search, p => p.Name, p => p.Description);
        }
        Paging = new Paging(Paging.Normalize(PageNumber), PageSize, await query.CountAsync(ct), "/Programs",
            new Dictionary<string, string?> { ["q"] = search, ["archived"] = ShowArchived ? "true" : null });
        Programs = await query.OrderBy(p => p.Name).Skip(Paging.Skip).Take(PageSize)
            .Select(p => new Row(p.Id, p.Name, p.Format, p.Status, p.DefaultModality, p.MeetingCadenceDays,
                p.Cohorts.Count(),
                p.Cohorts.SelectMany(c => c.Mentorships).Count(m => m.Status == MentorshipStatus.Active),
                p.Coordinators.Select(c => c.User!.DisplayName).ToList()))
            .ToListAsync(ct);
    }

    public sealed record Row(int Id, string Name, ProgramFormat Format, ProgramStatus Status, Modality Modality, int CadenceDays,
        int Cohorts, int ActiveMentorships, List<string> Coordinators);
}
