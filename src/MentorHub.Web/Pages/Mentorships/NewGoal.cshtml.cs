using MentorHub.Web.Pages.Goals;

namespace MentorHub.Web.Pages.Mentorships;

/// <summary>A member sets a goal for a mentee (or themselves, in peer mentoring), tied to one of the program's competencies.</summary>
public class NewGoalModel(MentorHubDbContext db, UserManager<AppUser> users, UserTime time, TimeProvider clock) : PageModel
{
    [BindProperty]
    public GoalInput Input { get; set; } = new();

    public int MentorshipId { get; private set; }
    public string Title { get; private set; } = "";
    public IReadOnlyList<(int Id, string Name)> Owners { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Competencies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var userId = users.GetUserId(User);
        var mine = await db.MentorshipMembers.Where(m => m.MentorshipId == id && m.UserId == userId).Select(m => m.Id).SingleAsync(ct);
        Input = new GoalInput { OwnerMemberId = Owners.Any(o => o.Id == mine) ? mine : Owners[0].Id, TargetDate = time.Today.AddMonths(3) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Owners.All(o => o.Id != Input.OwnerMemberId)) ModelState.AddModelError("Input.OwnerMemberId", "Choose whose goal this is.");
        if (Input.CompetencyId is not null && Competencies.All(c => c.Id != Input.CompetencyId)) ModelState.AddModelError("Input.CompetencyId", "Choose a competency of the program.");
        if (Input.TargetDate < time.Today) ModelState.AddModelError("Input.TargetDate", "The target date cannot be in the past.");
        if (!ModelState.IsValid) return Page();
        var goal = new Goal(id, Input.OwnerMemberId, Input.Title.Trim(), Input.Description?.Trim(), Input.CompetencyId, Input.TargetDate!.Value,
            users.GetUserId(User)!, clock.GetUtcNow().UtcDateTime);
        db.Goals.Add(goal);
        await db.SaveChangesAsync(ct);
        this.FlashSuccess("Goal created. Break it into milestones to make progress visible.");
        return Redirect($"/Goals/{goal.Id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var mentorship = await db.Mentorships.AsNoTracking().WorkableBy(User).Where(m => m.Id == id && m.Status != MentorshipStatus.Closed)
            .Select(m => new
            {
                m.Cohort!.ProgramId,
                Members = m.Members.OrderBy(mm => mm.Role == MemberRole.Mentor ? 0 : 1).ThenBy(mm => mm.User!.DisplayName).Select(mm => new { mm.Id, mm.Role, mm.User!.DisplayName }).ToList(),
                Competencies = m.Cohort.Program!.TargetCompetencies.Select(t => new { t.CompetencyId, t.Competency!.Name }).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        if (mentorship is null) return false;
        MentorshipId = id;
        Title = string.Join(" & ", mentorship.Members.Select(m => m.DisplayName));
        Owners = mentorship.Members.Where(m => m.Role != MemberRole.Mentor).OrderBy(m => m.DisplayName).Select(m => (m.Id, m.DisplayName)).ToList();
        Competencies = mentorship.Competencies.OrderBy(c => c.Name).Select(c => (c.CompetencyId, c.Name)).ToList();
        return Owners.Count > 0;
    }
}
