using MentorHub.Core.Data;
using MentorHub.Core.Domain;
using MentorHub.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Web.Pages.Mentorships;

/// <summary>A mentorship's workspace: members, the next meeting, goals, what happened lately, and shared resources.</summary>
public class DetailsModel(MentorHubDbContext db, UserManager<AppUser> users, UserTime time, TimeProvider clock) : PageModel
{
    public const int TimelineLength = 30;

    public Header Info { get; private set; } = null!;
    public IReadOnlyList<Member> Members { get; private set; } = [];
    public MeetingRow? NextMeeting { get; private set; }
    public IReadOnlyList<MeetingRow> ToLog { get; private set; } = [];
    public IReadOnlyList<GoalRow> Goals { get; private set; } = [];
    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];
    public IReadOnlyList<ResourceRow> Resources { get; private set; } = [];
    public bool IsMember { get; private set; }
    public UserTime Time => time;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var userId = users.GetUserId(User);
        var info = await db.Mentorships.AsNoTracking().VisibleTo(db, User).Where(m => m.Id == id)
            .Select(m => new Header(m.Id, m.Cohort!.Program!.Name, m.Cohort.ProgramId, m.Cohort.Name, m.Cohort.Program.Format, m.Status, m.StartedOn, m.ClosedOn,
                m.MatchScore, m.MatchExplanation, m.Cohort.Program.MeetingCadenceDays,
                m.Meetings.Count(mt => mt.Status == MeetingStatus.Held), m.Cohort.Program.ExpectedMeetingCount))
            .SingleOrDefaultAsync(ct);
        if (info is null) return NotFound();
        Info = info;

        Members = await db.MentorshipMembers.AsNoTracking().Where(mm => mm.MentorshipId == id).OrderBy(mm => mm.Role).ThenBy(mm => mm.User!.DisplayName)
            .Select(mm => new Member(mm.Id, mm.UserId, mm.User!.DisplayName, mm.Role, mm.User.JobTitle, mm.User.Branch, mm.User.Email!))
            .ToListAsync(ct);
        IsMember = Members.Any(m => m.UserId == userId);

        var now = clock.GetUtcNow().UtcDateTime;
        var scheduled = await db.Meetings.AsNoTracking().Where(mt => mt.MentorshipId == id && mt.Status == MeetingStatus.Scheduled)
            .OrderBy(mt => mt.StartsAtUtc).Take(20)
            .Select(mt => new MeetingRow(mt.Id, mt.StartsAtUtc, mt.DurationMinutes, mt.Modality, mt.Location, mt.VideoUrl, mt.Agenda))
            .ToListAsync(ct);
        NextMeeting = scheduled.FirstOrDefault(m => m.StartsAtUtc >= now);
        ToLog = scheduled.Where(m => m.StartsAtUtc < now).ToList();

        Goals = await db.Goals.AsNoTracking().Where(g => g.MentorshipId == id)
            .OrderBy(g => g.Status == GoalStatus.Achieved || g.Status == GoalStatus.Abandoned).ThenBy(g => g.TargetDate)
            .Select(g => new GoalRow(g.Id, g.Title, g.OwnerMember!.User!.DisplayName, g.Status, g.ProgressPercent, g.TargetDate, g.Competency!.Name,
                g.Milestones.Count(ms => ms.CompletedAtUtc != null), g.Milestones.Count()))
            .ToListAsync(ct);

        var meetings = await db.Meetings.AsNoTracking().Where(mt => mt.MentorshipId == id && mt.Status != MeetingStatus.Scheduled)
            .OrderByDescending(mt => mt.StartsAtUtc).Take(TimelineLength)
            .Select(mt => new TimelineEntry(mt.StartsAtUtc, "meeting", $"/Meetings/{mt.Id}",
                mt.Status == MeetingStatus.Held ? "Meeting held" : mt.Status == MeetingStatus.Missed ? "Meeting missed" : "Meeting cancelled",
                mt.Status == MeetingStatus.Cancelled ? mt.CancellationReason : mt.Notes))
            .ToListAsync(ct);
        var updates = await db.GoalUpdates.AsNoTracking().Where(u => db.Goals.Any(g => g.Id == u.GoalId && g.MentorshipId == id))
            .OrderByDescending(u => u.CreatedAtUtc).Take(TimelineLength)
            .Join(db.Users, u => u.AuthorUserId, a => a.Id, (u, a) => new { u, a.DisplayName })
            .Join(db.Goals, x => x.u.GoalId, g => g.Id, (x, g) => new TimelineEntry(x.u.CreatedAtUtc, "goal", $"/Goals/{g.Id}",
                x.u.Kind == GoalUpdateKind.Comment ? $"{x.DisplayName} commented on “{g.Title}”"
                    : x.u.Kind == GoalUpdateKind.Progress ? $"{x.DisplayName} recorded {x.u.Percent}% on “{g.Title}”" : $"“{g.Title}”: {x.u.Text}",
                x.u.Kind == GoalUpdateKind.StatusChange ? null : x.u.Text))
            .ToListAsync(ct);
        Timeline = meetings.Concat(updates).OrderByDescending(e => e.AtUtc).Take(TimelineLength).ToList();

        Resources = await db.Resources.AsNoTracking().Where(r => r.MentorshipId == id || r.ProgramId == info.ProgramId)
            .OrderBy(r => r.MentorshipId == null).ThenBy(r => r.Title)
            .Select(r => new ResourceRow(r.Id, r.Title, r.Url, r.Description, r.MentorshipId != null))
            .ToListAsync(ct);
        return Page();
    }

    public sealed record Header(int Id, string ProgramName, int ProgramId, string CohortName, ProgramFormat Format, MentorshipStatus Status, DateOnly? StartedOn, DateOnly? ClosedOn,
        double? MatchScore, string? MatchExplanation, int CadenceDays, int MeetingsHeld, int MeetingsExpected);
    public sealed record Member(int Id, string UserId, string Name, MemberRole Role, string? JobTitle, string? Branch, string Email);
    public sealed record MeetingRow(int Id, DateTime StartsAtUtc, int DurationMinutes, Modality Modality, string? Location, string? VideoUrl, string? Agenda);
    public sealed record GoalRow(int Id, string Title, string Owner, GoalStatus Status, int ProgressPercent, DateOnly TargetDate, string? Competency, int MilestonesDone, int Milestones)
    {
        public bool IsOpen => Status is GoalStatus.NotStarted or GoalStatus.InProgress;
    }
    public sealed record TimelineEntry(DateTime AtUtc, string Kind, string Link, string Title, string? Detail);
    public sealed record ResourceRow(int Id, string Title, string Url, string? Description, bool IsOwn);
}
