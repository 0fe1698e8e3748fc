
namespace MentorHub.Web.Pages.Programs.Cohorts;

/// <summary>A cohort's participants: role, status, training readiness and whether they are matched; filter, search and pages.</summary>
public class DetailsModel(MentorHubDbContext db, UserTime time, UserManager<AppUser> users, CohortEnrollment enrollments,
    NotificationOutbox outbox, AppUrls urls, TimeProvider clock) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "q")] public string? Search { get; set; }
    [BindProperty(SupportsGet = true, Name = "role")] public EnrollmentRole? Role { get; set; }
    [BindProperty(SupportsGet = true, Name = "status")] public EnrollmentStatus? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }

    public CohortSummary Cohort { get; private set; } = null!;
    public IReadOnlyList<ParticipantRow> Participants { get; private set; } = [];
    public Paging Paging { get; private set; } = null!;
    public Counts Totals { get; private set; } = null!;
    public DateOnly Today => time.Today;

    public async Task<IActionResult> OnGetAsync(int id, int cohortId, CancellationToken ct)
    {
        var cohort = await db.Cohorts.AsNoTracking()
            .Where(c => c.Id == cohortId && c.ProgramId == id && db.Programs.ManageableBy(User).Any(p => p.Id == c.ProgramId))
            .Select(c => new CohortSummary(c.Id, c.ProgramId, c.Program!.Name, c.Program.Format, c.Name, c.StartsOn, c.EndsOn, c.EnrollmentOpensOn, c.EnrollmentClosesOn))
            .SingleOrDefaultAsync(ct);
        if (cohort is null) return NotFound();
        Cohort = cohort;

        var enrollments = db.Enrollments.AsNoTracking().Where(e => e.CohortId == cohortId);
        Totals = await enrollments.GroupBy(_ => 1).Select(g => new Counts(
            g.Count(e => e.Status == EnrollmentStatus.Active && e.Role == EnrollmentRole.Mentor),
            g.Count(e => e.Status == EnrollmentStatus.Active && e.Role != EnrollmentRole.Mentor),
            g.Count(e => e.Status == EnrollmentStatus.Applied),
            g.Count(e => e.Status == EnrollmentStatus.Withdrawn))).FirstOrDefaultAsync(ct) ?? new Counts(0, 0, 0, 0);

        var query = enrollments;
        if (Role is not null) query = query.Where(e => e.Role == Role);
        if (Status is not null) query = query.Where(e => e.Status == Status);
        var search = Search?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            var pattern = SearchPattern.Contains(search);
            query = query.Where(e => EF.Functions.Like(e.User!.DisplayName, pattern, SearchPattern.Escape) || EF.Functions.Like(e.User.Email!, pattern, SearchPattern.Escape)
                || EF.Functions.Like(e.User.Branch!, pattern, SearchPattern.Escape));
        }
        Paging = new Paging(Paging.Normalize(PageNumber), PageSize, await query.CountAsync(ct), $"/Programs/{id}/Cohorts/{cohortId}",
            new Dictionary<string, string?> { ["q"] = search, ["role"] = Role?.ToString(), ["status"] = Status?.ToString() });

        var required = db.TrainingModules.Where(m => m.ProgramId == id && m.IsRequired);
        var requiredCount = await required.CountAsync(ct);
        Participants = await query.OrderBy(e => e.Role).ThenBy(e => e.User!.DisplayName).Skip(Paging.Skip).Take(PageSize)
            .Select(e => new ParticipantRow(e.Id, e.UserId, e.User!.DisplayName, e.User.Email!, e.User.Branch, e.User.JobTitle, e.Role, e.Status,
                e.Role == EnrollmentRole.Mentor ? required.Count(m => db.TrainingCompletions.Any(tc => tc.TrainingModuleId == m.Id && tc.UserId == e.UserId)) : 0,
                requiredCount,
                db.MentorshipMembers.Any(mm => mm.EnrollmentId == e.Id && mm.Mentorship!.Status != MentorshipStatus.Closed),
                e.EndedOn, e.WithdrawalReason))
            .ToListAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostApproveAsync(int id, int cohortId, int enrollmentId, CancellationToken ct) => DecideAsync(id, cohortId, enrollmentId, approve: true, ct);

    public Task<IActionResult> OnPostDeclineAsync(int id, int cohortId, int enrollmentId, CancellationToken ct) => DecideAsync(id, cohortId, enrollmentId, approve: false, ct);

    private async Task<IActionResult> DecideAsync(int id, int cohortId, int enrollmentId, bool approve, CancellationToken ct)
    {
        var cohort = await db.FindManagedCohortAsync(User, id, cohortId, ct);
        if (cohort is null) return NotFound();
        var enrollment = await db.Enrollments.Include(e => e.User).SingleOrDefaultAsync(e => e.Id == enrollmentId && e.CohortId == cohortId, ct);
        if (enrollment is null) return NotFound();
        try
        {
            if (approve) enrollment.Approve(clock.GetUtcNow().UtcDateTime);
            else enrollment.Decline();
        }
        catch (DomainException ex)
        {
            this.FlashError(ex.Message);
            return Redirect(cohort.Path);
        }
        db.AuditEntries.Add(new AuditEntry(users.GetUserId(User), approve ? "ApplicationApproved" : "ApplicationDeclined", nameof(Enrollment),
            enrollmentId.ToString(System.Globalization.CultureInfo.InvariantCulture), enrollment.User!.Email, clock.GetUtcNow().UtcDateTime));
        var link = approve ? enrollments.ProfileLink(enrollmentId) : urls.Page("/Enroll");
        await outbox.QueueAsync(ProgramEmails.ApplicationDecided(Recipient.Of(enrollment.User), urls.Links, enrollmentId, cohort.ProgramName, cohort.Name, approve, link));
        await db.SaveChangesAsync(ct);
        this.FlashSuccess(approve ? $"{enrollment.User.DisplayName} is in." : $"{enrollment.User.DisplayName}'s application is declined.");
        return Redirect(cohort.Path);
    }

    public sealed record CohortSummary(int Id, int ProgramId, string ProgramName, ProgramFormat Format, string Name, DateOnly StartsOn, DateOnly EndsOn, DateOnly OpensOn, DateOnly ClosesOn);
    public sealed record Counts(int Mentors, int Mentees, int Applications, int Withdrawn);

    public sealed record ParticipantRow(int EnrollmentId, string UserId, string Name, string Email, string? Branch, string? JobTitle,
        EnrollmentRole Role, EnrollmentStatus Status, int ModulesDone, int ModulesRequired, bool IsMatched, DateOnly? EndedOn, string? WithdrawalReason)
    {
        public bool IsTrained => Role != EnrollmentRole.Mentor || ModulesDone >= ModulesRequired;
    }
}
