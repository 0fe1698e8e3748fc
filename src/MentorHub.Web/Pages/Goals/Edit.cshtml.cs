
namespace MentorHub.Web.Pages.Goals;

/// <summary>Edit what an open goal says: title, description, competency, target date. A stale save shows the other person's version.</summary>
public class EditModel(MentorHubDbContext db) : PageModel
{
    [BindProperty]
    public GoalInput Input { get; set; } = new();

    public int GoalId { get; private set; }
    public int MentorshipId { get; private set; }
    public IReadOnlyList<(int Id, string Name)> Competencies { get; private set; } = [];
    public GoalInput? Theirs { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var goal = await LoadAsync(id, ct);
        if (goal is null) return NotFound();
        Input = From(goal);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var goal = await LoadAsync(id, ct);
        if (goal is null) return NotFound();
        if (Input.CompetencyId is not null && Competencies.All(c => c.Id != Input.CompetencyId)) ModelState.AddModelError("Input.CompetencyId", "Choose a competency of the program.");
        if (!ModelState.IsValid) return Page();
        db.Entry(goal).Property(g => g.Version).OriginalValue = Input.Version;
        goal.Title = Input.Title.Trim();
        goal.Description = string.IsNullOrWhiteSpace(Input.Description) ? null : Input.Description.Trim();
        goal.CompetencyId = Input.CompetencyId;
        goal.TargetDate = Input.TargetDate!.Value;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            Theirs = From(await db.Goals.AsNoTracking().SingleAsync(g => g.Id == id, ct));
            Input.Version = Theirs.Version;
            ModelState.Remove("Input.Version");
            ModelState.AddModelError(string.Empty, "Someone else changed this goal while you were editing. Their version is shown below; your changes are still in the form. Save again to replace theirs.");
            return Page();
        }
        this.FlashSuccess("Goal saved.");
        return Redirect($"/Goals/{id}");
    }

    private static GoalInput From(Goal goal) => new()
    {
        OwnerMemberId = goal.OwnerMemberId,
        Title = goal.Title,
        Description = goal.Description,
        CompetencyId = goal.CompetencyId,
        TargetDate = goal.TargetDate,
        Version = goal.Version,
    };

    private async Task<Goal?> LoadAsync(int id, CancellationToken ct)
    {
        var workable = db.Mentorships.WorkableBy(User);
        var goal = await db.Goals.Where(g => g.Id == id && workable.Any(m => m.Id == g.MentorshipId)
            && (g.Status == GoalStatus.NotStarted || g.Status == GoalStatus.InProgress)).SingleOrDefaultAsync(ct);
        if (goal is null) return null;
        (GoalId, MentorshipId) = (goal.Id, goal.MentorshipId);
        Competencies = (await db.Mentorships.AsNoTracking().Where(m => m.Id == goal.MentorshipId).SelectMany(m => m.Cohort!.Program!.TargetCompetencies)
            .OrderBy(t => t.Competency!.Name).Select(t => new { t.CompetencyId, t.Competency!.Name }).ToListAsync(ct))
            .Select(c => (c.CompetencyId, c.Name)).ToList();
        return goal;
    }
}
