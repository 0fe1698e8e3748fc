using System.Globalization;
using MentorHub.Core.Data;
using MentorHub.Core.Domain;
using MentorHub.Core.Mentoring;
using MentorHub.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MentorHub.Core.Matching;

/// <summary>
/// The settings one matching run uses: the weights, minimum score and objective, (group programs) the group size, and
/// weights for the program's matching questions that differ from their own (by question).
/// </summary>
public sealed record MatchSettings(MatchWeights Weights, int GroupSize, IReadOnlyDictionary<int, int>? QuestionWeights = null)
{
    /// <summary>The program's questions with this run's weights.</summary>
    public IReadOnlyList<QuestionRule> Weigh(IReadOnlyList<QuestionRule> questions) => QuestionWeights is null ? questions
        : questions.Select(q => QuestionWeights.TryGetValue(q.Id, out var weight) ? q with { Weight = weight } : q).ToList();

    public static string? QuestionWeightsToJson(IReadOnlyDictionary<int, int>? weights) =>
        weights is null || weights.Count == 0 ? null : System.Text.Json.JsonSerializer.Serialize(weights);

    public static Dictionary<int, int>? QuestionWeightsFromJson(string? json) =>
        json is null ? null : System.Text.Json.JsonSerializer.Deserialize<Dictionary<int, int>>(json);

    public const int MinGroupSize = 2;
    public const int MaxGroupSize = 12;
    public const int DefaultGroupSize = 4;
}

/// <summary>A mentor's places as the matching page shows them: current mentorships against their capacity.</summary>
/// <param name="Requested">Places held by mentees' open requests.</param>
public sealed record MentorPlaces(int EnrollmentId, string Name, int Current, int Capacity, Guid Version, int Requested = 0);

/// <summary>A coordinator's pin or forbid, with the two people's names.</summary>
public sealed record ConstraintRow(int Id, MatchConstraintKind Kind, string Mentee, string Mentor);

/// <summary>Everything a cohort's matching starts from: who is still to be matched, the mentors and their places, the program's settings, the coordinator's pins and forbids.</summary>
public sealed record MatchingInput(
    int CohortId,
    ProgramFormat Format,
    DateOnly StartsOn,
    DateOnly EndsOn,
    string ProgramName,
    Guid CohortVersion,
    MatchWeights ProgramSettings,
    IReadOnlyDictionary<int, string> CompetencyNames,
    IReadOnlyList<QuestionRule> Questions,
    IReadOnlyList<MatchParticipant> Mentees,
    IReadOnlyList<MatchParticipant> Mentors,
    IReadOnlyList<MentorPlaces> MentorPlaces,
    IReadOnlySet<int> NotSignedInYet,
    IReadOnlyList<ConstraintRow> ConstraintRows,
    MatchConstraints Constraints)
{
    /// <summary>How the cohort's mentees are matched; ranked choices count in scores only under <see cref="MenteeChoiceMode.Rank"/>.</summary>
    public MenteeChoiceMode ChoiceMode { get; init; }

    /// <summary>Mentees' requests for mentors (every one, open or ended): open ones hold the mentee and a place of the mentor.</summary>
    public IReadOnlyList<RequestRow> Requests { get; init; } = [];

    /// <summary>Mentees left out of <see cref="Mentees"/> because an open request of theirs waits on a mentor or the coordinator.</summary>
    public IReadOnlyList<MatchParticipant> Requesting { get; init; } = [];

    /// <summary>The scorer these settings make for this cohort (ranked choices count where mentees rank).</summary>
    public MatchScorer ScorerFor(MatchSettings settings) =>
        new(settings.Weights, Format, CompetencyNames, settings.Weigh(Questions), ChoiceMode is MenteeChoiceMode.Rank);
}

/// <summary>A mentee's request for a mentor as matching sees it.</summary>
public sealed record RequestRow(int Id, int MenteeId, int MentorId, MentorRequestStatus Status, DateTime CreatedAtUtc, DateTime ExpiresAtUtc, string? Note, string? Reply, Guid Version,
    string MenteeName = "", string MentorName = "")
{
    /// <summary>Pending and not yet due, or accepted: the mentee and one of the mentor's places are spoken for.</summary>
    public bool IsOpen(DateTime nowUtc) => MentorRequest.IsOpen(Status, ExpiresAtUtc, nowUtc);

    /// <summary>The mentee is not shown this mentor again (see <see cref="MentorRequest.RulesOutMentor"/>).</summary>
    public bool RulesOutMentor(DateTime nowUtc) => MentorRequest.RulesOutMentor(Status, ExpiresAtUtc, nowUtc);
}

/// <summary>One proposed mentorship: its mentor(s) (or first peer) and mentee(s) (or second peer), with the score and why.</summary>
/// <param name="Key">What the accept form sends back for it.</param>
public sealed record Proposed(string Key, IReadOnlyList<MatchParticipant> Mentors, IReadOnlyList<MatchParticipant> Mentees, double Score, string Explanation, bool IsPinned,
    IReadOnlyList<CriterionScore>? Breakdown = null);

/// <summary>A proposal for a cohort under one set of settings, with who is left out and why.</summary>
public sealed record MatchOutcome(
    IReadOnlyList<Proposed> Proposals,
    IReadOnlyList<UnmatchedParticipant> Unmatched,
    IReadOnlyList<UnmatchedParticipant> UnavailableMentors,
    IReadOnlyList<string> Warnings,
    double TotalScore,
    MatchSettings Settings)
{
    public bool IsBelowMinimum(Proposed proposal) => !proposal.IsPinned && proposal.Score < Settings.Weights.MinimumScore;

    /// <summary>The proposal as a run keeps it, with its fairness figures.</summary>
    public MatchRunResult ToResult(MatchingInput input)
    {
        static RunPerson Person(MatchParticipant p) => new(p.Id, p.Name);
        var pairs = Proposals.Select(p => new RunPair(p.Key, p.Mentors.Select(Person).ToList(), p.Mentees.Select(Person).ToList(), p.Score, p.IsPinned)).ToList();
        var unmatched = Unmatched.Select(u => new RunUnmatched(Person(u.Participant), u.Reason)).ToList();
        var mentors = input.Format is ProgramFormat.Peer ? [] : input.Mentors;
        return new MatchRunResult(pairs, unmatched, MatchFigures.Of(input.Mentees, mentors, pairs, Settings.Weights.MinimumScore));
    }
}

/// <summary>
/// A cohort's matching: loads who is to be matched, proposes with any settings (the program's, or a dry run's), and
/// accepts the chosen proposals as mentorships with their check-ins and the members' mail, in one transaction.
/// </summary>
public sealed class CohortMatching(MentorHubDbContext db, NotificationOutbox outbox, IOptions<NotificationOptions> options, TimeProvider clock)
{
    /// <summary>The cohort's matching input; the caller has checked the cohort is the person's to manage.</summary>
    public async Task<MatchingInput> LoadAsync(int programId, int cohortId, CancellationToken ct)
    {
        var cohort = await db.Cohorts.AsNoTracking().Where(c => c.Id == cohortId && c.ProgramId == programId)
            .Select(c => new { c.Version, c.StartsOn, c.EndsOn, c.Program!.Format, ProgramName = c.Program.Name, c.Program.MatchWeights, c.ChoiceMode })
            .SingleAsync(ct);
        var names = await db.Programs.AsNoTracking().Where(p => p.Id == programId).SelectMany(p => p.TargetCompetencies)
            .Select(t => new { t.CompetencyId, t.Competency!.Name }).ToDictionaryAsync(t => t.CompetencyId, t => t.Name, ct);
        var questions = await db.MatchQuestions.AsNoTracking().Where(q => q.ProgramId == programId).OrderBy(q => q.SortOrder).ToListAsync(ct);
        var required = await db.TrainingModules.AsNoTracking().Where(m => m.ProgramId == programId && m.IsRequired).Select(m => new { m.Id, m.Title }).ToListAsync(ct);

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
                Answers = e.Answers.Select(a => new { a.QuestionId, a.Values }).ToList(),
                e.RankedMentors,
                Memberships = db.MentorshipMembers.Count(m => m.EnrollmentId == e.Id && m.IsCurrent && m.Mentorship!.Status != MentorshipStatus.Closed),
                Completed = db.TrainingCompletions.Where(t => t.UserId == e.UserId).Select(t => t.TrainingModuleId).ToList(),
            })
            .OrderBy(e => e.DisplayName)
            .ToListAsync(ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var requests = await db.MentorRequests.AsNoTracking().Where(r => r.CohortId == cohortId).OrderBy(r => r.Id)
            .Select(r => new RequestRow(r.Id, r.MenteeEnrollmentId, r.MentorEnrollmentId, r.Status, r.CreatedAtUtc, r.ExpiresAtUtc, r.Note, r.Reply, r.Version,
                r.Mentee!.User!.DisplayName, r.Mentor!.User!.DisplayName))
            .ToListAsync(ct);
        var open = requests.Where(r => r.IsOpen(now)).ToList();
        var menteesAsking = open.Select(r => r.MenteeId).ToHashSet();
        var placesHeld = open.GroupBy(r => r.MentorId).ToDictionary(g => g.Key, g => g.Count());

        var participants = candidates.Select(e =>
        {
            var missing = required.Where(r => !e.Completed.Contains(r.Id)).Select(r => r.Title).ToList();
            return (e.Role, e.Memberships, Participant: new MatchParticipant(e.Id, e.DisplayName,
                e.Competencies.Where(c => c.Interest == CompetencyInterest.Development).Select(c => new CompetencyLevel(c.CompetencyId, c.Level)).ToList(),
                e.Competencies.Where(c => c.Interest == CompetencyInterest.Expertise).Select(c => new CompetencyLevel(c.CompetencyId, c.Level)).ToList(),
                e.AvailabilitySlots, e.ModalityPreference, e.Branch, e.CareerStage)
            {
                Capacity = Math.Max(0, e.MentorCapacity - e.Memberships - placesHeld.GetValueOrDefault(e.Id)),
                NotMatchableReason = e.Role is EnrollmentRole.Mentor && missing.Count > 0 ? $"Required training not complete: {string.Join(", ", missing)}" : null,
                Answers = e.Answers.ToDictionary(a => a.QuestionId, a => MatchAnswer.Parse(a.Values)),
                Choices = Enrollment.ParseChoices(e.RankedMentors),
            });
        }).ToList();

        var constraintRows = await db.MatchConstraints.AsNoTracking().Where(c => c.CohortId == cohortId).OrderBy(c => c.Id).ToListAsync(ct);
        var nameOf = candidates.ToDictionary(c => c.Id, c => c.DisplayName);
        var conflicts = await ConflictsAsync(programId, candidates.Select(c => (c.Id, c.UserId, c.DisplayName)).ToList(), ct);
        return new MatchingInput(
            cohortId, cohort.Format, cohort.StartsOn, cohort.EndsOn, cohort.ProgramName, cohort.Version, cohort.MatchWeights, names,
            questions.Select(q => new QuestionRule(q.Id, q.Text, q.Kind, q.Choices, q.Weight, q.DealBreakerBelow)).ToList(),
            Mentees: participants.Where(p => p.Role is not EnrollmentRole.Mentor && p.Memberships == 0 && !menteesAsking.Contains(p.Participant.Id)).Select(p => p.Participant).ToList(),
            Mentors: participants.Where(p => p.Role is EnrollmentRole.Mentor).Select(p => p.Participant).ToList(),
            MentorPlaces: candidates.Where(c => c.Role is EnrollmentRole.Mentor).Select(c => new MentorPlaces(c.Id, c.DisplayName, c.Memberships, c.MentorCapacity, c.Version, placesHeld.GetValueOrDefault(c.Id))).ToList(),
            NotSignedInYet: candidates.Where(c => c.NotSignedIn).Select(c => c.Id).ToHashSet(),
            ConstraintRows: constraintRows.Select(c => new ConstraintRow(c.Id, c.Kind, nameOf.GetValueOrDefault(c.MenteeEnrollmentId, "someone who left"),
                nameOf.GetValueOrDefault(c.MentorEnrollmentId, "someone who left"))).ToList(),
            Constraints: new MatchConstraints(
                constraintRows.Where(c => c.Kind == MatchConstraintKind.Pin).Select(c => new PairKey(c.MenteeEnrollmentId, c.MentorEnrollmentId)).ToHashSet(),
                constraintRows.Where(c => c.Kind == MatchConstraintKind.Forbid).Select(c => new PairKey(c.MenteeEnrollmentId, c.MentorEnrollmentId)).ToHashSet())
            {
                Conflicts = conflicts,
            })
        {
            ChoiceMode = cohort.ChoiceMode,
            Requests = requests,
            Requesting = participants.Where(p => p.Role is EnrollmentRole.Mentee && p.Memberships == 0 && menteesAsking.Contains(p.Participant.Id)).Select(p => p.Participant).ToList(),
        };
    }

    /// <summary>
    /// Conflicts of interest among the cohort's people, both ways round: someone's line manager on the staff roster,
    /// and anyone they were in a mentorship with before in this program (a previous mentor, mentee or peer).
    /// </summary>
    private async Task<Dictionary<PairKey, string>> ConflictsAsync(int programId, IReadOnlyList<(int EnrollmentId, string UserId, string Name)> people, CancellationToken ct)
    {
        var conflicts = new Dictionary<PairKey, string>();
        if (people.Count < 2) return conflicts;
        var userIds = people.Select(p => p.UserId).ToList();
        var byUser = people.ToDictionary(p => p.UserId);
        void Add((int EnrollmentId, string UserId, string Name) a, (int EnrollmentId, string UserId, string Name) b, string reason)
        {
            conflicts.TryAdd(new PairKey(a.EnrollmentId, b.EnrollmentId), reason);
            conflicts.TryAdd(new PairKey(b.EnrollmentId, a.EnrollmentId), reason);
        }

        var staff = await db.StaffMembers.AsNoTracking().Where(s => s.UserId != null && userIds.Contains(s.UserId))
            .Select(s => new { UserId = s.UserId!, s.StaffNumber, s.ManagerStaffNumber }).ToListAsync(ct);
        var byStaffNumber = staff.GroupBy(s => s.StaffNumber, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        foreach (var person in staff.Where(s => s.ManagerStaffNumber is not null))
        {
            if (byStaffNumber.TryGetValue(person.ManagerStaffNumber!, out var manager) && manager.UserId != person.UserId)
                Add(byUser[person.UserId], byUser[manager.UserId], $"{byUser[manager.UserId].Name} is {byUser[person.UserId].Name}'s line manager");
        }

        var earlier = await db.MentorshipMembers.AsNoTracking()
            .Where(m => userIds.Contains(m.UserId) && m.Mentorship!.Cohort!.ProgramId == programId && m.Mentorship.Status != MentorshipStatus.Proposed)
            .Select(m => new { m.MentorshipId, m.UserId }).ToListAsync(ct);
        foreach (var mentorship in earlier.GroupBy(m => m.MentorshipId))
        {
            var members = mentorship.Select(m => m.UserId).Distinct().ToList();
            for (var i = 0; i < members.Count; i++)
            {
                for (var j = i + 1; j < members.Count; j++)
                    Add(byUser[members[i]], byUser[members[j]], $"{byUser[members[i]].Name} and {byUser[members[j]].Name} were in a mentorship of this program before");
            }
        }
        return conflicts;
    }

    /// <summary>Proposes with the given settings; changes nothing.</summary>
    public static MatchOutcome Propose(MatchingInput input, MatchSettings settings)
    {
        var scorer = input.ScorerFor(settings);
        switch (input.Format)
        {
            case ProgramFormat.Peer:
                var peers = PeerPairing.Pair(input.Mentees, scorer, input.Constraints);
                return new MatchOutcome(peers.Pairs.Select(p => new Proposed($"{p.First.Id}:{p.Second.Id}", [p.First], [p.Second], p.Score, p.Explanation, p.IsPinned)).ToList(),
                    peers.Unmatched, [], peers.Warnings, peers.TotalScore, settings);
            case ProgramFormat.Group:
                var groups = GroupFormation.Form(input.Mentees, input.Mentors, scorer, settings.GroupSize, input.Constraints);
                return new MatchOutcome(groups.Groups.Select(g => new Proposed($"group:{g.Mentor.Id}:{string.Join(",", g.Mentees.Select(m => m.Id))}", [g.Mentor], g.Mentees, g.Score, g.Explanation, g.HasPinnedMember)).ToList(),
                    groups.Unmatched, groups.UnavailableMentors, groups.Warnings, groups.TotalScore, settings);
            default:
                var proposal = MatchPlanner.Propose(input.Mentees, input.Mentors, scorer, input.Constraints, settings.Weights.Objective);
                return new MatchOutcome(proposal.Suggestions.Select(s => new Proposed($"{s.Mentee.Id}:{s.Mentor.Id}", [s.Mentor], [s.Mentee], s.Score.Total, s.Score.Explain(), s.IsPinned, s.Score.Breakdown)).ToList(),
                    proposal.Unmatched, proposal.UnavailableMentors, proposal.Warnings, proposal.TotalScore, settings);
        }
    }

    /// <summary>
    /// Creates the chosen mentorships with their members' check-ins and tells the members who can sign in; all of it
    /// or none. <paramref name="cohortVersion"/> is the cohort as the proposal saw it: acceptances take turns, so a
    /// second one from the same proposal fails (as a concurrency conflict) instead of matching people twice.
    /// </summary>
    /// <param name="alongside">Further changes saved in the same transaction once the mentorships have ids (e.g. the request they answer).</param>
    public async Task<IReadOnlyList<Mentorship>> AcceptAsync(MatchingInput input, IReadOnlyList<Proposed> chosen, Guid cohortVersion, DateOnly today, string? note, CancellationToken ct,
        Action<IReadOnlyList<Mentorship>>? alongside = null)
    {
        var created = new List<Mentorship>();
        await db.InTransactionAsync(async ct =>
        {
            created.Clear();
            var cohortRow = await db.Cohorts.SingleAsync(c => c.Id == input.CohortId, ct);
            db.Entry(cohortRow).Property(c => c.Version).OriginalValue = cohortVersion;
            db.Entry(cohortRow).Property(c => c.Version).IsModified = true;
            var enrollmentIds = chosen.SelectMany(p => p.Mentors.Concat(p.Mentees)).Select(m => m.Id).Distinct().ToList();
            var enrollments = await db.Enrollments.Include(e => e.User).Where(e => enrollmentIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var peer = input.Format is ProgramFormat.Peer;
            foreach (var proposal in chosen)
            {
                var mentorship = new Mentorship(input.CohortId, now, proposal.Score, proposal.Explanation);
                foreach (var mentor in proposal.Mentors) mentorship.AddMember(enrollments[mentor.Id], peer ? MemberRole.Peer : MemberRole.Mentor, today);
                foreach (var mentee in proposal.Mentees) mentorship.AddMember(enrollments[mentee.Id], peer ? MemberRole.Peer : MemberRole.Mentee, today);
                mentorship.Activate(today);
                db.Mentorships.Add(mentorship);
                created.Add(mentorship);
            }
            var pinsToClear = await db.MatchConstraints.Where(c => c.CohortId == input.CohortId && c.Kind == MatchConstraintKind.Pin
                && (enrollmentIds.Contains(c.MenteeEnrollmentId) || enrollmentIds.Contains(c.MentorEnrollmentId))).ToListAsync(ct);
            db.MatchConstraints.RemoveRange(pinsToClear);
            db.Audit(nameof(Cohort), input.CohortId.ToString(CultureInfo.InvariantCulture), "MatchesAccepted", $"{created.Count} mentorships{note}");
            await db.SaveChangesAsync(ct);

            foreach (var member in created.SelectMany(m => m.Members))
                db.Assessments.AddRange(CheckInSchedule.For(member, today, input.StartsOn, input.EndsOn));
            alongside?.Invoke(created);
            await db.SaveChangesAsync(ct);

            foreach (var mentorship in created)
            {
                // Someone who has not accepted their invitation hears of the match once they do (AcceptInvitation).
                foreach (var member in mentorship.Members.Where(m => enrollments[m.EnrollmentId].User!.PasswordHash is not null))
                {
                    var person = enrollments[member.EnrollmentId].User!;
                    var partners = mentorship.Members.Where(m => m.EnrollmentId != member.EnrollmentId).Select(m => enrollments[m.EnrollmentId].User!.DisplayName).ToList();
                    await outbox.QueueAsync(ProgramEmails.Matched(Recipient.Of(person), options.Value.Links, mentorship.Id, input.ProgramName, partners));
                }
            }
            await db.SaveChangesAsync(ct);
        }, ct);
        return created;
    }
}
