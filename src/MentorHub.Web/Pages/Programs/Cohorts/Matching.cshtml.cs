using MentorHub.Core.Matching;

namespace MentorHub.Web.Pages.Programs.Cohorts;

/// <summary>
/// Proposes a complete matching for the cohort's unmatched participants, explains every suggestion, and lets the
/// coordinator pin, forbid, pair by hand, raise a mentor's capacity, dry-run other settings (each run saved, to compare)
/// and accept all or some, from the program's settings or from a dry run's. Accepting creates the mentorships.
/// </summary>
public class MatchingModel(MentorHubDbContext db, UserManager<AppUser> users, CohortMatching matching, UserTime time, TimeProvider clock) : PageModel
{
    public const int DefaultGroupSize = MatchSettings.DefaultGroupSize;

    public CohortInfo Cohort { get; private set; } = null!;
    public MatchingInput People { get; private set; } = null!;
    public MatchOutcome Outcome { get; private set; } = null!;

    /// <summary>The dry run whose settings this page shows, when it was opened from one.</summary>
    public RunView? Run { get; private set; }

    /// <summary>The settings to try in a dry run: the ones in use, or what the coordinator entered.</summary>
    [BindProperty]
    public MatchSettingsInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "size")]
    public int GroupSize { get; set; } = DefaultGroupSize;

    [BindProperty(SupportsGet = true, Name = "run")]
    public int? RunId { get; set; }

    public IReadOnlyList<Proposed> Proposals => Outcome.Proposals;
    public IReadOnlyList<UnmatchedParticipant> Unmatched => Outcome.Unmatched;
    public IReadOnlyList<UnmatchedParticipant> UnavailableMentors => Outcome.UnavailableMentors;
    public IReadOnlyList<string> Warnings => Outcome.Warnings;
    public IReadOnlyList<ConstraintRow> Constraints => People.ConstraintRows;
    public IReadOnlyList<MatchParticipant> Mentees => People.Mentees;
    public IReadOnlyList<MatchParticipant> Mentors => People.Mentors;
    public IReadOnlyList<MentorPlaces> MentorLoads => People.MentorPlaces;
    public double TotalScore => Outcome.TotalScore;
    public int MinimumScore => Outcome.Settings.Weights.MinimumScore;

    /// <summary>The cohort as this proposal saw it: accepting from an older page (another coordinator accepted meanwhile) is a conflict.</summary>
    public Guid CohortVersion => People.CohortVersion;

    public bool IsBelowMinimum(Proposed proposal) => Outcome.IsBelowMinimum(proposal);

    /// <summary>Where this page is, with its group size and run, for links and redirects.</summary>
    public string Here => $"{Cohort.Path}/Matching?size={GroupSize}{(RunId is null ? "" : $"&run={RunId}")}";

    public string NameOf(MatchParticipant person) => People.NotSignedInYet.Contains(person.Id) ? $"{person.Name} (not signed in yet)" : person.Name;

    public async Task<IActionResult> OnGetAsync(int id, int cohortId, CancellationToken ct)
    {
        if (!await ProposeAsync(id, cohortId, ct)) return NotFound();
        Input.CopyFrom(Outcome.Settings.Weights);
        Input.QuestionWeights = Outcome.Settings.Weigh(People.Questions).ToDictionary(q => q.Id, q => q.Weight);
        return Page();
    }

    public async Task<IActionResult> OnPostAcceptAsync(int id, int cohortId, List<string> accept, Guid cohortVersion, CancellationToken ct)
    {
        if (!await ProposeAsync(id, cohortId, ct)) return NotFound();
        if (Run is { SameAsNow: false })
        {
            this.FlashError($"The cohort has changed since dry run #{Run.Id}, so its proposal is not what it was. Nothing was created: dry-run again, or accept the current proposal.");
            return Redirect(Here);
        }
        var chosen = Proposals.Where(p => accept.Contains(p.Key)).ToList();
        if (chosen.Count == 0)
        {
            this.FlashError("Tick at least one suggestion to accept. The proposal may have changed: check it again.");
            return Redirect(Here);
        }
        var created = await matching.AcceptAsync(People, chosen, cohortVersion, time.Today, Run is null ? null : $" from dry run #{Run.Id}", ct);
        this.FlashSuccess($"{created.Count} {(created.Count == 1 ? "mentorship" : "mentorships")} created; the members have been told.");
        return Redirect($"{Cohort.Path}/Matching?size={GroupSize}");
    }

    /// <summary>Runs the optimiser with the entered settings and saves the run; changes no mentorship and no setting.</summary>
    public async Task<IActionResult> OnPostDryRunAsync(int id, int cohortId, CancellationToken ct)
    {
        RunId = null;
        if (!await ProposeAsync(id, cohortId, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        // Only the program's own questions, and only weights that differ from theirs, are kept with the run.
        var questionWeights = People.Questions.Where(q => Input.QuestionWeights.TryGetValue(q.Id, out var w) && w != q.Weight).ToDictionary(q => q.Id, q => Input.QuestionWeights[q.Id]);
        var settings = new MatchSettings(Input.ToWeights(), GroupSize, questionWeights);
        var result = CohortMatching.Propose(People, settings).ToResult(People);
        var run = new MatchRun(cohortId, users.GetUserId(User)!, clock.GetUtcNow().UtcDateTime, settings.Weights, GroupSize, result.ToJson(),
            MatchSettings.QuestionWeightsToJson(questionWeights));
        db.MatchRuns.Add(run);
        await db.SaveChangesAsync(ct);
        var figures = result.Figures;
        this.FlashSuccess($"Dry run #{run.Id} saved: {figures.Matched} of {figures.People} matched, total score {figures.TotalScore:0.##}. Nothing was changed; compare it with other runs or accept it below.");
        return Redirect($"{Cohort.Path}/Matching?size={GroupSize}&run={run.Id}");
    }

    /// <summary>Makes a dry run's settings the program's own, for every later proposal of its cohorts.</summary>
    public async Task<IActionResult> OnPostAdoptSettingsAsync(int id, int cohortId, CancellationToken ct)
    {
        var cohort = await db.FindManagedCohortAsync(User, id, cohortId, ct);
        if (cohort is null || RunId is null) return NotFound();
        var run = await db.MatchRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == RunId && r.CohortId == cohortId, ct);
        if (run is null) return NotFound();
        var program = await db.Programs.Include(p => p.Questions).SingleAsync(p => p.Id == id, ct);
        program.EnsureEditable();
        program.MatchWeights.CopyFrom(run.Settings);
        foreach (var (questionId, weight) in MatchSettings.QuestionWeightsFromJson(run.QuestionWeightsJson) ?? [])
            program.Questions.SingleOrDefault(q => q.Id == questionId)?.SetWeighting(weight, program.Questions.Single(q => q.Id == questionId).DealBreakerBelow);
        db.Audit(program, "MatchSettingsAdopted", $"from dry run #{run.Id}");
        await db.SaveChangesAsync(ct);
        this.FlashSuccess($"The settings of dry run #{run.Id} are now {cohort.ProgramName}'s matching settings.");
        return Redirect($"{cohort.Path}/Matching?size={GroupSize}");
    }

    /// <summary>Changes a mentor's capacity from the matching page; the proposal is run again with it.</summary>
    public async Task<IActionResult> OnPostCapacityAsync(int id, int cohortId, int enrollmentId, int capacity, Guid version, CancellationToken ct)
    {
        var cohort = await db.FindManagedCohortAsync(User, id, cohortId, ct);
        if (cohort is null) return NotFound();
        var mentor = await db.Enrollments.Include(e => e.User).SingleOrDefaultAsync(e => e.Id == enrollmentId && e.CohortId == cohortId && e.Role == EnrollmentRole.Mentor, ct);
        if (mentor is null) return NotFound();
        Cohort = cohort;
        if (capacity is < 1 or > 10)
        {
            this.FlashError($"{mentor.User!.DisplayName}'s capacity was not changed: a mentor takes between 1 and 10 mentees.");
            return Redirect(Here);
        }
        db.Entry(mentor).Property(e => e.Version).OriginalValue = version;
        mentor.SetCapacity(capacity);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            this.FlashError($"{mentor.User!.DisplayName}'s profile was changed by someone else meanwhile, so the capacity was not changed. Check the new figures and try again.");
            return Redirect(Here);
        }
        this.FlashSuccess($"{mentor.User!.DisplayName} now takes up to {capacity} {(capacity == 1 ? "mentee" : "mentees")}; the proposal below uses it.");
        return Redirect(Here);
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
        Cohort = cohort;
        this.FlashSuccess(constraint.Kind is MatchConstraintKind.Pin ? "Pin removed." : "The pair is allowed again.");
        return Redirect(Here);
    }

    private async Task<IActionResult> ConstrainAsync(int id, int cohortId, int menteeId, int mentorId, MatchConstraintKind kind, CancellationToken ct)
    {
        var cohort = await db.FindManagedCohortAsync(User, id, cohortId, ct);
        if (cohort is null) return NotFound();
        Cohort = cohort;
        var inCohort = await db.Enrollments.CountAsync(e => e.CohortId == cohortId && (e.Id == menteeId || e.Id == mentorId), ct);
        if (inCohort != 2 || menteeId == mentorId)
        {
            this.FlashError("Choose two different people from this cohort.");
            return Redirect(Here);
        }
        var existing = await db.MatchConstraints.Where(c => c.CohortId == cohortId && ((c.MenteeEnrollmentId == menteeId && c.MentorEnrollmentId == mentorId)
            || (kind == MatchConstraintKind.Pin && c.Kind == MatchConstraintKind.Pin && c.MenteeEnrollmentId == menteeId))).ToListAsync(ct);
        db.MatchConstraints.RemoveRange(existing);
        db.MatchConstraints.Add(new MatchConstraint(cohortId, menteeId, mentorId, kind, users.GetUserId(User)!, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        var group = cohort.Format is ProgramFormat.Group;
        this.FlashSuccess(kind is MatchConstraintKind.Pin
            ? group ? "Placed: the mentee will be in that mentor's group in every proposal." : "Pair pinned: it will be part of every proposal."
            : group ? "Kept out: the mentee will not be placed in that mentor's group." : "Pair forbidden: it will not be proposed.");
        return Redirect(Here);
    }

    /// <summary>Loads who is still to be matched and proposes with the run's settings, or the program's; false when the cohort (or run) is not the person's to see.</summary>
    private async Task<bool> ProposeAsync(int id, int cohortId, CancellationToken ct)
    {
        var cohort = await db.FindManagedCohortAsync(User, id, cohortId, ct);
        if (cohort is null) return false;
        Cohort = cohort;
        GroupSize = Math.Clamp(GroupSize, MatchSettings.MinGroupSize, MatchSettings.MaxGroupSize);
        People = await matching.LoadAsync(id, cohortId, ct);
        var settings = new MatchSettings(People.ProgramSettings, GroupSize);
        MatchRun? run = null;
        if (RunId is not null)
        {
            run = await db.MatchRuns.AsNoTracking().Include(r => r.RunBy).SingleOrDefaultAsync(r => r.Id == RunId && r.CohortId == cohortId, ct);
            if (run is null) return false;
            GroupSize = run.GroupSize;
            settings = new MatchSettings(run.Settings, run.GroupSize, MatchSettings.QuestionWeightsFromJson(run.QuestionWeightsJson));
        }
        Outcome = CohortMatching.Propose(People, settings);
        if (run is not null)
        {
            var saved = MatchRunResult.FromJson(run.ResultJson);
            Run = new RunView(run.Id, run.RunBy?.DisplayName ?? "someone", run.RunAtUtc, saved, saved.SamePairsAs(Outcome.ToResult(People)));
        }
        return true;
    }

    /// <summary>A dry run as this page shows it: who ran it, when, what it proposed then, and whether the cohort would get the same today.</summary>
    public sealed record RunView(int Id, string RunBy, DateTime RunAtUtc, MatchRunResult Saved, bool SameAsNow);
}
