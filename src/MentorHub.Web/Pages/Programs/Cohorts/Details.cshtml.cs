
namespace MentorHub.Web.Pages.Programs.Cohorts;

/// <summary>A cohort's participants: role, status, training readiness and whether they are matched; filter, search and pages.</summary>
public class DetailsModel(MentorHubDbContext db, UserTime time, CohortEnrollment enrollments,
    NotificationOutbox outbox, AppUrls urls, TimeProvider clock, ConnectionsActions connections, AccountInvitations invitations,
    MentorHub.Core.Mentoring.ParticipantWithdrawal withdrawal) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "q")] public string? Search { get; set; }
    [BindProperty(SupportsGet = true, Name = "role")] public EnrollmentRole? Role { get; set; }
    [BindProperty(SupportsGet = true, Name = "status")] public EnrollmentStatus? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true, Name = "show")] public string? Show { get; set; }
    [BindProperty(SupportsGet = true, Name = "sort")] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "cpage")] public int? ConnectionsPage { get; set; }

    public ConnectionsView Connections { get; private set; } = null!;
    public UserTime Time => time;

    public CohortInfo Cohort { get; private set; } = null!;
    public IReadOnlyList<ParticipantRow> Participants { get; private set; } = [];
    public Paging Paging { get; private set; } = null!;
    public Counts Totals { get; private set; } = null!;
    public DateOnly Today => time.Today;

    public async Task<IActionResult> OnGetAsync(int id, int cohortId, CancellationToken ct)
    {
        var cohort = await db.FindManagedCohortAsync(User, id, cohortId, ct);
        if (cohort is null) return NotFound();
        Cohort = cohort;

        Totals = (await Query.Totals.For(db)(db, cohortId).ToListAsync(ct)).SingleOrDefault() ?? new Counts(0, 0, 0, 0);

        // What the search box matches, by enrollment; the role and status filters and the order are the compiled query's.
        var search = Search?.Trim();
        var searching = !string.IsNullOrEmpty(search);
        var found = searching
            ? await db.Enrollments.Where(e => e.CohortId == cohortId)
                .WhereAnyContains(db.Database, search!, e => e.User!.DisplayName, e => e.User!.Email, e => e.User!.Branch)
                .Select(e => e.Id).ToListAsync(ct)
            : [];
        var matching = await Query.Matching.For(db)(db, cohortId, Role, Status, searching, found).ToListAsync(ct);
        Paging = new Paging(Paging.Normalize(PageNumber), PageSize, matching.Count, $"/Programs/{id}/Cohorts/{cohortId}",
            new Dictionary<string, string?>
            {
                ["q"] = search,
                ["role"] = Role?.ToString(),
                ["status"] = Status?.ToString(),
                ["show"] = Show,
                ["sort"] = Sort,
                ["cpage"] = ConnectionsPage?.ToString(System.Globalization.CultureInfo.InvariantCulture)
            });

        var onPage = matching.Skip(Paging.Skip).Take(PageSize).ToList();
        var requiredCount = (await Query.RequiredModules.For(db)(db, id).ToListAsync(ct)).Single();
        var rows = (await Query.Participants.For(db)(db, id, onPage, requiredCount).ToListAsync(ct)).ToDictionary(p => p.EnrollmentId);
        Participants = onPage.Select(e => rows[e]).ToList();
        // Each person's mentorships in this cohort with their partners: the running one first, else the latest.
        var memberships = await Query.Memberships.For(db)(db, onPage).ToListAsync(ct);
        var mentorshipIds = memberships.Select(m => m.MentorshipId).Distinct().ToList();
        var everyone = (await Query.Members.For(db)(db, mentorshipIds).ToListAsync(ct)).ToLookup(mm => mm.MentorshipId);
        // A running mentorship's partners are its current members; an ended one's (or one the person left) everyone who was in it.
        Partners = memberships.GroupBy(m => m.EnrollmentId).ToDictionary(g => g.Key, g => g.OrderByDescending(m => m.Running).ThenByDescending(m => m.StartedOn)
            .Select(m => new PartnerLink(m.MentorshipId,
                string.Join(" & ", everyone[m.MentorshipId].Where(o => o.EnrollmentId != m.EnrollmentId && (o.IsCurrent || !m.Running)).Select(o => o.DisplayName)), m.Running))
            .First());

        Connections = ConnectionsView.Build(await connections.LoadAsync(id, cohortId, ct), Show, Sort, ConnectionsPage, Cohort.Format, showCohort: false,
            Cohort.Path, new Dictionary<string, string?> { ["q"] = search, ["role"] = Role?.ToString(), ["status"] = Status?.ToString(), ["page"] = PageNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            clock.GetUtcNow().UtcDateTime);
        return Page();
    }

    /// <summary>Each listed person's current (or latest) mentorship in this cohort, by enrollment.</summary>
    public IReadOnlyDictionary<int, PartnerLink> Partners { get; private set; } = new Dictionary<int, PartnerLink>();

    public static readonly (string Value, string Label)[] BulkActions =
        [("approve", "Approve applications"), ("resend", "Resend invitations"), ("withdraw", "Withdraw (give the reason below)"), ("email", "Email (write the message below)")];

    /// <summary>
    /// One action for the ticked participants: approve those who applied, invite again those not signed in (hourly
    /// limit), withdraw with a reason, or email a message. People it does not apply to are skipped and counted.
    /// </summary>
    public async Task<IActionResult> OnPostBulkAsync(int id, int cohortId, string? bulkAction, List<int> selected, string? subject, string? text, CancellationToken ct)
    {
        var cohort = await db.FindManagedCohortAsync(User, id, cohortId, ct);
        if (cohort is null) return NotFound();
        selected = selected.Distinct().Take(500).ToList();
        var people = await db.Enrollments.Include(e => e.User).Where(e => e.CohortId == cohortId && selected.Contains(e.Id)).ToListAsync(ct);
        if (people.Count == 0) return Refuse(cohort, "Tick at least one participant first.");
        text = text?.Trim();
        var me = User.FindFirst(MentorHubClaimsPrincipalFactory.DisplayNameClaim)?.Value ?? "Your coordinator";
        var now = clock.GetUtcNow().UtcDateTime;
        int done = 0, skipped = 0;
        switch (bulkAction)
        {
            case "approve":
                foreach (var e in people)
                {
                    if (e.Status is not EnrollmentStatus.Applied) { skipped++; continue; }
                    e.Approve(now);
                    db.Audit(e, "ApplicationApproved", e.User!.Email);
                    await outbox.QueueAsync(ProgramEmails.ApplicationDecided(Recipient.Of(e.User), urls.Links, e.Id, cohort.ProgramName, cohort.Name, true, enrollments.ProfileLink(e.Id)));
                    done++;
                }
                await db.SaveChangesAsync(ct);
                break;
            case "resend":
                foreach (var e in people)
                {
                    if (!e.User!.HasPendingInvitation || e.User.InvitedAtUtc + AppUser.ReinviteInterval > now) { skipped++; continue; }
                    await invitations.ResendAsync(e.User, me, $"You are enrolled in {cohort.Name} of {cohort.ProgramName}.", ct);
                    done++;
                }
                break;
            case "withdraw":
                if (string.IsNullOrWhiteSpace(text)) return Refuse(cohort, "Give the reason for the withdrawal in the message box: it is kept with each record.");
                if (text.Length > 500) return Refuse(cohort, "Keep the reason under 500 characters.");
                foreach (var e in people)
                {
                    if (e.Status is not (EnrollmentStatus.Active or EnrollmentStatus.Applied)) { skipped++; continue; }
                    await withdrawal.WithdrawAsync(e, e.User!.DisplayName, time.Today, text, ct);
                    done++;
                }
                await db.SaveChangesAsync(ct);
                break;
            case "email":
                if (string.IsNullOrWhiteSpace(subject) || string.IsNullOrWhiteSpace(text)) return Refuse(cohort, "Write a subject and a message to email.");
                if (subject.Length > 200 || text.Length > 4000) return Refuse(cohort, "Keep the subject under 200 and the message under 4,000 characters.");
                foreach (var e in people)
                {
                    done += await outbox.QueueAsync(ProgramEmails.CoordinatorMessage(Recipient.Of(e.User!), urls.Links, id, cohortId, cohort.ProgramName, me, subject.Trim(), text));
                }
                skipped = people.Count - done;
                db.Audit(nameof(Cohort), cohortId.ToString(System.Globalization.CultureInfo.InvariantCulture), "ParticipantsEmailed", $"{done} people: {subject.Trim()}");
                await db.SaveChangesAsync(ct);
                break;
            default:
                return Refuse(cohort, "Choose what to do with the ticked participants.");
        }
        var verb = bulkAction switch { "approve" => "approved", "resend" => "invited again", "withdraw" => "withdrawn", _ => "emailed" };
        this.FlashSuccess($"{done} {(done == 1 ? "person" : "people")} {verb}."
            + (skipped == 0 ? "" : $" {skipped} skipped ({bulkAction switch { "approve" => "not waiting for approval", "resend" => "already signed in or invited less than an hour ago", "withdraw" => "already left", _ => "turned such mail off" }})."));
        return Redirect(cohort.Path);
    }

    private RedirectResult Refuse(CohortInfo cohort, string message)
    {
        this.FlashError(message);
        return Redirect(cohort.Path);
    }

    /// <summary>Changes a participant's role (mentor or mentee) while they have not been matched in this cohort.</summary>
    public async Task<IActionResult> OnPostChangeRoleAsync(int id, int cohortId, int enrollmentId, EnrollmentRole? role, CancellationToken ct)
    {
        var cohort = await db.FindManagedCohortAsync(User, id, cohortId, ct);
        if (cohort is null) return NotFound();
        var enrollment = await db.Enrollments.Include(e => e.Competencies).Include(e => e.User).SingleOrDefaultAsync(e => e.Id == enrollmentId && e.CohortId == cohortId, ct);
        if (enrollment is null) return NotFound();
        if (role is null || !Enum.IsDefined(role.Value))
        {
            this.FlashError("Choose the new role.");
            return Redirect(cohort.Path);
        }
        var matched = await db.MentorshipMembers.AnyAsync(mm => mm.EnrollmentId == enrollmentId, ct);
        enrollment.ChangeRole(role.Value, cohort.Format, matched);
        db.Audit(enrollment, "RoleChanged", role.Value.ToString());
        await db.SaveChangesAsync(ct);
        this.FlashSuccess($"{enrollment.User!.DisplayName} now takes part as a {role.Value.ToString().ToLowerInvariant()}.");
        return Redirect(cohort.Path);
    }

    /// <summary>Sends an invitation again to someone who has not accepted it (once an hour at most).</summary>
    public async Task<IActionResult> OnPostResendInvitationAsync(int id, int cohortId, int enrollmentId, CancellationToken ct)
    {
        var cohort = await db.FindManagedCohortAsync(User, id, cohortId, ct);
        if (cohort is null) return NotFound();
        var person = await db.Enrollments.Where(e => e.Id == enrollmentId && e.CohortId == cohortId).Select(e => e.User).SingleOrDefaultAsync(ct);
        if (person is null) return NotFound();
        var me = User.FindFirst(MentorHubClaimsPrincipalFactory.DisplayNameClaim)?.Value ?? "Your coordinator";
        await invitations.ResendAsync(person, me, $"You are enrolled in {cohort.Name} of {cohort.ProgramName}.", ct);
        this.FlashSuccess($"The invitation went to {person.Email} again.");
        return Redirect(cohort.Path);
    }

    public async Task<IActionResult> OnPostNudgeAsync(int id, int cohortId, int mentorshipId, CancellationToken ct) => await NudgeAsync(id, cohortId, mentorshipId, ct);

    public async Task<IActionResult> OnPostNudgeAtRiskAsync(int id, int cohortId, CancellationToken ct) => await NudgeAsync(id, cohortId, null, ct);

    private async Task<IActionResult> NudgeAsync(int id, int cohortId, int? mentorshipId, CancellationToken ct)
    {
        var cohort = await db.FindManagedCohortAsync(User, id, cohortId, ct);
        if (cohort is null) return NotFound();
        var (found, message) = await connections.NudgeAsync(User, id, cohortId, mentorshipId, ct);
        if (!found) return NotFound();
        this.FlashSuccess(message);
        return Redirect($"{cohort.Path}#connections");
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
        db.Audit(enrollment, approve ? "ApplicationApproved" : "ApplicationDeclined", enrollment.User!.Email);
        var link = approve ? enrollments.ProfileLink(enrollmentId) : urls.Page("/Enroll");
        await outbox.QueueAsync(ProgramEmails.ApplicationDecided(Recipient.Of(enrollment.User), urls.Links, enrollmentId, cohort.ProgramName, cohort.Name, approve, link));
        await db.SaveChangesAsync(ct);
        this.FlashSuccess(approve ? $"{enrollment.User.DisplayName} is in." : $"{enrollment.User.DisplayName}'s application is declined.");
        return Redirect(cohort.Path);
    }

    /// <summary>The page's queries, compiled once: EF Core would otherwise prepare each of them again on every request.</summary>
    private static class Query
    {
        public static readonly CompiledQuery<Func<MentorHubDbContext, int, IAsyncEnumerable<Counts>>> Totals = new(() => EF.CompileAsyncQuery(
            (MentorHubDbContext db, int cohortId) => db.Enrollments.AsNoTracking().Where(e => e.CohortId == cohortId).GroupBy(_ => 1).Select(g => new Counts(
                g.Count(e => (e.Status == EnrollmentStatus.Active || e.Status == EnrollmentStatus.Completed) && e.Role == EnrollmentRole.Mentor),
                g.Count(e => (e.Status == EnrollmentStatus.Active || e.Status == EnrollmentStatus.Completed) && e.Role != EnrollmentRole.Mentor),
                g.Count(e => e.Status == EnrollmentStatus.Applied),
                g.Count(e => e.Status == EnrollmentStatus.Withdrawn)))));

        /// <summary>
        /// The cohort's enrollments the filters match, in the list's order (mentors first, then by name). "Invited" is an
        /// active enrollment whose person has not accepted their invitation yet; "Active" is everyone else active.
        /// </summary>
        public static readonly CompiledQuery<Func<MentorHubDbContext, int, EnrollmentRole?, EnrollmentStatus?, bool, List<int>, IAsyncEnumerable<int>>> Matching = new(() => EF.CompileAsyncQuery(
            (MentorHubDbContext db, int cohortId, EnrollmentRole? role, EnrollmentStatus? status, bool searching, List<int> found) => db.Enrollments.AsNoTracking()
                .Where(e => e.CohortId == cohortId && (role == null || e.Role == role) && (!searching || found.Contains(e.Id)))
                .Where(e => status == null
                    || (status == EnrollmentStatus.Invited && e.Status == EnrollmentStatus.Active && e.User!.PasswordHash == null && e.User.InvitedAtUtc != null)
                    || (status == EnrollmentStatus.Active && e.Status == EnrollmentStatus.Active && !(e.User!.PasswordHash == null && e.User.InvitedAtUtc != null))
                    || (status != EnrollmentStatus.Invited && status != EnrollmentStatus.Active && e.Status == status))
                .OrderBy(e => e.Role == EnrollmentRole.Mentor ? 0 : 1).ThenBy(e => e.User!.DisplayName).ThenBy(e => e.Id)
                .Select(e => e.Id)));

        public static readonly CompiledQuery<Func<MentorHubDbContext, int, IAsyncEnumerable<int>>> RequiredModules = new(() => EF.CompileAsyncQuery(
            (MentorHubDbContext db, int programId) => db.Programs.Where(p => p.Id == programId).Select(p => p.TrainingModules.Count(m => m.IsRequired))));

        public static readonly CompiledQuery<Func<MentorHubDbContext, int, List<int>, int, IAsyncEnumerable<ParticipantRow>>> Participants = new(() => EF.CompileAsyncQuery(
            (MentorHubDbContext db, int programId, List<int> enrollmentIds, int requiredCount) => db.Enrollments.AsNoTracking()
                .Where(e => enrollmentIds.Contains(e.Id))
                .Select(e => new ParticipantRow(e.Id, e.UserId, e.User!.DisplayName, e.User.Email!, e.User.Branch, e.User.JobTitle, e.Role, e.Status,
                    e.Role == EnrollmentRole.Mentor
                        ? db.TrainingModules.Count(m => m.ProgramId == programId && m.IsRequired && db.TrainingCompletions.Any(tc => tc.TrainingModuleId == m.Id && tc.UserId == e.UserId))
                        : 0,
                    requiredCount,
                    e.EndedOn, e.WithdrawalReason, e.User.PasswordHash == null ? e.User.InvitedAtUtc : null))));

        public static readonly CompiledQuery<Func<MentorHubDbContext, List<int>, IAsyncEnumerable<Membership>>> Memberships = new(() => EF.CompileAsyncQuery(
            (MentorHubDbContext db, List<int> enrollmentIds) => db.MentorshipMembers.AsNoTracking().Where(mm => enrollmentIds.Contains(mm.EnrollmentId))
                .Select(mm => new Membership(mm.EnrollmentId, mm.MentorshipId, mm.IsCurrent && mm.Mentorship!.Status != MentorshipStatus.Closed, mm.Mentorship!.StartedOn))));

        public static readonly CompiledQuery<Func<MentorHubDbContext, List<int>, IAsyncEnumerable<Member>>> Members = new(() => EF.CompileAsyncQuery(
            (MentorHubDbContext db, List<int> mentorshipIds) => db.MentorshipMembers.AsNoTracking().Where(mm => mentorshipIds.Contains(mm.MentorshipId))
                .Select(mm => new Member(mm.MentorshipId, mm.EnrollmentId, mm.IsCurrent, mm.User!.DisplayName))));
    }

    private sealed record Membership(int EnrollmentId, int MentorshipId, bool Running, DateOnly? StartedOn);

    private sealed record Member(int MentorshipId, int EnrollmentId, bool IsCurrent, string DisplayName);

    public sealed record Counts(int Mentors, int Mentees, int Applications, int Withdrawn);

    public sealed record PartnerLink(int MentorshipId, string Names, bool Running);

    public sealed record ParticipantRow(int EnrollmentId, string UserId, string Name, string Email, string? Branch, string? JobTitle,
        EnrollmentRole Role, EnrollmentStatus Status, int ModulesDone, int ModulesRequired, DateOnly? EndedOn, string? WithdrawalReason, DateTime? InvitedAtUtc)
    {
        /// <summary>Enrolled by a coordinator and not signed in yet.</summary>
        public bool IsInvited => Status is EnrollmentStatus.Active && InvitedAtUtc is not null;

        public bool IsTrained => Role != EnrollmentRole.Mentor || ModulesDone >= ModulesRequired;
    }
}
