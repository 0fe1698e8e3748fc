using MentorHub.Core.Data;
using MentorHub.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Core.Outcomes;

/// <summary>
/// A competency's proficiency change from the baseline check-in to the exit check-in, for people who gave both, with
/// the two means; and from the baseline to the midpoint check-in, for people who gave those.
/// </summary>
public sealed record ProficiencyChange(int CompetencyId, string Competency, PairedChange Change, double MeanBefore, double MeanAfter, PairedChange ToMidpoint);

/// <summary>Which cohorts a report covers: of some programs, optionally one cohort, optionally those starting within dates.</summary>
public sealed record ReportScope(IReadOnlyCollection<int> ProgramIds, int? CohortId = null, DateOnly? From = null, DateOnly? To = null)
{
    /// <summary>Names the report of this scope on <paramref name="today"/>, for keeping its figures.</summary>
    public string Key(int promotionYears, DateOnly today) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"report:{string.Join(',', ProgramIds.Order())}:{CohortId}:{From:O}:{To:O}:{promotionYears}:{today:O}");

    public IQueryable<Cohort> Cohorts(MentorHubDbContext db)
    {
        var cohorts = db.Cohorts.Where(c => ProgramIds.Contains(c.ProgramId));
        if (CohortId is { } id) cohorts = cohorts.Where(c => c.Id == id);
        if (From is { } from) cohorts = cohorts.Where(c => c.StartsOn >= from);
        if (To is { } to) cohorts = cohorts.Where(c => c.StartsOn <= to);
        return cohorts;
    }
}

/// <summary>The outcome figures of some cohorts, with the group sizes behind them.</summary>
/// <param name="OnRoster">Participants found on the staff roster (retention and promotion need it).</param>
/// <param name="Waitlisted">Applicants to these cohorts who were not placed and never took part, found on the roster.</param>
/// <param name="ConfidenceRose">Of the people with a baseline and an exit confidence, how many rated it higher at exit.</param>
public sealed record OutcomeFigures(
    DateOnly WindowStart,
    DateOnly Today,
    int Participants,
    int OnRoster,
    int Colleagues,
    int Waitlisted,
    RetentionComparison Retention,
    PromotionComparison Promotion,
    IReadOnlyList<ProficiencyChange> Proficiency,
    PairedChange Confidence,
    PairedChange Satisfaction,
    Estimate ConfidenceRose,
    Estimate SatisfactionRose,
    IReadOnlyList<TrendPoint> Trend,
    IReadOnlyList<CohortOutcome> Cohorts,
    IReadOnlyList<MeasureChange> Measures);

/// <summary>
/// Gathers what the outcome figures need for a set of cohorts in a fixed number of flat queries, then leaves the
/// arithmetic to the pure functions of this namespace.
/// </summary>
public static class OutcomeReport
{
    /// <summary>The promotion period: the years asked for (1 to 5), or as many whole years (1 to 3) as the cohorts reported on have run.</summary>
    public static async Task<int> PromotionYearsAsync(MentorHubDbContext db, ReportScope scope, int? asked, DateOnly today, CancellationToken ct)
    {
        if (asked is { } years) return Math.Clamp(years, 1, 5);
        var first = await scope.Cohorts(db).MinAsync(c => (DateOnly?)c.StartsOn, ct);
        return first is { } start ? Math.Clamp((today.DayNumber - start.DayNumber) / 365, 1, 3) : 1;
    }

    public static async Task<OutcomeFigures?> LoadAsync(MentorHubDbContext db, ReportScope scope, int promotionYears, DateOnly today, CancellationToken ct)
    {
        var cohorts = scope.Cohorts(db);
        var several = scope.ProgramIds.Count > 1;
        var cohortList = await cohorts.AsNoTracking()
            .Select(c => new ReportCohort(c.Id, c.ProgramId, several ? c.Program!.Name + " · " + c.Name : c.Name, c.StartsOn, c.EndsOn)).ToListAsync(ct);
        if (cohortList.Count == 0) return null;
        var windowStart = cohortList.Min(c => c.StartsOn);
        var startOf = cohortList.ToDictionary(c => c.Id, c => c.StartsOn);
        // The cohorts by id from here on: a plain list lets the database use its indexes rather than a correlated EXISTS per row.
        var cohortIds = cohortList.Select(c => c.Id).ToList();

        // Who took part (approved, whether they finished, are still in, or left), and from when; who applied to a
        // cohort that has started and was not placed.
        var took = new[] { EnrollmentStatus.Active, EnrollmentStatus.Completed, EnrollmentStatus.Withdrawn };
        var notPlaced = new[] { EnrollmentStatus.Applied, EnrollmentStatus.Declined };
        var enrollments = await db.Enrollments.AsNoTracking()
            .Where(e => (took.Contains(e.Status) || notPlaced.Contains(e.Status)) && cohortIds.Contains(e.CohortId) && e.Cohort!.StartsOn <= today)
            .Select(e => new { e.CohortId, e.UserId, e.Status })
            .ToListAsync(ct);
        var places = enrollments.Where(e => took.Contains(e.Status)).Select(e => new PlaceFact(e.CohortId, e.UserId, e.Status)).ToList();
        var participation = places.GroupBy(p => p.UserId).ToDictionary(g => g.Key, g => g.Min(p => startOf[p.CohortId]));
        var waitlisted = enrollments.Where(e => notPlaced.Contains(e.Status) && !participation.ContainsKey(e.UserId))
            .GroupBy(e => e.UserId).ToDictionary(g => g.Key, g => g.Min(e => startOf[e.CohortId]));

        var roster = await db.StaffMembers.AsNoTracking()
            .Select(s => new { s.Id, s.UserId, s.HiredOn, s.LeftOn, s.CareerStage, s.Branch })
            .ToListAsync(ct);
        var events = await db.OutcomeEvents.AsNoTracking()
            .Where(o => o.Kind == OutcomeKind.Promoted || o.Kind == OutcomeKind.LeftOrganisation || o.Kind == OutcomeKind.CertificationEarned)
            .Select(o => new { o.StaffMemberId, o.UserId, o.Kind, o.OccurredOn })
            .ToListAsync(ct);
        var byStaff = events.Where(e => e.StaffMemberId is not null).ToLookup(e => e.StaffMemberId!.Value);
        var byUser = events.Where(e => e.UserId is not null).ToLookup(e => e.UserId!);

        var people = roster.Select(s =>
        {
            var own = byStaff[s.Id].Concat(s.UserId is null ? [] : byUser[s.UserId]).Distinct().ToList();
            var leftByRecord = own.Where(e => e.Kind == OutcomeKind.LeftOrganisation).Select(e => (DateOnly?)e.OccurredOn).Min();
            var left = s.LeftOn is null ? leftByRecord : leftByRecord is null || s.LeftOn < leftByRecord ? s.LeftOn : leftByRecord;
            DateOnly? from = s.UserId is not null && participation.TryGetValue(s.UserId, out var joined) ? joined : null;
            DateOnly? applied = s.UserId is not null && waitlisted.TryGetValue(s.UserId, out var start) ? start : null;
            return new PersonHistory(s.Id, s.HiredOn, left, s.CareerStage, s.Branch, from,
                own.Where(e => e.Kind == OutcomeKind.Promoted).Select(e => e.OccurredOn).Distinct().ToList(), applied);
        }).ToList();

        // Certifications of people with an account, whether recorded against the account or the roster entry.
        var userOfStaff = roster.Where(s => s.UserId is not null).ToDictionary(s => s.Id, s => s.UserId!);
        var certifications = events.Where(e => e.Kind == OutcomeKind.CertificationEarned)
            .Select(e => (UserId: e.UserId ?? (e.StaffMemberId is { } id ? userOfStaff.GetValueOrDefault(id) : null), e.OccurredOn))
            .Where(e => e.UserId is not null).Distinct()
            .Select(e => new CertificationFact(e.UserId!, e.OccurredOn)).ToList();

        var checkIns = await CheckInsAsync(db, cohortIds, startOf, ct);
        var engagement = new EngagementFacts(cohortList, places, await MentorshipsAsync(db, cohortIds, ct), await MembersAsync(db, cohortIds, ct),
            await GoalsAsync(db, cohortIds, ct), await RatingsAsync(db, cohortIds, ct), certifications, checkIns.PerPerson);
        return new OutcomeFigures(windowStart, today, participation.Count, people.Count(p => p.Participated), people.Count(p => !p.Participated),
            people.Count(p => p.Waitlisted),
            ParticipationComparison.Retention(people, windowStart, today),
            ParticipationComparison.Promotion(people, promotionYears, windowStart, today),
            checkIns.Proficiency, checkIns.Confidence, checkIns.Satisfaction, checkIns.ConfidenceRose, checkIns.SatisfactionRose,
            Outcomes.Trend.ByMonth(checkIns.Pulses), engagement.Of(today), await MeasuresAsync(db, scope.ProgramIds, today, ct));
    }

    /// <summary>
    /// The programs' service measures, each against its own program's span: from the first cohort's start to the last
    /// cohort's end (null while a cohort is still to end), whatever cohorts the report is narrowed to.
    /// </summary>
    private static async Task<IReadOnlyList<MeasureChange>> MeasuresAsync(MentorHubDbContext db, IReadOnlyCollection<int> programIds, DateOnly today, CancellationToken ct)
    {
        var measures = await db.ServiceMeasures.AsNoTracking().Where(m => programIds.Contains(m.ProgramId)).OrderBy(m => m.Name)
            .Select(m => new { m.Id, m.ProgramId, m.Name, m.Unit, m.HigherIsBetter }).ToListAsync(ct);
        if (measures.Count == 0) return [];
        var values = (await db.ServiceMeasures.AsNoTracking().Where(m => programIds.Contains(m.ProgramId)).SelectMany(m => m.Values)
            .Select(v => new { v.ServiceMeasureId, v.Month, v.Value }).ToListAsync(ct)).ToLookup(v => v.ServiceMeasureId);
        var spans = (await db.Cohorts.AsNoTracking().Where(c => programIds.Contains(c.ProgramId)).Select(c => new { c.ProgramId, c.StartsOn, c.EndsOn }).ToListAsync(ct))
            .GroupBy(c => c.ProgramId).ToDictionary(g => g.Key, g => (Start: g.Min(c => c.StartsOn), End: g.Max(c => c.EndsOn)));
        return measures.Where(m => spans.ContainsKey(m.ProgramId)).Select(m =>
        {
            var (start, end) = spans[m.ProgramId];
            return ServiceMeasureChange.Compare(m.Id, m.ProgramId, m.Name, m.Unit, m.HigherIsBetter, start, end < today ? end : null,
                values[m.Id].Select(v => new MonthValue(v.Month, (double)v.Value)).ToList());
        }).ToList();
    }

    private static Task<List<MentorshipFact>> MentorshipsAsync(MentorHubDbContext db, List<int> cohortIds, CancellationToken ct) =>
        db.Mentorships.AsNoTracking().Where(m => m.StartedOn != null && cohortIds.Contains(m.CohortId))
            .Select(m => new MentorshipFact(m.Id, m.CohortId, m.StartedOn!.Value, m.ClosedOn, m.Cohort!.Program!.MeetingCadenceDays, m.Cohort.Program.ExpectedMeetingCount,
                m.Meetings.Count(mt => mt.Status == MeetingStatus.Held)))
            .ToListAsync(ct);

    private static Task<List<MemberFact>> MembersAsync(MentorHubDbContext db, List<int> cohortIds, CancellationToken ct) =>
        db.MentorshipMembers.AsNoTracking().Where(mm => mm.Mentorship!.StartedOn != null && cohortIds.Contains(mm.Mentorship.CohortId))
            .Select(mm => new MemberFact(mm.MentorshipId, mm.UserId, mm.Role))
            .ToListAsync(ct);

    private static Task<List<GoalFact>> GoalsAsync(MentorHubDbContext db, List<int> cohortIds, CancellationToken ct) =>
        db.Goals.AsNoTracking().Where(g => cohortIds.Contains(g.Mentorship!.CohortId))
            .Select(g => new GoalFact(g.Mentorship!.CohortId, g.Status, g.TargetDate))
            .ToListAsync(ct);

    /// <summary>Meeting feedback per cohort as count, sum and sum of squares: enough for a mean and its interval without reading every rating.</summary>
    private static Task<List<RatingFact>> RatingsAsync(MentorHubDbContext db, List<int> cohortIds, CancellationToken ct) =>
        db.MeetingFeedback.AsNoTracking()
            .Join(db.Meetings.Where(mt => cohortIds.Contains(mt.Mentorship!.CohortId)), f => f.MeetingId, mt => mt.Id, (f, mt) => new { mt.Mentorship!.CohortId, f.Rating })
            .GroupBy(x => x.CohortId)
            .Select(g => new RatingFact(g.Key, g.Count(), g.Sum(x => (double)x.Rating), g.Sum(x => (double)x.Rating * x.Rating)))
            .ToListAsync(ct);

    private sealed record CheckInChanges(IReadOnlyList<ProficiencyChange> Proficiency, PairedChange Confidence, PairedChange Satisfaction,
        Estimate ConfidenceRose, Estimate SatisfactionRose, IReadOnlyList<ProficiencyPair> PerPerson, IReadOnlyList<PulseFact> Pulses);

    /// <summary>Baseline against exit, per person (their enrollment, so a move between groups keeps the pair); every check-in for the trend.</summary>
    private static async Task<CheckInChanges> CheckInsAsync(MentorHubDbContext db, List<int> cohortIds, IReadOnlyDictionary<int, DateOnly> startOf, CancellationToken ct)
    {
        var checkIns = db.Assessments.AsNoTracking().Where(a => a.SubmittedAtUtc != null && cohortIds.Contains(a.Member!.Enrollment!.CohortId));
        var rows = await checkIns.Select(a => new { a.Id, a.Member!.EnrollmentId, a.Member.Enrollment!.CohortId, a.Kind, SubmittedAtUtc = a.SubmittedAtUtc!.Value, a.Confidence, a.JobSatisfaction })
            .ToListAsync(ct);
        var pairedKinds = new[] { AssessmentKind.Baseline, AssessmentKind.Midpoint, AssessmentKind.Exit };
        var scores = (await db.Set<AssessmentScore>().AsNoTracking()
            .Join(checkIns.Where(a => pairedKinds.Contains(a.Kind)), s => s.AssessmentId, a => a.Id, (s, a) => new { Id = s.AssessmentId, s.CompetencyId, s.Proficiency })
            .ToListAsync(ct)).ToLookup(s => s.Id);
        var names = await db.Competencies.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);

        // The first baseline of each person, against their last exit (and their last midpoint).
        var people = rows.GroupBy(r => r.EnrollmentId)
            .Select(g => (Cohort: g.First().CohortId, Before: g.Where(r => r.Kind == AssessmentKind.Baseline).MinBy(r => r.SubmittedAtUtc),
                Mid: g.Where(r => r.Kind == AssessmentKind.Midpoint).MaxBy(r => r.SubmittedAtUtc), After: g.Where(r => r.Kind == AssessmentKind.Exit).MaxBy(r => r.SubmittedAtUtc)))
            .Where(p => p.Before is not null)
            .ToList();
        List<(int CompetencyId, double Before, double After)> Scores(int before, int after) => scores[before].Join(scores[after], b => b.CompetencyId, a => a.CompetencyId,
            (b, a) => (b.CompetencyId, Before: (double)b.Proficiency, After: (double)a.Proficiency)).ToList();
        var pairs = people.Where(p => p.After is not null)
            .Select(p => (p.Cohort, Before: p.Before!, After: p.After!, Scores: Scores(p.Before!.Id, p.After!.Id)))
            .ToList();
        var toMidpoint = people.Where(p => p.Mid is not null).SelectMany(p => Scores(p.Before!.Id, p.Mid!.Id)).ToLookup(x => x.CompetencyId);
        var toExit = pairs.SelectMany(p => p.Scores).ToLookup(x => x.CompetencyId);
        var proficiency = toExit.Select(g => g.Key).Union(toMidpoint.Select(g => g.Key))
            .Select(id => new ProficiencyChange(id, names.GetValueOrDefault(id, "A retired competency"), Paired.Change(toExit[id].Select(x => (x.Before, x.After))),
                toExit[id].Select(x => x.Before).DefaultIfEmpty().Average(), toExit[id].Select(x => x.After).DefaultIfEmpty().Average(),
                Paired.Change(toMidpoint[id].Select(x => (x.Before, x.After)))))
            .OrderBy(c => c.Competency, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        var perPerson = pairs.Where(p => p.Scores.Count > 0)
            .Select(p => new ProficiencyPair(p.Cohort, p.Scores.Average(s => s.Before), p.Scores.Average(s => s.After))).ToList();
        var confidence = pairs.Where(p => p.Before.Confidence is not null && p.After.Confidence is not null).Select(p => ((double)p.Before.Confidence!.Value, (double)p.After.Confidence!.Value)).ToList();
        var satisfaction = pairs.Where(p => p.Before.JobSatisfaction is not null && p.After.JobSatisfaction is not null).Select(p => ((double)p.Before.JobSatisfaction!.Value, (double)p.After.JobSatisfaction!.Value)).ToList();
        static Estimate Rose(List<(double Before, double After)> pairs) => Estimates.Share(new Proportion(pairs.Count(p => p.After > p.Before), pairs.Count));
        var pulses = rows.Select(r => new PulseFact(Math.Max(0, (int)((DateOnly.FromDateTime(r.SubmittedAtUtc).DayNumber - startOf[r.CohortId].DayNumber) / ParticipationComparison.DaysPerMonth)),
            r.Confidence, r.JobSatisfaction)).ToList();
        return new CheckInChanges(proficiency, Paired.Change(confidence), Paired.Change(satisfaction), Rose(confidence), Rose(satisfaction), perPerson, pulses);
    }
}
