using System.Security.Claims;
using MentorHub.Core.Domain;

namespace MentorHub.Web.Infrastructure;

/// <summary>
/// Who may manage a program: its coordinators, and administrators. Everyone else is told the program does not exist
/// (404), so ids cannot be probed.
/// </summary>
public static class ProgramAccess
{
    public static IQueryable<MentorshipProgram> ManageableBy(this IQueryable<MentorshipProgram> programs, ClaimsPrincipal user)
    {
        if (user.IsInRole(Roles.Administrator)) return programs;
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return programs.Where(p => p.Coordinators.Any(c => c.UserId == userId));
    }

    public static bool MayCreatePrograms(this ClaimsPrincipal user) => user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Coordinator);
}
