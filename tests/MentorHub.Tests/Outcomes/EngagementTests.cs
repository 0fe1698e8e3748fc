using MentorHub.Core.Domain;
using MentorHub.Core.Outcomes;

namespace MentorHub.Tests.Outcomes;

public class EngagementTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);
    private static readonly ReportCohort Spring = new(1, 7, "Spring", Today.AddDays(-140), Today.AddDays(60));
    private static readonly ReportCohort Autumn = new(2, 7, "Autumn", Today.AddDays(-400), Today.AddDays(-200));

    private static EngagementFacts Facts(
        IEnumerable<PlaceFact>? places = null, IEnumerable<MentorshipFact>? mentorships = null, IEnumerable<MemberFact>? members = null,
        IEnumerable<GoalFact>? goals = null, IEnumerable<RatingFact>? ratings = null, IEnumerable<CertificationFact>? certifications = null,
        IEnumerable<ProficiencyPair>? proficiency = null, params ReportCohort[] cohorts) =>
        new(cohorts.Length == 0 ? [Spring] : cohorts, [.. places ?? []], [.. mentorships ?? []], [.. members ?? []], [.. goals ?? []], [.. ratings ?? []],
            [.. certifications ?? []], [.. proficiency ?? []]);

    [Fact]
    public void Adherence_is_held_over_expected_by_the_cadence_capped_per_pair_and_leaves_out_pairs_not_yet_due()
    {
        var facts = Facts(mentorships:
        [
            new MentorshipFact(1, 1, Today.AddDays(-140), null, 14, 10, 5),   // expected 10 (capped at the program's total), held 5: 50%
            new MentorshipFact(2, 1, Today.AddDays(-70), null, 14, 10, 9),    // expected 5, held 9: counts as 100%, not 180%
            new MentorshipFact(3, 1, Today.AddDays(-140), Today.AddDays(-42), 14, 10, 7), // ended: expected 7 by its end, held 7
            new MentorshipFact(4, 1, Today.AddDays(-10), null, 14, 10, 0),   // not due a meeting yet: left out
        ]);

        var adherence = Assert.Single(facts.Of(Today)).Adherence;

        Assert.Equal(3, adherence.N);
        Assert.Equal((0.5 + 1 + 1) / 3, adherence.Value, 10);
        Assert.True(adherence.Upper <= 1 && adherence.Lower >= 0);
    }

    [Fact]
    public void Goals_count_once_they_come_due_or_are_settled()
    {
        var facts = Facts(goals:
        [
            new GoalFact(1, GoalStatus.Achieved, Today.AddDays(30)),   // achieved early: counts
            new GoalFact(1, GoalStatus.Abandoned, Today.AddDays(30)),  // settled: counts, not achieved
            new GoalFact(1, GoalStatus.InProgress, Today.AddDays(-1)), // overdue: counts, not achieved
            new GoalFact(1, GoalStatus.InProgress, Today.AddDays(20)), // still open before its date: not yet
        ]);

        var goals = Assert.Single(facts.Of(Today)).Goals;
        Assert.Equal((3, 1.0 / 3), (goals.N, goals.Value));
    }

    [Fact]
    public void Certifications_count_while_the_persons_cohort_ran_and_completion_among_finished_places()
    {
        var facts = Facts(
            places: [new(1, "a", EnrollmentStatus.Completed), new(1, "b", EnrollmentStatus.Withdrawn), new(1, "c", EnrollmentStatus.Active), new(1, "d", EnrollmentStatus.Completed)],
            certifications: [new("a", Today.AddDays(-100)), new("a", Today.AddDays(-10)), new("b", Today.AddDays(-200)), new("x", Today.AddDays(-10))]);

        var cohort = Assert.Single(facts.Of(Today));

        Assert.Equal(4, cohort.Participants);
        // a's two count; b's came before the cohort started; x is not a participant.
        Assert.Equal(2.0 / 4, cohort.Certifications.Value, 10);
        Assert.Equal(3, cohort.Completion.N);
        Assert.Equal(2.0 / 3, cohort.Completion.Value, 10);
    }

    [Fact]
    public void Mentor_load_counts_distinct_mentees_per_mentor_and_feedback_is_a_mean()
    {
        var facts = Facts(
            mentorships: [new MentorshipFact(1, 1, Today.AddDays(-30), null, 14, 10, 2), new MentorshipFact(2, 1, Today.AddDays(-30), null, 14, 10, 2), new MentorshipFact(3, 1, Today.AddDays(-30), null, 14, 10, 2)],
            members:
            [
                new MemberFact(1, "m1", MemberRole.Mentor), new MemberFact(1, "e1", MemberRole.Mentee), new MemberFact(1, "e2", MemberRole.Mentee),
                new MemberFact(2, "m1", MemberRole.Mentor), new MemberFact(2, "e3", MemberRole.Mentee),
                new MemberFact(3, "m2", MemberRole.Mentor), new MemberFact(3, "e4", MemberRole.Mentee),
            ],
            ratings: [new RatingFact(1, 3, 12, 50)]);

        var cohort = Assert.Single(facts.Of(Today));

        Assert.Equal((2, 2.0, 3), (cohort.Load.Mentors, cohort.Load.PerMentor.Value, cohort.Load.Most));
        // Loads of 3 and 1: mean 2, t interval 2 ± 12.706 · 1.
        Assert.Equal(2 - 12.7062047, cohort.Load.PerMentor.Lower!.Value, 5);
        Assert.Equal((3, 4.0), (cohort.Feedback.N, cohort.Feedback.Value));
    }

    [Fact]
    public void Each_started_cohort_gets_a_row_in_order_then_all_together_and_a_cohort_yet_to_start_none()
    {
        var future = new ReportCohort(3, 7, "Next year", Today.AddDays(100), Today.AddDays(400));
        var facts = Facts(places: [new(1, "a", EnrollmentStatus.Active), new(2, "b", EnrollmentStatus.Completed), new(2, "c", EnrollmentStatus.Completed)],
            proficiency: [new ProficiencyPair(2, 2, 4), new ProficiencyPair(2, 3, 4)], cohorts: [Spring, Autumn, future]);

        var rows = facts.Of(Today);

        Assert.Equal(["Autumn", "Spring", "All cohorts"], rows.Select(r => r.Name));
        Assert.Equal([2, 1, 3], rows.Select(r => r.Participants));
        Assert.Null(rows[^1].CohortId);
        Assert.Equal(1.5, rows[0].Proficiency.Mean, 10);
        Assert.Equal(0, rows[1].Proficiency.N);
    }

    [Fact]
    public void Each_cohorts_row_counts_only_its_own_places_pairs_members_goals_ratings_and_certifications()
    {
        var facts = Facts(
            places: [new(1, "a", EnrollmentStatus.Completed), new(1, "m", EnrollmentStatus.Active), new(2, "b", EnrollmentStatus.Withdrawn), new(2, "n", EnrollmentStatus.Active)],
            mentorships: [new MentorshipFact(10, 1, Spring.StartsOn, null, 14, 20, 10), new MentorshipFact(20, 2, Autumn.StartsOn, Autumn.EndsOn, 14, 20, 1)],
            members: [new(10, "m", MemberRole.Mentor), new(10, "a", MemberRole.Mentee), new(20, "n", MemberRole.Mentor), new(20, "b", MemberRole.Mentee), new(20, "z", MemberRole.Mentee)],
            goals: [new GoalFact(1, GoalStatus.Achieved, Today), new GoalFact(2, GoalStatus.Abandoned, Today), new GoalFact(2, GoalStatus.Abandoned, Today)],
            ratings: [new RatingFact(1, 2, 10, 50), new RatingFact(2, 1, 1, 1)],
            certifications: [new("a", Today.AddDays(-1)), new("b", Autumn.StartsOn.AddDays(1)), new("b", Today.AddDays(-1))],
            cohorts: [Spring, Autumn]);

        var rows = facts.Of(Today).ToDictionary(r => r.Name);

        var (spring, autumn, all) = (rows["Spring"], rows["Autumn"], rows["All cohorts"]);
        Assert.Equal((1, 0.0), (autumn.Completion.N, autumn.Completion.Value));
        Assert.Equal((1, 1.0), (spring.Completion.N, spring.Completion.Value));
        Assert.Equal((1, 1.0, 1), (spring.Load.Mentors, spring.Load.PerMentor.Value, spring.Load.Most));
        Assert.Equal((1, 2.0, 2), (autumn.Load.Mentors, autumn.Load.PerMentor.Value, autumn.Load.Most));
        Assert.Equal((1, 1.0), (spring.Goals.N, spring.Goals.Value));
        Assert.Equal((2, 0.0), (autumn.Goals.N, autumn.Goals.Value));
        Assert.Equal((2, 5.0), (spring.Feedback.N, spring.Feedback.Value));
        Assert.Equal((1, 1.0), (autumn.Feedback.N, autumn.Feedback.Value));
        // "b" earned one certification while Autumn ran and one after it ended; "a" one while Spring runs.
        Assert.Equal(1.0 / 2, spring.Certifications.Value, 10);
        Assert.Equal(1.0 / 2, autumn.Certifications.Value, 10);
        Assert.Equal((3, 2.0 / 4), (all.Goals.N, all.Certifications.Value));
        Assert.Equal(2, all.Adherence.N);
    }

    [Fact]
    public void The_trend_is_the_mean_per_month_of_every_answer_given()
    {
        var trend = Trend.ByMonth([new PulseFact(0, 2, 3), new PulseFact(0, 4, null), new PulseFact(3, 5, 5), new PulseFact(-1, 1, 1)]);

        Assert.Equal([0, 3], trend.Select(t => t.Month));
        Assert.Equal((2, 3.0), (trend[0].Confidence.N, trend[0].Confidence.Value));
        Assert.Equal((1, 3.0), (trend[0].Satisfaction.N, trend[0].Satisfaction.Value));
    }
}
