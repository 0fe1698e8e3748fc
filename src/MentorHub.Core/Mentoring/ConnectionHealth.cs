namespace MentorHub.Core.Mentoring;

public enum HealthStatus { OnTrack, AtRisk, Ended }

/// <summary>One reason a connection is at risk, in words a coordinator reads.</summary>
public sealed record HealthFlag(HealthRule Rule, string Reason);

public enum HealthRule { NoMeeting, NoGoalProgress, LowFeedback, CheckInOverdue, InvitationNotAccepted, NotAGoodFit, NotResponding }

/// <summary>What the health rules look at for one mentorship or group, as plain values (dates in the coordinator's calendar).</summary>
public sealed record ConnectionFacts(
    DateOnly StartedOn,
    bool Ended,
    int CadenceDays,
    DateOnly? LastMeetingHeldOn,
    DateOnly? LastGoalProgressOn,
    double? AverageFeedback,
    DateOnly? OldestPendingCheckInDueOn,
    IReadOnlyList<PendingInvitation> MembersNotJoined,
    IReadOnlyList<string> MembersSayingNotAFit,
    IReadOnlyList<UnansweredReminder> MembersNotResponding);

/// <summary>A member still silent a week after their automatic reminder (see <see cref="Responsiveness"/>), reminded on their calendar day.</summary>
public sealed record UnansweredReminder(string Name, DateOnly RemindedOn);

/// <summary>A member who was invited (on their own calendar day) and has not set up their account yet.</summary>
public sealed record PendingInvitation(string Name, DateOnly InvitedOn);

public sealed record Health(HealthStatus Status, IReadOnlyList<HealthFlag> Flags)
{
    public bool IsAtRisk => Status is HealthStatus.AtRisk;
}

/// <summary>
/// The one place that decides whether a connection is at risk, and why. A connection is at risk when no meeting was
/// held for twice the program's cadence, no goal moved for 30 days, its meetings are rated below 3 of 5 on average, a
/// check-in is 14 days overdue, a member has not accepted an invitation sent more than a week ago, a member answers
/// the fit check with "no", or a member left a meeting or check-in waiting and did not answer the reminder about it.
/// </summary>
public static class ConnectionHealth
{
    public const int GoalProgressDays = 30;
    public const double LowFeedback = 3.0;
    public const int CheckInGraceDays = 14;
    public const int InvitationGraceDays = 7;

    /// <remarks>Before <see cref="ConnectionFacts.StartedOn"/> (a pair matched ahead of its cohort) nothing is expected yet.</remarks>
    public static Health Assess(ConnectionFacts facts, DateOnly today)
    {
        if (facts.Ended) return new Health(HealthStatus.Ended, []);
        var flags = new List<HealthFlag>();

        var quietDays = today.DayNumber - (facts.LastMeetingHeldOn ?? facts.StartedOn).DayNumber;
        if (quietDays > 2 * facts.CadenceDays)
            flags.Add(new HealthFlag(HealthRule.NoMeeting, facts.LastMeetingHeldOn is null
                ? $"No meeting held in the {quietDays} days since it started (expected every {facts.CadenceDays} days)"
                : $"No meeting held for {quietDays} days (expected every {facts.CadenceDays} days)"));

        var stillDays = today.DayNumber - (facts.LastGoalProgressOn ?? facts.StartedOn).DayNumber;
        if (stillDays > GoalProgressDays)
            flags.Add(new HealthFlag(HealthRule.NoGoalProgress, facts.LastGoalProgressOn is null
                ? $"No goal set or updated in the {stillDays} days since it started"
                : $"No goal progress for {stillDays} days"));

        if (facts.AverageFeedback is { } average && average < LowFeedback)
            flags.Add(new HealthFlag(HealthRule.LowFeedback, $"Meetings rated {average:0.0} of 5 on average"));

        if (facts.OldestPendingCheckInDueOn is { } due && today.DayNumber - due.DayNumber > CheckInGraceDays)
            flags.Add(new HealthFlag(HealthRule.CheckInOverdue, $"A check-in is {today.DayNumber - due.DayNumber} days overdue"));

        // A member's own "no" weighs most: it comes first and needs no waiting.
        foreach (var name in facts.MembersSayingNotAFit)
            flags.Insert(0, new HealthFlag(HealthRule.NotAGoodFit, $"{name} says it is not a good fit"));

        foreach (var (name, invitedOn) in facts.MembersNotJoined.Where(m => today.DayNumber - m.InvitedOn.DayNumber > InvitationGraceDays))
            flags.Add(new HealthFlag(HealthRule.InvitationNotAccepted, $"{name} has not accepted the invitation sent {today.DayNumber - invitedOn.DayNumber} days ago"));

        foreach (var (name, remindedOn) in facts.MembersNotResponding)
            flags.Add(new HealthFlag(HealthRule.NotResponding, $"{name} has not responded to a reminder sent {today.DayNumber - remindedOn.DayNumber} days ago about what waits on them"));

        return new Health(flags.Count == 0 ? HealthStatus.OnTrack : HealthStatus.AtRisk, flags);
    }

    /// <summary>Meetings the program's cadence expects between the start and <paramref name="until"/>, capped at the program's total.</summary>
    public static int ExpectedMeetings(DateOnly startedOn, DateOnly until, int cadenceDays, int programTotal) =>
        Math.Clamp((until.DayNumber - startedOn.DayNumber) / cadenceDays, 0, programTotal);
}
