using System.Globalization;
using MentorHub.Core.Matching;
using MentorHub.Core.Notifications;

namespace MentorHub.Web.Pages.Programs.Cohorts;

/// <summary>
/// Proposes a complete matching for the cohort's unmatched participants, explains every suggestion, and lets the
/// coordinator pin, forbid, pair by hand, re-run and accept all or some. Accepting creates the mentorships.
/// </summary>
public class MatchingModel(MentorHubDbContext db, UserManager<AppUser> users, NotificationOutbox outbox, AppUrls urls, UserTime time, TimeProvider clock) : PageModel
{
    public const int DefaultGroupSize = 4;

    public CohortInfo Cohort { get; private set; } = null!;
    public IReadOnlyList<Proposed> Proposals { get; private set; } = [];
    public IReadOnlyList<UnmatchedParticipant> Unmatched { get; private set; } = [];
    public IReadOnlyList<UnmatchedParticipant> UnavailableMentors { get; private set; } = [];
    public IReadOnlyList<string> Warnings { get; private set; } = [];
    public IReadOnlyList<ConstraintRow> Constraints { get; private set; } = [];
    public IReadOnlyList<MatchParticipant> Mentees { get; private set; } = [];
    public IReadOnlyList<MatchParticipant> Mentors { get; private set; } = [];
    public double TotalScore { get; private set; }

    /// <summary>The program's minimum score: suggestions under it are proposed unticked, with a warning.</summary>
    public int MinimumScore { get; private set; }

    /// <summary>Every mentor of the cohort with their current mentees and capacity, for the inline capacity edit.</summary>
    public IReadOnlyList<MentorLoad> MentorLoads { get; private set; } = [];

    public bool IsBelowMinimum(Proposed proposal) => !proposal.IsPinned && proposal.Score < MinimumScore;

    [BindProperty(SupportsGet = true, Name = "size")]
    public int GroupSize { get; set; } = DefaultGroupSize;

    public async Task<IActionResult> OnGetAsync(int id, int cohortId, CancellationToken ct) =>
        await ProposeAsync(id, cohortId, ct) ? Page() : NotFound();

    /// <summary>The cohort as this proposal saw it: accepting from an older page (another coordinator accepted meanwhile) is a conflict.</summary>
    public Guid CohortVersion { get; private set; }

    /// <summary>People (by enrollment) who have not accepted their invitation: they can be matched, and hear of it once they sign in.</summary>
    public IReadOnlySet<int> NotSignedInYet { get; private set; } = new HashSet<int>();

    public string NameOf(MatchParticipant person) => NotSignedInYet.Contains(person.Id) ? $"{person.Name} (not signed in yet)" : person.Name;

    public async Task<IActionResult> OnPostAcceptAsync(int id, int cohortId, List<string> accept, Guid cohortVersion, CancellationToken ct)
    {
        if (!await ProposeAsync(id, cohortId, ct)) return NotFound();
        var chosen = Proposals.Where(p => accept.Contains(p.Key)).ToList();
        if (chosen.Count == 0)
        {
            this.FlashError("Tick at least one suggestion to accept. The proposal may have changed: check it again.");
            return Redirect($"{Cohort.Path}/Matching?size={GroupSize}");
        }

        var created = new List<Mentorship>();
        // The mentorships, their check-ins and the members' mail are one transaction: all of it happens or none.
        await db.InTransactionAsync(async ct =>
        {
            created.Clear();
            // Acceptances of one cohort take turns: each moves the cohort's version, so a second one from the same
            // proposal fails instead of matching people twice or past a mentor's capacity.
            var cohortRow = await db.Cohorts.SingleAsync(c => c.Id == Cohort.Id, ct);
            db.Entry(cohortRow).Property(c => c.Version).OriginalValue = cohortVersion;
            db.Entry(cohortRow).Property(c => c.Version).IsModified = true;
            var enrollmentIds = chosen.SelectMany(p => p.Mentors.Concat(p.Mentees)).Select(m => m.Id).Distinct().ToList();
            var enrollments = await db.Enrollments.Include(e => e.User).Where(e => enrollmentIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var proposal in chosen)
            {
                var mentorship = new Mentorship(Cohort.Id, now, proposal.Score, proposal.Explanation);
                foreach (var mentor in proposal.Mentors)
                    mentorship.AddMember(enrollments[mentor.Id], Cohort.Format is ProgramFormat.Peer ? MemberRole.Peer : MemberRole.Mentor, time.Today);
                foreach (var mentee in proposal.Mentees)
                    mentorship.AddMember(enrollments[mentee.Id], Cohort.Format is ProgramFormat.Peer ? MemberRole.Peer : MemberRole.Mentee, time.Today);
                mentorship.Activate(time.Today);
                db.Mentorships.Add(mentorship);
                created.Add(mentorship);
            }
            var pinsToClear = await db.MatchConstraints.Where(c => c.CohortId == Cohort.Id && c.Kind == MatchConstraintKind.Pin
                && (enrollmentIds.Contains(c.MenteeEnrollmentId) || enrollmentIds.Contains(c.MentorEnrollmentId))).ToListAsync(ct);
            db.MatchConstraints.RemoveRange(pinsToClear);
            db.Audit(nameof(Cohort), Cohort.Id.ToString(CultureInfo.InvariantCulture), "MatchesAccepted", $"{created.Count} mentorships");
            await db.SaveChangesAsync(ct);

            // Check-ins for those who develop: a baseline now, a midpoint half-way through the cohort, an exit at its end.
            var today = time.Today;
            var midpoint = Cohort.StartsOn.AddDays((Cohort.EndsOn.DayNumber - Cohort.StartsOn.DayNumber) / 2);
            foreach (var member in created.SelectMany(m => m.Members).Where(m => m.Role is not MemberRole.Mentor))
            {
                db.Assessments.Add(new Assessment(member.Id, AssessmentKind.Baseline, today.AddDays(7)));
                if (midpoint > today) db.Assessments.Add(new Assessment(member.Id, AssessmentKind.Midpoint, midpoint));
                db.Assessments.Add(new Assessment(member.Id, AssessmentKind.Exit, Cohort.EndsOn > today ? Cohort.EndsOn : today.AddDays(14)));
            }
            await db.SaveChangesAsync(ct);

            foreach (var mentorship in created)
            {
                // Someone who has not accepted their invitation hears of the match once they do (AcceptInvitation).
                foreach (var member in mentorship.Members.Where(m => enrollments[m.EnrollmentId].User!.PasswordHash is not null))
                {
                    var person = enrollments[member.EnrollmentId].User!;
                    var partners = mentorship.Members.Where(m => m.EnrollmentId != member.EnrollmentId).Select(m => enrollments[m.EnrollmentId].User!.DisplayName).ToList();
                    await outbox.QueueAsync(ProgramEmails.Matched(Recipient.Of(person), urls.Links, mentorship.Id, Cohort.ProgramName, partners));
                }
            }
            await db.SaveChangesAsync(ct);
        }, ct);
        this.FlashSuccess($"{created.Count} {(created.Count == 1 ? "mentorship" : "mentorships")} created; the members have been told.");
        return Redirect($"{Cohort.Path}/Matching?size={GroupSize}");
    }

    /// <summary>Changes a mentor's capacity from the matching page; the proposal is run again with it.</summary>
    public async Task<IActionResult> OnPostCapacityAsync(int id, int cohortId, int enrollmentId, int capacity, Guid version, CancellationToken ct)
    {
        var cohort = await db.FindManagedCohortAsync(User, id, cohortId, ct);
        if (cohort is null) return NotFound();
        var mentor = await db.Enrollments.Include(e => e.User).SingleOrDefaultAsync(e => e.Id == enrollmentId && e.CohortId == cohortId && e.Role == EnrollmentRole.Mentor, ct);
        if (mentor is null) return NotFound();
        var back = $"{cohort.Path}/Matching?size={GroupSize}";
        if (capacity is < 1 or > 10)
        {
            this.FlashError($"{mentor.User!.DisplayName}'s capacity was not changed: a mentor takes between 1 and 10 mentees.");
            return Redirect(back);
        }
        db.Entry(mentor).Property(e => e.Version).OriginalValue = version;
        mentor.SetCapacity(capacity);
        mentor.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            this.FlashError($"{mentor.User!.DisplayName}'s profile was changed by someone else meanwhile, so the capacity was not changed. Check the new figures and try again.");
            return Redirect(back);
        }
        this.FlashSuccess($"{mentor.User!.DisplayName} now takes up to {capacity} {(capacity == 1 ? "mentee" : "mentees")}; the proposal below uses it.");
        return Redirect(back);
    }

    public Task<IActionResult> OnPostPinAsync(int id, int cohortId, int menteeId, int mentorId, CancellationToken ct) =>
        ConstrainAsync(id, cohortId, menteeId, mentorId, MatchConstraintKind.Pin, ct);

    public Task<IActionResult> OnPostForbidAsync(int id, int cohortId, int menteeId, int mentorId, CancellationToken ct) =>
        ConstrainAsync(id, cohortId, menteeId, mentorId, MatchConstraintKind.Forbid, ct);

    public async Task<IActionResult> OnPostRemoveConstraintAsync(int id, int cohortId, int constraintId, CancellationToken ct)
    {
        var cohort = await db.FindManagedCohortAsync(User, id, cohortId, ct);
        if (cohort is null) return NotFound();
        var constraint = await db.MatchConstraints.SingleOrDefaultAsync(c => c.Id == constraintId && c.CohortId == cohortId, ct);
        if (constraint is null) return NotFound();
        db.MatchConstraints.Remove(constraint);
        await db.SaveChangesAsync(ct);
        this.FlashSuccess(constraint.Kind is MatchConstraintKind.Pin ? "Pin removed." : "The pair is allowed again.");
        return Redirect($"{cohort.Path}/Matching?size={GroupSize}");
    }

    private async Task<IActionResult> ConstrainAsync(int id, int cohortId, int menteeId, int mentorId, MatchConstraintKind kind, CancellationToken ct)
    {
        var cohort = await db.FindManagedCohortAsync(User, id, cohortId, ct);
        if (cohort is null) return NotFound();
        var inCohort = await db.Enrollments.CountAsync(e => e.CohortId == cohortId && (e.Id == menteeId || e.Id == mentorId), ct);
        if (inCohort != 2 || menteeId == mentorId)
        {
            this.FlashError("Choose two different people from this cohort.");
            return Redirect($"{cohort.Path}/Matching?size={GroupSize}");
        }
        var existing = await db.MatchConstraints.Where(c => c.CohortId == cohortId && ((c.MenteeEnrollmentId == menteeId && c.MentorEnrollmentId == mentorId)
            || (kind == MatchConstraintKind.Pin && c.Kind == MatchConstraintKind.Pin && c.MenteeEnrollmentId == menteeId))).ToListAsync(ct);
        db.MatchConstraints.RemoveRange(existing);
        db.MatchConstraints.Add(new MatchConstraint(cohortId, menteeId, mentorId, kind, users.GetUserId(User)!, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        this.FlashSuccess(kind is MatchConstraintKind.Pin ? "Pair pinned: it will be part of every proposal." : "Pair forbidden: it will not be proposed.");
        return Redirect($"{cohort.Path}/Matching?size={GroupSize}");
    }

    /// <summary>Loads who is still to be matched and computes the proposal; false when the cohort is not the person's to manage.</summary>
    private async Task<bool> ProposeAsync(int id, int cohortId, CancellationToken ct)
    {
        var cohort = await db.FindManagedCohortAsync(User, id, cohortId, ct);
        if (cohort is null) return false;
        Cohort = cohort;
        CohortVersion = await db.Cohorts.Where(c => c.Id == cohortId).Select(c => c.Version).SingleAsync(ct);
        GroupSize = Math.Clamp(GroupSize, 2, 12);

        var program = await db.Programs.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { p.MatchWeights, p.MatchWeights.MinimumScore, p.MatchWeights.Objective, Competencies = p.TargetCompetencies.Select(t => new { t.CompetencyId, t.Competency!.Name }).ToList() })
            .SingleAsync(ct);
        var names = program.Competencies.ToDictionary(c => c.CompetencyId, c => c.Name);
        var required = await db.TrainingModules.AsNoTracking().Where(m => m.ProgramId == id && m.IsRequired).Select(m => new { m.Id, m.Title }).ToListAsync(ct);

        var candidates = await db.Enrollments.AsNoTracking()
            .Where(e => e.CohortId == cohortId && e.Status == EnrollmentStatus.Active)
            .Select(e => new
            {
                e.Id,
                e.UserId,
                e.User!.DisplayName,
                NotSignedIn = e.User.PasswordHash == null,
                e.Role,
                e.MentorCapacity,
                e.Version,
                e.AvailabilitySlots,
                e.ModalityPreference,
                Branch = e.Branch ?? e.User.Branch,
                e.User.CareerStage,
                Competencies = e.Competencies.Select(c => new { c.CompetencyId, c.Interest, c.Level }).ToList(),
                Memberships = db.MentorshipMembers.Count(m => m.EnrollmentId == e.Id && m.IsCurrent && m.Mentorship!.Status != MentorshipStatus.Closed),
                Completed = db.TrainingCompletions.Where(t => t.UserId == e.UserId).Select(t => t.TrainingModuleId).ToList(),
            })
            .OrderBy(e => e.DisplayName)
            .ToListAsync(ct);

        var participants = candidates.Select(e =>
        {
            var missing = required.Where(r => !e.Completed.Contains(r.Id)).Select(r => r.Title).ToList();
            return (e.Role, e.Memberships, Participant: new MatchParticipant(e.Id, e.DisplayName,
                e.Competencies.Where(c => c.Interest == CompetencyInterest.Development).Select(c => new CompetencyLevel(c.CompetencyId, c.Level)).ToList(),
                e.Competencies.Where(c => c.Interest == CompetencyInterest.Expertise).Select(c => new CompetencyLevel(c.CompetencyId, c.Level)).ToList(),
                e.AvailabilitySlots, e.ModalityPreference, e.Branch, e.CareerStage)
            {
                Capacity = Math.Max(0, e.MentorCapacity - e.Memberships),
                NotMatchableReason = e.Role is EnrollmentRole.Mentor && missing.Count > 0 ? $"Required training not complete: {string.Join(", ", missing)}" : null,
            });
        }).ToList();

        MinimumScore = program.MinimumScore;
        Mentors = participants.Where(p => p.Role is EnrollmentRole.Mentor).Select(p => p.Participant).ToList();
        MentorLoads = candidates.Where(c => c.Role is EnrollmentRole.Mentor).Select(c => new MentorLoad(c.Id, c.DisplayName, c.Memberships, c.MentorCapacity, c.Version)).ToList();
        Mentees = participants.Where(p => p.Role is not EnrollmentRole.Mentor && p.Memberships == 0).Select(p => p.Participant).ToList();

        NotSignedInYet = candidates.Where(c => c.NotSignedIn).Select(c => c.Id).ToHashSet();

        var constraintRows = await db.MatchConstraints.AsNoTracking().Where(c => c.CohortId == cohortId).OrderBy(c => c.Id).ToListAsync(ct);
        var nameOf = candidates.ToDictionary(c => c.Id, c => c.DisplayName);
        Constraints = constraintRows.Select(c => new ConstraintRow(c.Id, c.Kind, nameOf.GetValueOrDefault(c.MenteeEnrollmentId, "someone who left"), nameOf.GetValueOrDefault(c.MentorEnrollmentId, "someone who left"))).ToList();
        var constraints = new MatchConstraints(
            constraintRows.Where(c => c.Kind == MatchConstraintKind.Pin).Select(c => new PairKey(c.MenteeEnrollmentId, c.MentorEnrollmentId)).ToHashSet(),
            constraintRows.Where(c => c.Kind == MatchConstraintKind.Forbid).Select(c => new PairKey(c.MenteeEnrollmentId, c.MentorEnrollmentId)).ToHashSet());

        var scorer = new MatchScorer(program.MatchWeights, cohort.Format, names);
        switch (cohort.Format)
        {
            case ProgramFormat.Peer:
                var peers = PeerPairing.Pair(Mentees, scorer, constraints);
                Proposals = peers.Pairs.Select(p => new Proposed($"{p.First.Id}:{p.Second.Id}", [p.First], [p.Second], p.Score, p.Explanation, p.IsPinned)).ToList();
                (Unmatched, Warnings, TotalScore) = (peers.Unmatched, peers.Warnings, peers.TotalScore);
                break;
            case ProgramFormat.Group:
                var groups = GroupFormation.Form(Mentees, Mentors, scorer, GroupSize, constraints);
                Proposals = groups.Groups.Select(g => new Proposed($"group:{g.Mentor.Id}:{string.Join(",", g.Mentees.Select(m => m.Id))}", [g.Mentor], g.Mentees, g.Score, g.Explanation, g.HasPinnedMember)).ToList();
                (Unmatched, UnavailableMentors, Warnings, TotalScore) = (groups.Unmatched, groups.UnavailableMentors, groups.Warnings, groups.TotalScore);
                break;
            default:
                var proposal = MatchPlanner.Propose(Mentees, Mentors, scorer, constraints, program.Objective);
                Proposals = proposal.Suggestions.Select(s => new Proposed($"{s.Mentee.Id}:{s.Mentor.Id}", [s.Mentor], [s.Mentee], s.Score.Total, s.Score.Explain(), s.IsPinned, s.Score.Breakdown)).ToList();
                (Unmatched, UnavailableMentors, Warnings, TotalScore) = (proposal.Unmatched, proposal.UnavailableMentors, proposal.Warnings, proposal.TotalScore);
                break;
        }
        return true;
    }

    /// <summary>One proposed mentorship: its mentor(s) (or first peer) and mentee(s) (or second peer), with the score and why.</summary>
    public sealed record Proposed(string Key, IReadOnlyList<MatchParticipant> Mentors, IReadOnlyList<MatchParticipant> Mentees, double Score, string Explanation, bool IsPinned,
        IReadOnlyList<CriterionScore>? Breakdown = null);

    /// <summary>A mentor's places: how many current mentorships they have and how many they can take.</summary>
    public sealed record MentorLoad(int EnrollmentId, string Name, int Current, int Capacity, Guid Version);

    public sealed record ConstraintRow(int Id, MatchConstraintKind Kind, string First, string Second);
}
