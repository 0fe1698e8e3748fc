
namespace MentorHub.Web.Pages.Programs;

/// <summary>Every connection of a program across its cohorts, with health, filters and nudges.</summary>
public class ConnectionsModel(MentorHubDbContext db, ConnectionsActions connections, UserTime time, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "show")] public string? Show { get; set; }
    [BindProperty(SupportsGet = true, Name = "sort")] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "cpage")] public int? ConnectionsPage { get; set; }

    public int ProgramId { get; private set; }
    public string ProgramName { get; private set; } = "";
    public ConnectionsView Connections { get; private set; } = null!;
    public UserTime Time => time;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var program = await db.Programs.AsNoTracking().ManageableBy(User).Where(p => p.Id == id).Select(p => new { p.Id, p.Name, p.Format }).SingleOrDefaultAsync(ct);
        if (program is null) return NotFound();
        (ProgramId, ProgramName) = (program.Id, program.Name);
        Connections = ConnectionsView.Build(await connections.LoadAsync(id, null, ct), Show, Sort, ConnectionsPage, program.Format, showCohort: true,
            $"/Programs/{id}/Connections", new Dictionary<string, string?>(), clock.GetUtcNow().UtcDateTime);
        return Page();
    }

    public Task<IActionResult> OnPostNudgeAsync(int id, int mentorshipId, CancellationToken ct) => NudgeAsync(id, mentorshipId, ct);

    public Task<IActionResult> OnPostNudgeAtRiskAsync(int id, CancellationToken ct) => NudgeAsync(id, null, ct);

    private async Task<IActionResult> NudgeAsync(int id, int? mentorshipId, CancellationToken ct)
    {
        if (await db.FindManagedProgramAsync(User, id, ct) is null) return NotFound();
        var (found, message) = await connections.NudgeAsync(User, id, null, mentorshipId, ct);
        if (!found) return NotFound();
        this.FlashSuccess(message);
        return Redirect($"/Programs/{id}/Connections");
    }
}
