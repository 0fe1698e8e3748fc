using MentorHub.Core.Data;
using MentorHub.Core.Domain;
using MentorHub.Core.Outcomes;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Core.Matching;

/// <summary>What a relationship's success is measured by, each per past mentorship.</summary>
public enum RelationshipOutcome
{
    /// <summary>The mentee's exit check-in against their baseline: mean change in proficiency over the competencies rated in both.</summary>
    CheckInGain,

    /// <summary>Meetings held against the program's cadence over the time the mentorship ran (at most 1).</summary>
    MeetingAdherence,

    /// <summary>The share of the mentorship's goals achieved.</summary>
    GoalCompletion,

    /// <summary>The mean rating members gave their meetings (1-5).</summary>
    Feedback,

    /// <summary>All of the above that a mentorship has, each standardised across mentorships, averaged.</summary>
    Overall,
}

/// <summary>One past mentorship: how its pair scored on each criterion (0-1; absent where unknown, e.g. a question not answered by both) and how it went.</summary>
public sealed record PastPair(int MentorshipId, IReadOnlyDictionary<string, double> Criteria, IReadOnlyDictionary<RelationshipOutcome, double> Outcomes);

/// <summary>One criterion's link with good relationships: a correlation per outcome, with its 95% interval and the number of pairs.</summary>
public sealed record CriterionFinding(string Key, string Criterion, int CurrentWeight, int SuggestedWeight, IReadOnlyDictionary<RelationshipOutcome, Estimate?> ByOutcome, string Reason)
{
    public Estimate? Overall => ByOutcome.GetValueOrDefault(RelationshipOutcome.Overall);

    /// <summary>Whether the overall interval leaves out 0: the data show a link one way or the other.</summary>
    public bool IsClear => Overall is { Lower: { } lower, Upper: { } upper } && (lower > 0 || upper < 0);
}

/// <summary>The criteria's findings for a program's past mentorships, and the settings they suggest.</summary>
public sealed record LearningReport(int Pairs, IReadOnlyList<CriterionFinding> Findings, MatchWeights Suggested, IReadOnlyDictionary<int, int> SuggestedQuestionWeights)
{
    public bool SuggestsChange => Findings.Any(f => f.SuggestedWeight != f.CurrentWeight);
}

/// <summary>
/// Learning from outcomes: for a one-to-one or reverse program's past mentorships (started at least
/// <see cref="MinimumDays"/> days ago, or ended), how each matching criterion went with the relationship's success,
/// as Pearson's correlation with its interval and sample size, and weights that follow from it. Only a clear link
/// (the interval leaves out 0) changes a weight: the strongest positive link gets 10 and the others in proportion; a
/// clear negative link sets the weight to 0 (for branch, it turns to preferring different branches); a criterion
/// without a clear link keeps its weight. Correlation is not causation, and pairs were not matched at random: the
/// page says so.
/// </summary>
public sealed class MatchLearning(MentorHubDbContext db, TimeProvider clock)
{
    public const int MinimumDays = 30;
    public const string Competency = "competency", Availability = "availability", Modality = "modality", Branch = "branch", Career = "career";

    public static bool Learns(ProgramFormat format) => format is ProgramFormat.OneToOne or ProgramFormat.Reverse;

    public async Task<LearningReport> LoadAsync(int programId, CancellationToken ct)
    {
        var program = await db.Programs.AsNoTracking().Where(p => p.Id == programId)
            .Select(p => new { p.Format, p.MatchWeights, p.MeetingCadenceDays }).SingleAsync(ct);
        var questions = await db.MatchQuestions.AsNoTracking().Where(q => q.ProgramId == programId).OrderBy(q => q.SortOrder)
            .Select(q => new QuestionRule(q.Id, q.Text, q.Kind, q.Choices, q.Weight, q.DealBreakerBelow)).ToListAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var startedBy = today.AddDays(-MinimumDays);
        var mentorships = await db.Mentorships.AsNoTracking()
            .Where(m => m.Cohort!.ProgramId == programId && m.StartedOn != null && m.Status != MentorshipStatus.Proposed && (m.ClosedOn != null || m.StartedOn <= startedBy))
            .OrderByDescending(m => m.StartedOn).ThenByDescending(m => m.Id).Take(5000)
            .Select(m => new
            {
                m.Id,
                StartedOn = m.StartedOn!.Value,
                m.ClosedOn,
                Mentor = m.Members.Where(x => x.Role == MemberRole.Mentor).OrderBy(x => x.Id).Select(x => (int?)x.EnrollmentId).FirstOrDefault(),
                Mentee = m.Members.Where(x => x.Role == MemberRole.Mentee).OrderBy(x => x.Id).Select(x => new { x.Id, x.EnrollmentId }).FirstOrDefault(),
                Held = db.Meetings.Count(x => x.MentorshipId == m.Id && x.Status == MeetingStatus.Held),
                Goals = db.Goals.Count(g => g.MentorshipId == m.Id),
                Achieved = db.Goals.Count(g => g.MentorshipId == m.Id && g.Status == GoalStatus.Achieved),
                Rating = db.MeetingFeedback.Where(f => db.Meetings.Any(x => x.Id == f.MeetingId && x.MentorshipId == m.Id)).Average(f => (double?)f.Rating),
            })
            .ToListAsync(ct);
        var pairs = mentorships.Where(m => m.Mentor is not null && m.Mentee is not null).ToList();
        var enrollmentIds = pairs.SelectMany(p => new[] { p.Mentor!.Value, p.Mentee!.EnrollmentId }).Distinct().ToList();
        var profiles = await ProfilesAsync(enrollmentIds, ct);
        var menteeMembers = pairs.Select(p => p.Mentee!.Id).ToList();
        var checkIns = await db.Assessments.AsNoTracking()
            .Where(a => menteeMembers.Contains(a.MentorshipMemberId) && a.SubmittedAtUtc != null && (a.Kind == AssessmentKind.Baseline || a.Kind == AssessmentKind.Exit))
            .Select(a => new { a.MentorshipMemberId, a.Kind, a.SubmittedAtUtc, Scores = a.Scores.Select(s => new { s.CompetencyId, s.Proficiency }).ToList() })
            .ToListAsync(ct);
        var gains = checkIns.GroupBy(a => a.MentorshipMemberId).Select(g =>
        {
            var baseline = g.Where(a => a.Kind == AssessmentKind.Baseline).MaxBy(a => a.SubmittedAtUtc);
            var exit = g.Where(a => a.Kind == AssessmentKind.Exit).MaxBy(a => a.SubmittedAtUtc);
            if (baseline is null || exit is null) return (g.Key, Gain: (double?)null);
            var before = baseline.Scores.ToDictionary(s => s.CompetencyId, s => s.Proficiency);
            var changes = exit.Scores.Where(s => before.ContainsKey(s.CompetencyId)).Select(s => (double)(s.Proficiency - before[s.CompetencyId])).ToList();
            return (g.Key, Gain: changes.Count == 0 ? null : changes.Average());
        }).Where(x => x.Gain is not null).ToDictionary(x => x.Key, x => x.Gain!.Value);

        var past = new List<PastPair>();
        foreach (var m in pairs)
        {
            if (!profiles.TryGetValue(m.Mentor!.Value, out var mentor) || !profiles.TryGetValue(m.Mentee!.EnrollmentId, out var mentee)) continue;
            var outcomes = new Dictionary<RelationshipOutcome, double>();
            if (gains.TryGetValue(m.Mentee.Id, out var gain)) outcomes[RelationshipOutcome.CheckInGain] = gain;
            var days = Math.Max(1, (m.ClosedOn ?? today).DayNumber - m.StartedOn.DayNumber);
            outcomes[RelationshipOutcome.MeetingAdherence] = Math.Min(1, m.Held / Math.Max(1.0, days / (double)Math.Max(1, program.MeetingCadenceDays)));
            if (m.Goals > 0) outcomes[RelationshipOutcome.GoalCompletion] = m.Achieved / (double)m.Goals;
            if (m.Rating is { } rating) outcomes[RelationshipOutcome.Feedback] = rating;
            past.Add(new PastPair(m.Id, CriteriaOf(mentee, mentor, program.Format, questions), outcomes));
        }
        return Analyse(past, program.MatchWeights, questions);
    }

    /// <summary>
    /// Each criterion's value for a pair, 0-1, from the scorer's own breakdown; a criterion is left out where one side
    /// gave nothing to compare (no competencies wanted, no availability or modality, no branch, a question not answered
    /// by both). Branch is read as "the same branch", so a positive link means same-branch pairs went better.
    /// </summary>
    public static Dictionary<string, double> CriteriaOf(MatchParticipant mentee, MatchParticipant mentor, ProgramFormat format, IReadOnlyList<QuestionRule> questions)
    {
        var every = new MatchWeights { Competency = 1, Availability = 1, Modality = 1, Branch = 1, CareerStage = 1, BranchRule = BranchRule.PreferSame };
        var breakdown = new MatchScorer(every, format, null, questions.Select(q => q with { Weight = 1 }).ToList()).Score(mentee, mentor).Breakdown;
        var values = new Dictionary<string, double>();
        if (mentee.Wants.Count > 0) values[Competency] = breakdown[0].Value;
        if (mentee.AvailabilitySlots != 0 && mentor.AvailabilitySlots != 0) values[Availability] = breakdown[1].Value;
        if (mentee.Modality is not null && mentor.Modality is not null) values[Modality] = breakdown[2].Value;
        if (!string.IsNullOrWhiteSpace(mentee.Branch) && !string.IsNullOrWhiteSpace(mentor.Branch)) values[Branch] = breakdown[3].Value;
        values[Career] = breakdown[4].Value;
        for (var i = 0; i < questions.Count; i++)
        {
            if (mentee.Answers.ContainsKey(questions[i].Id) && mentor.Answers.ContainsKey(questions[i].Id)) values[QuestionKey(questions[i].Id)] = breakdown[5 + i].Value;
        }
        return values;
    }

    public static string QuestionKey(int questionId) => FormattableString.Invariant($"q:{questionId}");

    /// <summary>The findings and the suggested settings for these past pairs under the current settings.</summary>
    public static LearningReport Analyse(IReadOnlyList<PastPair> pairs, MatchWeights current, IReadOnlyList<QuestionRule> questions)
    {
        var overall = OverallOutcome(pairs);
        var criteria = new List<(string Key, string Name, int Weight)>
        {
            (Competency, "Competency coverage", current.Competency),
            (Availability, "Shared availability", current.Availability),
            (Modality, "Modality", current.Modality),
            (Branch, "Same branch", current.BranchRule is BranchRule.Ignore ? 0 : current.Branch),
            (Career, "Career-stage direction", current.CareerStage),
        };
        criteria.AddRange(questions.Select(q => (QuestionKey(q.Id), q.Text, q.Weight)));

        var estimates = criteria.Select(c =>
        {
            var byOutcome = new Dictionary<RelationshipOutcome, Estimate?>();
            foreach (var outcome in Enum.GetValues<RelationshipOutcome>())
            {
                var points = pairs.Where(p => p.Criteria.ContainsKey(c.Key))
                    .Select(p => (X: p.Criteria[c.Key], Y: outcome is RelationshipOutcome.Overall ? overall.GetValueOrDefault(p.MentorshipId, double.NaN) : p.Outcomes.GetValueOrDefault(outcome, double.NaN)))
                    .Where(p => !double.IsNaN(p.Y)).ToList();
                byOutcome[outcome] = Estimates.Correlation(points);
            }
            return (c.Key, c.Name, c.Weight, ByOutcome: byOutcome);
        }).ToList();

        static bool Clear(Estimate? e) => e is { Lower: { } lower, Upper: { } upper } && (lower > 0 || upper < 0);
        var strongest = estimates.Select(e => e.ByOutcome[RelationshipOutcome.Overall]).Where(Clear).Select(e => Math.Abs(e!.Value)).DefaultIfEmpty(0).Max();
        var suggested = current.Copy();
        var questionWeights = new Dictionary<int, int>();
        var findings = new List<CriterionFinding>();
        foreach (var (key, name, weight, byOutcome) in estimates)
        {
            var e = byOutcome[RelationshipOutcome.Overall];
            int next;
            string reason;
            if (e is null || !Clear(e))
            {
                next = weight;
                reason = e is null ? "Too few pairs, or every pair the same, to tell." : "No clear link: the interval includes 0, so the weight stays.";
            }
            else
            {
                var scaled = Math.Clamp((int)Math.Round(10 * Math.Abs(e.Value) / strongest), 1, 10);
                next = e.Value > 0 || key == Branch ? scaled : 0;
                reason = e.Value > 0 ? "Pairs that scored higher here went better." : key == Branch ? "Pairs from different branches went better." : "Pairs that scored higher here went worse.";
            }
            switch (key)
            {
                case Competency: suggested.Competency = next; break;
                case Availability: suggested.Availability = next; break;
                case Modality: suggested.Modality = next; break;
                case Career: suggested.CareerStage = next; break;
                case Branch:
                    if (Clear(e))
                    {
                        suggested.Branch = next;
                        suggested.BranchRule = e!.Value > 0 ? BranchRule.PreferSame : BranchRule.PreferDifferent;
                    }
                    break;
                default: questionWeights[int.Parse(key[2..], System.Globalization.CultureInfo.InvariantCulture)] = next; break;
            }
            findings.Add(new CriterionFinding(key, name, weight, next, byOutcome, reason));
        }
        return new LearningReport(pairs.Count, findings, suggested, questionWeights);
    }

    /// <summary>Each pair's outcomes as z-scores across the pairs that have them, averaged; outcomes that do not vary are left out.</summary>
    private static Dictionary<int, double> OverallOutcome(IReadOnlyList<PastPair> pairs)
    {
        var scales = new Dictionary<RelationshipOutcome, (double Mean, double Sd)>();
        foreach (var outcome in Enum.GetValues<RelationshipOutcome>().Where(o => o is not RelationshipOutcome.Overall))
        {
            var values = pairs.Where(p => p.Outcomes.ContainsKey(outcome)).Select(p => p.Outcomes[outcome]).ToList();
            if (values.Count < 2) continue;
            var mean = values.Average();
            var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
            if (sd > 1e-9) scales[outcome] = (mean, sd);
        }
        var overall = new Dictionary<int, double>();
        foreach (var pair in pairs)
        {
            var z = pair.Outcomes.Where(o => scales.ContainsKey(o.Key)).Select(o => (o.Value - scales[o.Key].Mean) / scales[o.Key].Sd).ToList();
            if (z.Count > 0) overall[pair.MentorshipId] = z.Average();
        }
        return overall;
    }

    /// <summary>The matching profiles of these enrollments as matching sees them.</summary>
    private async Task<Dictionary<int, MatchParticipant>> ProfilesAsync(IReadOnlyList<int> enrollmentIds, CancellationToken ct)
    {
        var rows = await db.Enrollments.AsNoTracking().Where(e => enrollmentIds.Contains(e.Id))
            .Select(e => new
            {
                e.Id,
                e.User!.DisplayName,
                e.AvailabilitySlots,
                e.ModalityPreference,
                Branch = e.Branch ?? e.User.Branch,
                e.User.CareerStage,
                Competencies = e.Competencies.Select(c => new { c.CompetencyId, c.Interest, c.Level }).ToList(),
                Answers = e.Answers.Select(a => new { a.QuestionId, a.Values }).ToList(),
            })
            .AsSplitQuery().ToListAsync(ct);
        return rows.ToDictionary(e => e.Id, e => new MatchParticipant(e.Id, e.DisplayName,
            e.Competencies.Where(c => c.Interest == CompetencyInterest.Development).Select(c => new CompetencyLevel(c.CompetencyId, c.Level)).ToList(),
            e.Competencies.Where(c => c.Interest == CompetencyInterest.Expertise).Select(c => new CompetencyLevel(c.CompetencyId, c.Level)).ToList(),
            e.AvailabilitySlots, e.ModalityPreference, e.Branch, e.CareerStage)
        {
            Answers = e.Answers.ToDictionary(a => a.QuestionId, a => MatchAnswer.Parse(a.Values)),
        });
    }
}
