
namespace MentorHub.Web.Pages.Goals;

/// <summary>
/// A goal: progress, milestones and the timeline of updates and comments. Members act here; each form carries the
/// version the person saw, so an update made on stale information is refused with what changed.
/// </summary>
public class DetailsModel(MentorHubDbContext db, UserManager<AppUser> users, UserTime time, TimeProvider clock) : PageModel
{
    public View Goal { get; private set; } = null!;
    public IReadOnlyList<MilestoneRow> Milestones { get; private set; } = [];
    public IReadOnlyList<UpdateRow> Updates { get; private set; } = [];
    public bool MayWork { get; private set; }
    public UserTime Time => time;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostProgressAsync(int id, Guid version, int? percent, string? note, CancellationToken ct) =>
        ChangeAsync(id, version, ct, (goal, userId, now) =>
        {
            if (percent is null) throw new DomainException("Enter the progress as a percentage from 0 to 100.");
            goal.RecordProgress(percent.Value, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), userId, now);
            return $"Progress recorded: {percent}%.";
        });

    public Task<IActionResult> OnPostCommentAsync(int id, Guid version, string? text, CancellationToken ct) =>
        ChangeAsync(id, version, ct, (goal, userId, now) =>
        {
            goal.Comment(text ?? "", userId, now);
            return "Comment added.";
        }, checkVersion: false);

    /// <summary>A milestone to confirm: its date is outside the goal's dates, or the goal is being achieved with open milestones.</summary>
    public PendingMilestone? Pending { get; private set; }

    /// <summary>Set when the person asked to achieve the goal while milestones are open: the page asks before closing them.</summary>
    public bool ConfirmAchieve { get; private set; }

    public sealed record PendingMilestone(string Title, DateOnly DueOn, string Why);

    public async Task<IActionResult> OnPostMilestoneAsync(int id, Guid version, string? title, DateOnly? dueOn, bool confirmed, CancellationToken ct)
    {
        if (!confirmed && dueOn is { } due && !string.IsNullOrWhiteSpace(title) && title.Length <= 200)
        {
            if (!await LoadAsync(id, ct) || !MayWork) return NotFound();
            var setOn = DateOnly.FromDateTime(time.ToLocal(Goal.CreatedAtUtc));
            if (due < setOn || due > Goal.TargetDate)
            {
                Pending = new PendingMilestone(title.Trim(), due, due > Goal.TargetDate
                    ? $"after the goal's target date ({Goal.TargetDate:d MMM yyyy})"
                    : $"before the goal was set ({setOn:d MMM yyyy})");
                return Page();
            }
        }
        return await ChangeAsync(id, version, ct, (goal, _, _) =>
        {
            if (dueOn is null) throw new DomainException("Give the milestone a due date.");
            if (title?.Length > 200) throw new DomainException("Keep the milestone under 200 characters.");
            goal.AddMilestone(title ?? "", dueOn.Value);
            return "Milestone added.";
        }, checkVersion: false);
    }

    public Task<IActionResult> OnPostToggleMilestoneAsync(int id, Guid version, int milestoneId, CancellationToken ct) =>
        ChangeAsync(id, version, ct, (goal, _, now) =>
        {
            var milestone = goal.Milestones.SingleOrDefault(m => m.Id == milestoneId) ?? throw new DomainException("That milestone is not part of this goal.");
            if (milestone.CompletedAtUtc is null) milestone.MarkDone(now);
            else milestone.Reopen();
            return milestone.CompletedAtUtc is null ? "Milestone reopened." : "Milestone done.";
        }, checkVersion: false);

    public async Task<IActionResult> OnPostAchieveAsync(int id, Guid version, bool confirmed, CancellationToken ct)
    {
        if (!confirmed)
        {
            if (!await LoadAsync(id, ct) || !MayWork) return NotFound();
            if (Goal.IsOpen && Goal.Version == version && Milestones.Any(m => m.CompletedAtUtc is null))
            {
                ConfirmAchieve = true;
                return Page();
            }
        }
        return await ChangeAsync(id, version, ct, (goal, userId, now) =>
        {
            var open = goal.Milestones.Count(m => m.CompletedAtUtc is null);
            goal.MarkAchieved(userId, time.Today, now);
            return open == 0 ? "Goal achieved. Well done!" : $"Goal achieved, and its {Labels.Count(open, "open milestone")} marked done with it. Well done!";
        });
    }

    public Task<IActionResult> OnPostAbandonAsync(int id, Guid version, string? reason, CancellationToken ct) =>
        ChangeAsync(id, version, ct, (goal, userId, now) =>
        {
            goal.Abandon(reason ?? "", userId, now);
            return "Goal abandoned; the reason is kept on its timeline.";
        });

    private async Task<IActionResult> ChangeAsync(int id, Guid version, CancellationToken ct, Func<Goal, string, DateTime, string> change, bool checkVersion = true)
    {
        if (!await LoadAsync(id, ct) || !MayWork) return NotFound();
        var goal = await db.Goals.Include(g => g.Milestones).SingleAsync(g => g.Id == id, ct);
        if (checkVersion) db.Entry(goal).Property(g => g.Version).OriginalValue = version;
        string message;
        try
        {
            message = change(goal, users.GetUserId(User)!, clock.GetUtcNow().UtcDateTime);
            if (checkVersion) goal.Version = Guid.NewGuid();
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException ex)
        {
            this.FlashError(ex.Message);
            return Redirect($"/Goals/{id}");
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Goals.AsNoTracking().Where(g => g.Id == id).Select(g => new { g.ProgressPercent, g.Status }).SingleAsync(ct);
            this.FlashError($"Someone else updated this goal while you were looking at it: it is now {Labels.Words(current.Status).ToLowerInvariant()} at {current.ProgressPercent}%. Nothing of yours was saved; check the goal and try again.");
            return Redirect($"/Goals/{id}");
        }
        this.FlashSuccess(message);
        return Redirect($"/Goals/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var workable = db.Mentorships.WorkableBy(User);
        var goal = await db.Goals.AsNoTracking().VisibleTo(db, User).Where(g => g.Id == id)
            .Select(g => new View(g.Id, g.MentorshipId, g.Title, g.Description, g.OwnerMember!.User!.DisplayName, g.Competency!.Name, g.TargetDate, g.Status,
                g.ProgressPercent, g.AbandonReason, g.AchievedOn, g.Version, g.CreatedAtUtc, new List<string>(),
                workable.Any(m => m.Id == g.MentorshipId)))
            .SingleOrDefaultAsync(ct);
        if (goal is null) return false;
        // The members by key, not joined into the goal's row (which made SQLite build the members of every mentorship first).
        var members = await db.MentorshipMembers.AsNoTracking().Where(mm => mm.MentorshipId == goal.MentorshipId)
            .Select(mm => new { mm.Role, mm.User!.DisplayName }).ToListAsync(ct);
        Goal = goal with
        {
            Members = members.OrderBy(mm => mm.Role == MemberRole.Mentor ? 0 : 1).ThenBy(mm => mm.DisplayName, StringComparer.CurrentCulture).Select(mm => mm.DisplayName).ToList(),
        };
        MayWork = goal.ViewerMayWork;
        Milestones = await db.Milestones.AsNoTracking().Where(m => m.GoalId == id).OrderBy(m => m.DueOn)
            .Select(m => new MilestoneRow(m.Id, m.Title, m.DueOn, m.CompletedAtUtc)).ToListAsync(ct);
        Updates = await db.GoalUpdates.AsNoTracking().Where(u => u.GoalId == id).OrderByDescending(u => u.CreatedAtUtc).Take(100)
            .Join(db.Users, u => u.AuthorUserId, a => a.Id, (u, a) => new UpdateRow(u.CreatedAtUtc, a.DisplayName, u.Kind, u.Percent, u.Text))
            .ToListAsync(ct);
        return true;
    }

    public sealed record View(int Id, int MentorshipId, string Title, string? Description, string Owner, string? Competency, DateOnly TargetDate, GoalStatus Status,
        int ProgressPercent, string? AbandonReason, DateOnly? AchievedOn, Guid Version, DateTime CreatedAtUtc, List<string> Members, bool ViewerMayWork)
    {
        public bool IsOpen => Status is GoalStatus.NotStarted or GoalStatus.InProgress;
    }
    public sealed record MilestoneRow(int Id, string Title, DateOnly DueOn, DateTime? CompletedAtUtc);
    public sealed record UpdateRow(DateTime AtUtc, string Author, GoalUpdateKind Kind, int? Percent, string? Text);
}
