using System.Security.Claims;

namespace MentorHub.Web.Pages.Meetings;

/// <summary>What the meeting pages show about a meeting and its mentorship, loaded in one query.</summary>
public sealed record MeetingView(int Id, int MentorshipId, int ProgramId, string ProgramName, List<MeetingMember> Members, DateTime StartsAtUtc, int DurationMinutes,
    Modality Modality, string? Location, string? VideoUrl, string? Agenda, MeetingStatus Status, string? CancellationReason, string? Notes,
    int Sequence, Guid Version, List<string> Attendees, List<string> Competencies, bool ViewerWorks, string? LoggedBy, DateTime? LoggedAtUtc)
{
    public string Title => $"Mentoring: {string.Join(" & ", Members.Select(m => m.Name))}";

    public static Task<MeetingView?> LoadAsync(MentorHubDbContext db, ClaimsPrincipal user, int id, CancellationToken ct)
    {
        var workable = db.Mentorships.WorkableBy(user);
        return db.Meetings.AsNoTracking().VisibleTo(db, user).Where(mt => mt.Id == id)
            .Select(mt => new MeetingView(mt.Id, mt.MentorshipId, mt.Mentorship!.Cohort!.ProgramId, mt.Mentorship.Cohort.Program!.Name,
                mt.Mentorship.Members.OrderBy(mm => mm.Role == MemberRole.Mentor ? 0 : 1).ThenBy(mm => mm.User!.DisplayName).Select(mm => new MeetingMember(mm.UserId, mm.User!.DisplayName, mm.Role)).ToList(),
                mt.StartsAtUtc, mt.DurationMinutes, mt.Modality, mt.Location, mt.VideoUrl, mt.Agenda, mt.Status, mt.CancellationReason, mt.Notes,
                mt.Sequence, mt.Version,
                mt.Attendance.Select(a => a.UserId).ToList(),
                mt.CompetenciesCovered.Join(db.Competencies, c => c.CompetencyId, c => c.Id, (_, c) => c.Name).ToList(),
                workable.Any(m => m.Id == mt.MentorshipId),
                db.Users.Where(u => u.Id == mt.LoggedByUserId).Select(u => u.DisplayName).FirstOrDefault(), mt.LoggedAtUtc))
            .SingleOrDefaultAsync(ct);
    }
}

public sealed record MeetingMember(string UserId, string Name, MemberRole Role);
