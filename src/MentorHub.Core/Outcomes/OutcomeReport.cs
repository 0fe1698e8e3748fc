using MentorHub.Core.Data;
using MentorHub.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Core.Outcomes;

/// <summary>A competency's proficiency change from the baseline check-in to the exit check-in, for people who gave both.</summary>
public sealed record ProficiencyChange(int CompetencyId, string Competency, PairedChange Change);

/// <summary>The outcome figures of some programs, with the group sizes behind them.</summary>
/// <param name="OnRoster">Participants found on the staff roster (retention and promotion need it).</param>
public sealed record OutcomeFigures(
    DateOnly WindowStart,
    DateOnly Today,
    int Participants,
    int OnRoster,
    int Colleagues,
    RetentionComparison Retention,
    PromotionComparison Promotion,
    IReadOnlyList<ProficiencyChange> Proficiency,
    PairedChange Confidence,
    PairedChange Satisfaction);

/// <summary>
/// Gathers what the outcome figures need for a set of programs in a fixed number of flat queries, then leaves the
/// arithmetic to the pure functions of this namespace.
/// </summary>
public static class OutcomeReport
{
    public static async Task<OutcomeFigures?> LoadAsync(MentorHubDbContext db, IReadOnlyCollection<int> programIds, int promotionYears, DateOnly today, CancellationToken ct)
    {
        var cohorts = db.Cohorts.Where(c => programIds.Contains(c.ProgramId));
        var windowStart = await cohorts.MinAsync(c => (DateOnly?)c.StartsOn, ct);
        if (windowStart is null) return null;

        // Who took part (approved, whether they finished, are still in, or left), and from when.
        var took = new[] { EnrollmentStatus.Active, EnrollmentStatus.Completed, EnrollmentStatus.Withdrawn };
        var participation = await db.Enrollments.AsNoTracking()
            .Where(e => took.Contains(e.Status) && cohorts.Any(c => c.Id == e.CohortId) && e.Cohort!.StartsOn <= today)
            .GroupBy(e => e.UserId).Select(g => new { UserId = g.Key, From = g.Min(e => e.Cohort!.StartsOn) })
            .ToDictionaryAsync(x => x.UserId, x => x.From, ct);
        var roster = await db.StaffMembers.AsNoTracking()
            .Select(s => new { s.Id, s.UserId, s.HiredOn, s.LeftOn, s.CareerStage, s.Branch })
            .ToListAsync(ct);
        var events = await db.OutcomeEvents.AsNoTracking()
            .Where(o => o.Kind == OutcomeKind.Promoted || o.Kind == OutcomeKind.LeftOrganisation)
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
            return new PersonHistory(s.Id, s.HiredOn, left, s.CareerStage, s.Branch, from,
                own.Where(e => e.Kind == OutcomeKind.Promoted).Select(e => e.OccurredOn).Distinct().ToList());
        }).ToList();

        var (proficiency, confidence, satisfaction) = await CheckInChangesAsync(db, cohorts, ct);
        return new OutcomeFigures(windowStart.Value, today, participation.Count, people.Count(p => p.Participated), people.Count(p => !p.Participated),
            ParticipationComparison.Retention(people, windowStart.Value, today),
            ParticipationComparison.Promotion(people, promotionYears, windowStart.Value, today),
            proficiency, confidence, satisfaction);
    }

    /// <summary>Baseline against exit, per person (their enrollment, so a move between groups keeps the pair).</summary>
    private static async Task<(IReadOnlyList<ProficiencyChange>, PairedChange, PairedChange)> CheckInChangesAsync(MentorHubDbContext db, IQueryable<Cohort> cohorts, CancellationToken ct)
    {
        var checkIns = db.Assessments.AsNoTracking().Where(a => a.SubmittedAtUtc != null && (a.Kind == AssessmentKind.Baseline || a.Kind == AssessmentKind.Exit)
            && cohorts.Any(c => c.Id == a.Member!.Enrollment!.CohortId));
        var rows = await checkIns.Select(a => new { a.Id, a.Member!.EnrollmentId, a.Kind, a.SubmittedAtUtc, a.Confidence, a.JobSatisfaction }).ToListAsync(ct);
        var scores = (await db.Set<AssessmentScore>().AsNoTracking().Where(s => checkIns.Any(a => a.Id == s.AssessmentId))
            .Select(s => new { Id = s.AssessmentId, s.CompetencyId, s.Proficiency }).ToListAsync(ct)).ToLookup(s => s.Id);
        var names = await db.Competencies.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);

        // The first baseline and the last exit of each person.
        var pairs = rows.GroupBy(r => r.EnrollmentId)
            .Select(g => (Before: g.Where(r => r.Kind == AssessmentKind.Baseline).MinBy(r => r.SubmittedAtUtc), After: g.Where(r => r.Kind == AssessmentKind.Exit).MaxBy(r => r.SubmittedAtUtc)))
            .Where(p => p.Before is not null && p.After is not null)
            .ToList();
        var proficiency = pairs
            .SelectMany(p => scores[p.Before!.Id].Join(scores[p.After!.Id], b => b.CompetencyId, a => a.CompetencyId, (b, a) => (b.CompetencyId, Before: (double)b.Proficiency, After: (double)a.Proficiency)))
            .GroupBy(x => x.CompetencyId)
            .Select(g => new ProficiencyChange(g.Key, names.GetValueOrDefault(g.Key, "A retired competency"), Paired.Change(g.Select(x => (x.Before, x.After)))))
            .OrderBy(c => c.Competency, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        var confidence = Paired.Change(pairs.Where(p => p.Before!.Confidence is not null && p.After!.Confidence is not null).Select(p => ((double)p.Before!.Confidence!.Value, (double)p.After!.Confidence!.Value)));
        var satisfaction = Paired.Change(pairs.Where(p => p.Before!.JobSatisfaction is not null && p.After!.JobSatisfaction is not null).Select(p => ((double)p.Before!.JobSatisfaction!.Value, (double)p.After!.JobSatisfaction!.Value)));
        return (proficiency, confidence, satisfaction);
    }
}
