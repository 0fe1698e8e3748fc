using System.Security.Claims;
using MentorHub.Core.Domain;

namespace MentorHub.Web.Access;

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

    /// <summary>The cohort, if it belongs to the program and the person manages that program.</summary>
    /// <remarks>Compiled once: every page and action of a cohort starts here.</remarks>
    public static async Task<CohortInfo?> FindManagedCohortAsync(this MentorHubDbContext db, ClaimsPrincipal user, int programId, int cohortId, CancellationToken ct)
    {
        var cohorts = await ManagedCohort.For(db)(db, cohortId, programId, user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", user.IsInRole(Roles.Administrator)).ToListAsync(ct);
        return cohorts.SingleOrDefault();
    }

    // ManageableBy's rule, with the role and the person as parameters so that the query is compiled once.
    private static readonly CompiledQuery<Func<MentorHubDbContext, int, int, string, bool, IAsyncEnumerable<CohortInfo>>> ManagedCohort = new(() => EF.CompileAsyncQuery(
        (MentorHubDbContext db, int cohortId, int programId, string userId, bool administrator) => db.Cohorts.AsNoTracking()
            .Where(c => c.Id == cohortId && c.ProgramId == programId && (administrator || c.Program!.Coordinators.Any(pc => pc.UserId == userId)))
            .Select(c => new CohortInfo(c.Id, c.ProgramId, c.Program!.Name, c.Program.Format, c.Name, c.StartsOn, c.EndsOn, c.EnrollmentOpensOn, c.EnrollmentClosesOn, c.CompletedOn, c.Program.Status))));

    /// <summary>The program's name, if the person manages it.</summary>
    public static Task<ProgramInfo?> FindManagedProgramAsync(this MentorHub.Core.Data.MentorHubDbContext db, ClaimsPrincipal user, int programId, CancellationToken ct) =>
        Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleOrDefaultAsync(
            db.Programs.ManageableBy(user).Where(p => p.Id == programId).Select(p => new ProgramInfo(p.Id, p.Name, p.Status)), ct);

    /// <summary>A program's target competencies, by name: what forms offer to pick from.</summary>
    public static async Task<IReadOnlyList<(int Id, string Name)>> TargetCompetenciesAsync(this MentorHub.Core.Data.MentorHubDbContext db, int programId, CancellationToken ct) =>
        (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.Programs.Where(p => p.Id == programId).SelectMany(p => p.TargetCompetencies).OrderBy(t => t.Competency!.Name)
                .Select(t => new { t.CompetencyId, t.Competency!.Name }), ct))
        .Select(c => (c.CompetencyId, c.Name)).ToList();

    public static bool MayCreatePrograms(this ClaimsPrincipal user) => user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Coordinator);
}

/// <summary>What pages about a cohort show in their heading and breadcrumb.</summary>
public sealed record CohortInfo(int Id, int ProgramId, string ProgramName, ProgramFormat Format, string Name, DateOnly StartsOn, DateOnly EndsOn, DateOnly OpensOn, DateOnly ClosesOn,
    DateOnly? CompletedOn, ProgramStatus ProgramStatus)
{
    /// <summary>A completed cohort, or one of an archived program, is history: it is read, not changed.</summary>
    public bool IsReadOnly => CompletedOn is not null || ProgramStatus is ProgramStatus.Archived;

    public string Path => $"/Programs/{ProgramId}/Cohorts/{Id}";

    public IReadOnlyList<EnrollmentRole> Roles => Format is ProgramFormat.Peer ? [EnrollmentRole.Peer] : [EnrollmentRole.Mentor, EnrollmentRole.Mentee];
}

public sealed record ProgramInfo(int Id, string Name, ProgramStatus Status)
{
    public bool IsArchived => Status is ProgramStatus.Archived;
}
