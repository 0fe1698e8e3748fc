using System.Security.Claims;
using MentorHub.Core.Data;
using MentorHub.Core.Domain;

namespace MentorHub.Web.Access;

/// <summary>
/// Who sees a mentorship: its current members (a withdrawn member has left and sees nothing of it any more), and the
/// coordinators of its program (administrators included). Current members work in it while it is not closed;
/// coordinators look on. Everyone else gets 404.
/// </summary>
public static class MentorshipAccess
{
    public static IQueryable<Mentorship> VisibleTo(this IQueryable<Mentorship> mentorships, MentorHubDbContext db, ClaimsPrincipal user)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var managed = db.Programs.ManageableBy(user);
        return mentorships.Where(m => m.Members.Any(mm => mm.UserId == userId && mm.Enrollment!.Status != EnrollmentStatus.Withdrawn)
            || managed.Any(p => p.Id == m.Cohort!.ProgramId));
    }

    /// <summary>
    /// Mentorships the person may change: open ones they are a current member of. Closed ones are read-only, and so is a
    /// group to someone moved out of it (they keep its history).
    /// </summary>
    public static IQueryable<Mentorship> WorkableBy(this IQueryable<Mentorship> mentorships, ClaimsPrincipal user)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return mentorships.Where(m => m.Status != MentorshipStatus.Closed
            && m.Members.Any(mm => mm.UserId == userId && mm.IsCurrent && mm.Enrollment!.Status != EnrollmentStatus.Withdrawn));
    }

    public static IQueryable<Meeting> VisibleTo(this IQueryable<Meeting> meetings, MentorHubDbContext db, ClaimsPrincipal user)
    {
        var visible = db.Mentorships.VisibleTo(db, user);
        return meetings.Where(mt => visible.Any(m => m.Id == mt.MentorshipId));
    }

    public static IQueryable<Goal> VisibleTo(this IQueryable<Goal> goals, MentorHubDbContext db, ClaimsPrincipal user)
    {
        var visible = db.Mentorships.VisibleTo(db, user);
        return goals.Where(g => visible.Any(m => m.Id == g.MentorshipId));
    }
}
