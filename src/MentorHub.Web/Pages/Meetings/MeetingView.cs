using System.Security.Claims;

namespace MentorHub.Web.Pages.Meetings;

/// <summary>What the meeting pages show about a meeting and its mentorship.</summary>
public sealed record MeetingView(int Id, int MentorshipId, int ProgramId, string ProgramName, List<MeetingMember> Members, DateTime StartsAtUtc, int DurationMinutes,
    Modality Modality, string? Location, string? VideoUrl, string? Agenda, MeetingStatus Status, string? CancellationReason, string? Notes,
    int Sequence, Guid Version, List<string> Attendees, List<string> Competencies, bool ViewerWorks, string? LoggedBy, DateTime? LoggedAtUtc)
{
    public string Title => $"Mentoring: {string.Join(" & ", Members.Select(m => m.Name))}";

    /// <summary>
    /// The meeting, if the person may see it, then its members, attendance and competencies by key: one query with all
    /// three joined in made SQLite build each joined set for the whole library first (about 100 ms at 100,000 meetings).
    /// </summary>
    public static async Task<MeetingView?> LoadAsync(MentorHubDbContext db, ClaimsPrincipal user, int id, CancellationToken ct)
    {
        var workable = db.Mentorships.WorkableBy(user);
        var view = await db.Meetings.AsNoTracking().VisibleTo(db, user).Where(mt => mt.Id == id)
            .Select(mt => new MeetingView(mt.Id, mt.MentorshipId, mt.Mentorship!.Cohort!.ProgramId, mt.Mentorship.Cohort.Program!.Name, new List<MeetingMember>(),
                mt.StartsAtUtc, mt.DurationMinutes, mt.Modality, mt.Location, mt.VideoUrl, mt.Agenda, mt.Status, mt.CancellationReason, mt.Notes,
                mt.Sequence, mt.Version, new List<string>(), new List<string>(),
                workable.Any(m => m.Id == mt.MentorshipId),
                db.Users.Where(u => u.Id == mt.LoggedByUserId).Select(u => u.DisplayName).FirstOrDefault(), mt.LoggedAtUtc))
            .SingleOrDefaultAsync(ct);
        if (view is null) return null;
        var members = (await db.MentorshipMembers.AsNoTracking().Where(mm => mm.MentorshipId == view.MentorshipId)
                .Select(mm => new MeetingMember(mm.UserId, mm.User!.DisplayName, mm.Role)).ToListAsync(ct))
            .OrderBy(mm => mm.Role == MemberRole.Mentor ? 0 : 1).ThenBy(mm => mm.Name, StringComparer.CurrentCulture).ToList();
        var meeting = db.Meetings.AsNoTracking().Where(mt => mt.Id == id);
        var attendees = await meeting.SelectMany(mt => mt.Attendance).Select(a => a.UserId).ToListAsync(ct);
        var competencies = await meeting.SelectMany(mt => mt.CompetenciesCovered).Join(db.Competencies, c => c.CompetencyId, c => c.Id, (_, c) => c.Name).ToListAsync(ct);
        return view with { Members = members, Attendees = attendees, Competencies = competencies };
    }
}

public sealed record MeetingMember(string UserId, string Name, MemberRole Role);
