using MentorHub.Core.Mentoring;

namespace MentorHub.Tests.Domain;

public class ConnectionHealthTests
{
    private static readonly DateOnly Today = new(2027, 3, 1);

    private static ConnectionFacts Healthy(int cadence = 14) => new(
        StartedOn: Today.AddDays(-90), Ended: false, CadenceDays: cadence,
        LastMeetingHeldOn: Today.AddDays(-10), LastGoalProgressOn: Today.AddDays(-5), AverageFeedback: 4.5,
        OldestPendingCheckInDueOn: null, MembersNotJoined: [], MembersSayingNotAFit: [], MembersNotResponding: []);

    private static HealthFlag Single(ConnectionFacts facts)
    {
        var health = ConnectionHealth.Assess(facts, Today);
        Assert.Equal(HealthStatus.AtRisk, health.Status);
        return Assert.Single(health.Flags);
    }

    [Fact]
    public void A_pair_meeting_to_cadence_with_moving_goals_and_good_feedback_is_on_track()
    {
        var health = ConnectionHealth.Assess(Healthy(), Today);

        Assert.Equal(HealthStatus.OnTrack, health.Status);
        Assert.Empty(health.Flags);
    }

    [Fact]
    public void No_meeting_for_more_than_twice_the_cadence_is_a_risk_and_exactly_twice_is_not()
    {
        Assert.Equal(HealthStatus.OnTrack, ConnectionHealth.Assess(Healthy() with { LastMeetingHeldOn = Today.AddDays(-28) }, Today).Status);

        var flag = Single(Healthy() with { LastMeetingHeldOn = Today.AddDays(-29) });

        Assert.Equal((HealthRule.NoMeeting, "No meeting held for 29 days (expected every 14 days)"), (flag.Rule, flag.Reason));
    }

    [Fact]
    public void A_pair_that_never_met_counts_from_its_start()
    {
        var flag = Single(Healthy() with { StartedOn = Today.AddDays(-40), LastMeetingHeldOn = null });

        Assert.Equal("No meeting held in the 40 days since it started (expected every 14 days)", flag.Reason);
        Assert.Equal(HealthStatus.OnTrack, ConnectionHealth.Assess(Healthy() with { StartedOn = Today.AddDays(-3), LastMeetingHeldOn = null, LastGoalProgressOn = null }, Today).Status);
    }

    [Fact]
    public void No_goal_progress_for_more_than_30_days_is_a_risk()
    {
        Assert.Equal(HealthStatus.OnTrack, ConnectionHealth.Assess(Healthy() with { LastGoalProgressOn = Today.AddDays(-30) }, Today).Status);

        var flag = Single(Healthy() with { LastGoalProgressOn = Today.AddDays(-31) });

        Assert.Equal((HealthRule.NoGoalProgress, "No goal progress for 31 days"), (flag.Rule, flag.Reason));
    }

    [Fact]
    public void Average_feedback_below_3_is_a_risk_and_3_is_not()
    {
        Assert.Equal(HealthStatus.OnTrack, ConnectionHealth.Assess(Healthy() with { AverageFeedback = 3.0 }, Today).Status);

        var flag = Single(Healthy() with { AverageFeedback = 2.5 });

        Assert.Equal((HealthRule.LowFeedback, "Meetings rated 2.5 of 5 on average"), (flag.Rule, flag.Reason));
    }

    [Fact]
    public void A_check_in_more_than_14_days_overdue_is_a_risk()
    {
        Assert.Equal(HealthStatus.OnTrack, ConnectionHealth.Assess(Healthy() with { OldestPendingCheckInDueOn = Today.AddDays(-14) }, Today).Status);

        var flag = Single(Healthy() with { OldestPendingCheckInDueOn = Today.AddDays(-20) });

        Assert.Equal((HealthRule.CheckInOverdue, "A check-in is 20 days overdue"), (flag.Rule, flag.Reason));
    }

    [Fact]
    public void Each_member_who_has_not_accepted_an_invitation_older_than_a_week_is_named()
    {
        var health = ConnectionHealth.Assess(Healthy() with
        {
            MembersNotJoined = [new("Ada Lovelace", Today.AddDays(-8)), new("Grace Hopper", Today.AddDays(-30)), new("Invited Recently", Today.AddDays(-7))],
        }, Today);

        Assert.Equal(["Ada Lovelace has not accepted the invitation sent 8 days ago", "Grace Hopper has not accepted the invitation sent 30 days ago"], health.Flags.Select(f => f.Reason));
    }

    [Fact]
    public void A_member_saying_it_is_not_a_good_fit_flags_the_pair_at_once_and_first()
    {
        var health = ConnectionHealth.Assess(Healthy() with { StartedOn = Today.AddDays(-2), AverageFeedback = 1, MembersSayingNotAFit = ["Ada Lovelace"] }, Today);

        Assert.Equal([HealthRule.NotAGoodFit, HealthRule.LowFeedback], health.Flags.Select(f => f.Rule));
        Assert.Equal("Ada Lovelace says it is not a good fit", health.Flags[0].Reason);
    }

    [Fact]
    public void A_member_silent_after_their_reminder_flags_the_pair_with_how_long_ago_it_went()
    {
        var flag = Single(Healthy() with { MembersNotResponding = [new UnansweredReminder("Grace Hopper", Today.AddDays(-8))] });

        Assert.Equal(HealthRule.NotResponding, flag.Rule);
        Assert.Equal("Grace Hopper has not responded to a reminder sent 8 days ago about what waits on them", flag.Reason);
    }

    [Fact]
    public void Every_broken_rule_is_listed_and_an_ended_pair_is_never_at_risk()
    {
        var neglected = Healthy() with { LastMeetingHeldOn = Today.AddDays(-60), LastGoalProgressOn = Today.AddDays(-60), AverageFeedback = 1, OldestPendingCheckInDueOn = Today.AddDays(-30) };

        Assert.Equal([HealthRule.NoMeeting, HealthRule.NoGoalProgress, HealthRule.LowFeedback, HealthRule.CheckInOverdue], ConnectionHealth.Assess(neglected, Today).Flags.Select(f => f.Rule));
        Assert.Equal(new Health(HealthStatus.Ended, []).Status, ConnectionHealth.Assess(neglected with { Ended = true }, Today).Status);
        Assert.Empty(ConnectionHealth.Assess(neglected with { Ended = true }, Today).Flags);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(13, 0)]
    [InlineData(14, 1)]
    [InlineData(100, 7)]
    [InlineData(1000, 12)]
    public void Expected_meetings_follow_the_cadence_up_to_the_programs_total(int days, int expected) =>
        Assert.Equal(expected, ConnectionHealth.ExpectedMeetings(Today, Today.AddDays(days), 14, 12));
}
