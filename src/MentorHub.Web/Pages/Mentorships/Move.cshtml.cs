using MentorHub.Core.Mentoring;

namespace MentorHub.Web.Pages.Mentorships;

/// <summary>
/// A coordinator moves one member out of a running group: into another running group of the cohort, or back to its
/// matching pool. The group goes on with the others.
/// </summary>
public class MoveModel(MentorHubDbContext db, GroupMoves moves, UserTime time) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Summary Group { get; private set; } = null!;
    public IReadOnlyList<MemberOption> Members { get; private set; } = [];
    public IReadOnlyList<GroupOption> OtherGroups { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, int? member, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input.Version = Group.Version;
        if (member is { } chosen && Members.Any(m => m.EnrollmentId == chosen)) Input.EnrollmentId = chosen;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Input.EnrollmentId is not { } enrollmentId || Members.All(m => m.EnrollmentId != enrollmentId))
            ModelState.AddModelError("Input.EnrollmentId", "Choose who moves.");
        if (Input.To is { } to && OtherGroups.All(g => g.Id != to))
            ModelState.AddModelError("Input.To", "Choose one of the groups listed, or the matching pool.");
        if (!ModelState.IsValid) return Page();

        GroupMoveResult moved;
        try
        {
            moved = await moves.MoveAsync(id, Input.Version, Input.EnrollmentId!.Value, Input.To, time.Today, ct);
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            return Page();
        }
        this.FlashSuccess(moved.ToMentorshipId is null
            ? $"{moved.PersonName} has left the group and is back in the matching pool of {Group.CohortName}."
            : $"{moved.PersonName} has moved to the group of {moved.ToNames}.");
        return Redirect($"/Mentorships/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var managed = db.Programs.ManageableBy(User);
        var summary = await db.Mentorships.AsNoTracking()
            .Where(m => m.Id == id && m.Status == MentorshipStatus.Active && m.Cohort!.Program!.Format == ProgramFormat.Group && managed.Any(p => p.Id == m.Cohort.ProgramId))
            .Select(m => new Summary(m.Id, m.Version, m.Cohort!.ProgramId, m.CohortId, m.Cohort.Name))
            .SingleOrDefaultAsync(ct);
        if (summary is null) return false;
        Group = summary;
        Members = await db.MentorshipMembers.AsNoTracking().Where(mm => mm.MentorshipId == id && mm.IsCurrent)
            .OrderBy(mm => mm.Role).ThenBy(mm => mm.User!.DisplayName)
            .Select(mm => new MemberOption(mm.EnrollmentId, mm.User!.DisplayName, mm.Role))
            .ToListAsync(ct);
        var groups = await db.Mentorships.AsNoTracking()
            .Where(m => m.CohortId == summary.CohortId && m.Id != id && m.Status == MentorshipStatus.Active)
            .Select(m => new { m.Id, Names = m.Members.Where(mm => mm.IsCurrent).OrderBy(mm => mm.Role == MemberRole.Mentor ? 0 : 1).ThenBy(mm => mm.User!.DisplayName).Select(mm => mm.User!.DisplayName).ToList() })
            .ToListAsync(ct);
        OtherGroups = groups.Select(g => new GroupOption(g.Id, string.Join(" & ", g.Names), g.Names.Count)).OrderBy(g => g.Names, StringComparer.CurrentCultureIgnoreCase).ToList();
        return true;
    }

    public sealed class InputModel
    {
        public int? EnrollmentId { get; set; }

        /// <summary>The group to move into; null for the matching pool.</summary>
        public int? To { get; set; }
        public Guid Version { get; set; }
    }

    public sealed record Summary(int Id, Guid Version, int ProgramId, int CohortId, string CohortName);
    public sealed record MemberOption(int EnrollmentId, string Name, MemberRole Role);
    public sealed record GroupOption(int Id, string Names, int Size);
}
