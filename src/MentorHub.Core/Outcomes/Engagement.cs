using MentorHub.Core.Domain;
using MentorHub.Core.Mentoring;

namespace MentorHub.Core.Outcomes;

public sealed record ReportCohort(int Id, int ProgramId, string Name, DateOnly StartsOn, DateOnly EndsOn);

/// <summary>An approved place in a cohort: active, completed or withdrawn.</summary>
public sealed record PlaceFact(int CohortId, string UserId, EnrollmentStatus Status);

/// <summary>A started mentorship: its days, the program's cadence, and the meetings held.</summary>
public sealed record MentorshipFact(int Id, int CohortId, DateOnly StartedOn, DateOnly? ClosedOn, int CadenceDays, int ProgramTotal, int Held);

/// <summary>Someone who has been in a started mentorship, in a role.</summary>
public sealed record MemberFact(int MentorshipId, string UserId, MemberRole Role);

public sealed record GoalFact(int CohortId, GoalStatus Status, DateOnly TargetDate);

/// <summary>A cohort's meeting feedback ratings, summed (their count, sum and sum of squares).</summary>
public sealed record RatingFact(int CohortId, int Count, double Sum, double SumOfSquares);

public sealed record CertificationFact(string UserId, DateOnly On);

/// <summary>One person's proficiency before and after (the mean over the competencies they rated both times).</summary>
public sealed record ProficiencyPair(int CohortId, double Before, double After);

/// <summary>Mentees per mentor: the mean with its t interval (n = mentors) and the most any one had.</summary>
public sealed record MentorLoad(Estimate PerMentor, int Most)
{
    public int Mentors => PerMentor.N;
}

/// <summary>
/// How a cohort (or several together) went: share of finished places completed rather than withdrawn, meeting adherence,
/// goals achieved, certifications per participant, meeting feedback, mentor load and proficiency change — each with
/// its interval and its n.
/// </summary>
public sealed record CohortOutcome(
    int? CohortId,
    int? ProgramId,
    string Name,
    DateOnly StartsOn,
    int Participants,
    Estimate Completion,
    Estimate Adherence,
    Estimate Goals,
    Estimate Certifications,
    Estimate Feedback,
    MentorLoad Load,
    PairedChange Proficiency);

/// <summary>Everything the engagement figures read, as flat rows; <see cref="Of"/> does the arithmetic.</summary>
public sealed record EngagementFacts(
    IReadOnlyList<ReportCohort> Cohorts,
    IReadOnlyList<PlaceFact> Places,
    IReadOnlyList<MentorshipFact> Mentorships,
    IReadOnlyList<MemberFact> Members,
    IReadOnlyList<GoalFact> Goals,
    IReadOnlyList<RatingFact> Ratings,
    IReadOnlyList<CertificationFact> Certifications,
    IReadOnlyList<ProficiencyPair> Proficiency)
{
    /// <summary>Each cohort that has started, in order of start, then all of them together (a null cohort id).</summary>
    public IReadOnlyList<CohortOutcome> Of(DateOnly today)
    {
        var started = Cohorts.Where(c => c.StartsOn <= today).OrderBy(c => c.StartsOn).ThenBy(c => c.Id).ToList();
        // Each fact is grouped by cohort once: filtering every list again for each cohort took a library's report of 200
        // cohorts a quarter of a second. A group keeps the order of the list it came from.
        var places = Places.ToLookup(p => p.CohortId);
        var mentorships = Mentorships.ToLookup(m => m.CohortId);
        var members = Members.ToLookup(m => m.MentorshipId);
        var goals = Goals.ToLookup(g => g.CohortId);
        var ratings = Ratings.ToLookup(r => r.CohortId);
        var proficiency = Proficiency.ToLookup(p => p.CohortId);
        var certifications = Certifications.ToLookup(c => c.UserId);
        EngagementFacts Within(IReadOnlyList<ReportCohort> cohorts)
        {
            var cohortPlaces = cohorts.SelectMany(c => places[c.Id]).ToList();
            var cohortMentorships = cohorts.SelectMany(c => mentorships[c.Id]).ToList();
            return new EngagementFacts(cohorts, cohortPlaces, cohortMentorships, cohortMentorships.SelectMany(m => members[m.Id]).ToList(),
                cohorts.SelectMany(c => goals[c.Id]).ToList(), cohorts.SelectMany(c => ratings[c.Id]).ToList(),
                cohortPlaces.Select(p => p.UserId).Distinct().SelectMany(u => certifications[u]).ToList(), cohorts.SelectMany(c => proficiency[c.Id]).ToList());
        }

        var rows = started.Select(c => Engagement.Summarise(c.Id, c.ProgramId, c.Name, c.StartsOn, Within([c]), today)).ToList();
        if (started.Count > 1) rows.Add(Engagement.Summarise(null, null, "All cohorts", started[0].StartsOn, Within(started), today));
        return rows;
    }
}

public static class Engagement
{
    public static CohortOutcome Summarise(int? cohortId, int? programId, string name, DateOnly startsOn, EngagementFacts facts, DateOnly today)
    {
        var participants = facts.Places.Select(p => p.UserId).ToHashSet();
        var ended = facts.Places.Where(p => p.Status is EnrollmentStatus.Completed or EnrollmentStatus.Withdrawn).ToList();
        var completion = Estimates.Share(new Proportion(ended.Count(p => p.Status == EnrollmentStatus.Completed), ended.Count));

        // Held against what the cadence expected by the end (or today), capped at 100% so pairs that meet more often do
        // not hide pairs that do not meet; pairs not yet due a meeting are left out.
        var adherence = Estimates.Mean(facts.Mentorships
            .Select(m => (m.Held, Expected: ConnectionHealth.ExpectedMeetings(m.StartedOn, m.ClosedOn is { } closed && closed < today ? closed : today, m.CadenceDays, m.ProgramTotal)))
            .Where(x => x.Expected > 0)
            .Select(x => Math.Min(1.0, (double)x.Held / x.Expected)))
            .Within(0, 1);

        // Goals that have come due or been settled; an open goal before its target date is neither met nor missed yet.
        var due = facts.Goals.Where(g => g.Status is GoalStatus.Achieved or GoalStatus.Abandoned || g.TargetDate <= today).ToList();
        var goals = Estimates.Share(new Proportion(due.Count(g => g.Status == GoalStatus.Achieved), due.Count));

        // Certifications a participant earned while their cohort ran (from its start to its end, or today).
        var windows = facts.Places.Join(facts.Cohorts, p => p.CohortId, c => c.Id, (p, c) => (p.UserId, c.StartsOn, Until: c.EndsOn < today ? c.EndsOn : today))
            .ToLookup(w => w.UserId);
        var certifications = facts.Certifications.Count(c => windows[c.UserId].Any(w => c.On >= w.StartsOn && c.On <= w.Until));

        var feedback = Estimates.Mean(facts.Ratings.Sum(r => r.Count), facts.Ratings.Sum(r => r.Sum), facts.Ratings.Sum(r => r.SumOfSquares));

        var menteesOf = facts.Members.GroupBy(m => m.MentorshipId).ToDictionary(g => g.Key, g => g.Where(m => m.Role == MemberRole.Mentee).Select(m => m.UserId).ToList());
        var loads = facts.Members.Where(m => m.Role == MemberRole.Mentor).GroupBy(m => m.UserId)
            .Select(g => g.SelectMany(m => menteesOf[m.MentorshipId]).Distinct().Count())
            .ToList();
        var load = new MentorLoad(Estimates.Mean(loads.Select(l => (double)l)), loads.DefaultIfEmpty().Max());

        var proficiency = Paired.Change(facts.Proficiency.Select(p => (p.Before, p.After)));
        return new CohortOutcome(cohortId, programId, name, startsOn, participants.Count, completion, adherence, goals,
            Estimates.PerPerson(certifications, participants.Count), feedback, load, proficiency);
    }
}

/// <summary>A submitted check-in's confidence and job satisfaction, by whole months since the person's cohort started.</summary>
public sealed record PulseFact(int Month, int? Confidence, int? Satisfaction);

public sealed record TrendPoint(int Month, Estimate Confidence, Estimate Satisfaction);

public static class Trend
{
    /// <summary>The mean of every check-in given in each month of the programs (baseline, pulses, midpoint and exit alike).</summary>
    public static IReadOnlyList<TrendPoint> ByMonth(IEnumerable<PulseFact> pulses) => pulses
        .Where(p => p.Month >= 0)
        .GroupBy(p => p.Month)
        .OrderBy(g => g.Key)
        .Select(g => new TrendPoint(g.Key,
            Estimates.Mean(g.Where(p => p.Confidence is not null).Select(p => (double)p.Confidence!.Value)),
            Estimates.Mean(g.Where(p => p.Satisfaction is not null).Select(p => (double)p.Satisfaction!.Value))))
        .ToList();
}
