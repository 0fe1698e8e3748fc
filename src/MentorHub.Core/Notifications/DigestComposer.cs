using MentorHub.Core.Domain;
using MentorHub.Core.Notifications.Templates;

namespace MentorHub.Core.Notifications;

/// <summary>What one batch of digests is composed from, loaded by <see cref="MonthlyDigests"/> in a fixed number of queries.</summary>
public sealed record DigestFacts(DigestMonth Month, DateTime NowUtc)
{
    public DateOnly Today => DateOnly.FromDateTime(NowUtc);

    /// <summary>The batch's people's own memberships of running mentorships.</summary>
    public IReadOnlyList<DigestMembership> Memberships { get; init; } = [];

    /// <summary>Every current member of those mentorships.</summary>
    public IReadOnlyList<DigestMember> Members { get; init; } = [];

    public IReadOnlyList<DigestGoal> Goals { get; init; } = [];
    public IReadOnlyList<DigestMilestone> Milestones { get; init; } = [];

    /// <summary>Goal updates written in the month, per goal.</summary>
    public IReadOnlyDictionary<int, int> UpdatesByGoal { get; init; } = new Dictionary<int, int>();

    /// <summary>Meetings held in the month and meetings scheduled in the month ahead.</summary>
    public IReadOnlyList<DigestMeeting> Meetings { get; init; } = [];

    /// <summary>Check-ins not yet submitted, overdue or due within two weeks.</summary>
    public IReadOnlyList<DigestCheckIn> CheckIns { get; init; } = [];

    /// <summary>The live programs the batch's people coordinate, with their figures.</summary>
    public IReadOnlyList<DigestProgram> Programs { get; init; } = [];
}

public sealed record DigestMembership(int Id, string UserId, MemberRole Role, int MentorshipId, string ProgramName);
public sealed record DigestMember(int Id, string UserId, MemberRole Role, int MentorshipId, string DisplayName);
public sealed record DigestGoal(int Id, int MentorshipId, int OwnerMemberId, string Title, GoalStatus Status, int ProgressPercent, DateOnly TargetDate, DateOnly? AchievedOn);
public sealed record DigestMilestone(int GoalId, string Title, DateOnly DueOn);
public sealed record DigestMeeting(int Id, int MentorshipId, MeetingStatus Status, DateTime StartsAtUtc);
public sealed record DigestCheckIn(int Id, int MemberId, AssessmentKind Kind, DateOnly DueOn);

/// <summary>A figure for the month and the month before.</summary>
public readonly record struct MonthFigure(int This, int Previous);

/// <summary>A pair or group that needs the coordinator's attention, and why.</summary>
public sealed record DigestAttention(int MentorshipId, string Names, string Why, string Detail);

/// <summary>A program a person coordinates, as its digest section reports it.</summary>
public sealed record DigestProgram(int Id, string Name, IReadOnlyList<string> CoordinatorIds, int ActiveMentorships, MonthFigure MeetingsHeld,
    MonthFigure GoalsAchieved, MonthFigure CheckInsCompleted, int OverdueGoals, int CheckInsPastDue, IReadOnlyList<StalledMentorship> Quiet,
    IReadOnlyList<DigestAttention> Attention, IReadOnlyList<string> Headlines);

/// <summary>
/// Composes one person's monthly digest from loaded facts: plain C#, no database, so what a digest says is tested on
/// its own. Null when the person has nothing to report.
/// </summary>
public static class DigestComposer
{
    /// <summary>Pairs listed by name per program before the rest are summed up with a link to the connections page.</summary>
    public const int AttentionShown = 10;

    public static EmailContent? Compose(DigestFacts facts, Recipient person, SiteLinks links)
    {
        var (month, today) = (facts.Month, facts.Today);
        var blocks = new List<EmailBlock>();
        foreach (var membership in facts.Memberships.Where(m => m.UserId == person.UserId))
            blocks.Add(MembershipSection(facts, membership, person, links));
        foreach (var program in facts.Programs.Where(p => p.CoordinatorIds.Contains(person.UserId)))
            blocks.Add(ProgramSection(program, month, person, links));
        if (blocks.Count == 0) return null;

        blocks.Insert(0, new EmailParagraph($"Here is how {month.Name} went in your MentorHub programs, and what comes next."));
        blocks.Add(new EmailButton("Open MentorHub", links.Home));
        return new EmailContent($"Your MentorHub digest for {month.Name}", person.Greeting, blocks) { PreferencesLink = links.Preferences };
    }

    private static EmailSection MembershipSection(DigestFacts facts, DigestMembership membership, Recipient person, SiteLinks links)
    {
        var (month, today) = (facts.Month, facts.Today);
        var partners = facts.Members.Where(m => m.MentorshipId == membership.MentorshipId && m.UserId != person.UserId).ToList();
        var held = facts.Meetings.Count(m => m.MentorshipId == membership.MentorshipId && m.Status == MeetingStatus.Held);
        var items = new List<EmailItem> { new($"{Count(held, "meeting")} held in {month.Name}", links.Mentorship(membership.MentorshipId)) };
        items.AddRange(facts.Meetings.Where(m => m.MentorshipId == membership.MentorshipId && m.Status == MeetingStatus.Scheduled)
            .Select(m => new EmailItem("Next meeting: " + MailTime.Format(m.StartsAtUtc, person.TimeZoneId), links.Meeting(m.Id))));

        if (membership.Role is MemberRole.Mentor)
            foreach (var mentee in partners.Where(p => p.Role is not MemberRole.Mentor))
                items.AddRange(MenteeItems(facts, mentee, membership.MentorshipId, links));
        else
            foreach (var goal in facts.Goals.Where(g => g.OwnerMemberId == membership.Id))
            {
                var detail = goal.Status is GoalStatus.Achieved
                    ? InMonth(goal.AchievedOn, month) ? $"achieved in {month.Name}" : null
                    : $"{goal.ProgressPercent}% · target {MailTime.Date(goal.TargetDate)}{(goal.TargetDate < today ? " (overdue)" : "")}";
                if (detail is not null) items.Add(new EmailItem("Goal: " + goal.Title, links.Goal(goal.Id), detail));
                foreach (var milestone in facts.Milestones.Where(m => m.GoalId == goal.Id))
                    items.Add(new EmailItem("Milestone: " + milestone.Title, links.Goal(goal.Id), Due(milestone.DueOn, today)));
            }
        // The person's own check-ins, whatever their role.
        foreach (var checkIn in facts.CheckIns.Where(c => c.MemberId == membership.Id))
            items.Add(new EmailItem($"Your {KindName(checkIn.Kind)} check-in", links.CheckIn(checkIn.Id), Due(checkIn.DueOn, today)));
        return new EmailSection($"{membership.ProgramName}: with {string.Join(" and ", partners.Select(p => p.DisplayName))}", items);
    }

    /// <summary>For a mentor: the mentee by name, what they moved and achieved, and what of theirs is due, each linked.</summary>
    private static IEnumerable<EmailItem> MenteeItems(DigestFacts facts, DigestMember mentee, int mentorshipId, SiteLinks links)
    {
        var (month, today, name) = (facts.Month, facts.Today, mentee.DisplayName);
        var goals = facts.Goals.Where(g => g.OwnerMemberId == mentee.Id).ToList();
        var achieved = goals.Where(g => InMonth(g.AchievedOn, month)).ToList();
        var open = goals.Where(g => g.Status is not GoalStatus.Achieved).ToList();
        var updates = goals.Sum(g => facts.UpdatesByGoal.GetValueOrDefault(g.Id));
        yield return new EmailItem($"{name}: {Count(updates, "goal update")}, {Count(achieved.Count, "goal")} achieved in {month.Name}", links.Mentorship(mentorshipId),
            open.Count == 0 ? "no open goals" : $"{Count(open.Count, "open goal")}, {open.Count(g => g.TargetDate < today)} overdue");
        foreach (var goal in achieved)
            yield return new EmailItem($"{name} achieved “{goal.Title}”", links.Goal(goal.Id));
        foreach (var goal in open.Where(g => facts.UpdatesByGoal.ContainsKey(g.Id)))
            yield return new EmailItem($"{name} moved “{goal.Title}”", links.Goal(goal.Id), $"now {goal.ProgressPercent}% · {Count(facts.UpdatesByGoal[goal.Id], "update")} in {month.Name}");
        foreach (var goal in open.Where(g => g.TargetDate < today))
            yield return new EmailItem($"{name}'s goal “{goal.Title}” is past its target", links.Goal(goal.Id), "target " + MailTime.Date(goal.TargetDate));
        foreach (var milestone in facts.Milestones.Where(m => open.Any(g => g.Id == m.GoalId)))
            yield return new EmailItem($"{name}'s milestone: {milestone.Title}", links.Goal(milestone.GoalId), Due(milestone.DueOn, today));
        foreach (var checkIn in facts.CheckIns.Where(c => c.MemberId == mentee.Id))
            yield return new EmailItem($"{name}'s {KindName(checkIn.Kind)} check-in", links.Mentorship(mentorshipId), Due(checkIn.DueOn, today));
    }

    private static EmailSection ProgramSection(DigestProgram program, DigestMonth month, Recipient person, SiteLinks links)
    {
        string Compare(string what, MonthFigure figure) => $"{what}: {figure.This} in {month.Name}, {figure.Previous} in {month.PreviousName}";
        var items = new List<EmailItem>
        {
            new(Count(program.ActiveMentorships, "active mentorship"), links.Connections(program.Id)),
            new(Compare("Meetings held", program.MeetingsHeld)),
            new(Compare("Goals achieved", program.GoalsAchieved)),
            new(Compare("Check-ins completed", program.CheckInsCompleted)),
            new($"{Count(program.OverdueGoals, "overdue goal")}, {Count(program.CheckInsPastDue, "check-in")} past due"),
        };
        items.AddRange(program.Quiet.Select(s => new EmailItem($"No meeting past the cadence: {s.Names}", links.Mentorship(s.MentorshipId),
            "quiet since " + MailTime.Date(DateOnly.FromDateTime(MailTime.ToLocal(s.QuietSinceUtc, person.TimeZoneId))))));
        items.AddRange(program.Attention.Take(AttentionShown).Select(a => new EmailItem($"{a.Why}: {a.Names}", links.Mentorship(a.MentorshipId), a.Detail)));
        if (program.Attention.Count > AttentionShown)
            items.Add(new EmailItem($"and {program.Attention.Count - AttentionShown} more needing attention", links.Connections(program.Id)));
        items.AddRange(program.Headlines.Select(line => new EmailItem(line)));
        items.Add(new EmailItem("Outcomes so far: retention, promotion and growth against colleagues", links.Report(program.Id)));
        return new EmailSection($"Program health: {program.Name}", items);
    }

    /// <summary>Whether a calendar day falls in the month's own days (the UTC date of local midnight is the day before, east of UTC).</summary>
    private static bool InMonth(DateOnly? day, DigestMonth month) => day >= month.FirstDay && day < month.EndDay;

    public static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static string Due(DateOnly dueOn, DateOnly today) => (dueOn < today ? "overdue since " : "due ") + MailTime.Date(dueOn);

    /// <summary>The check-in's kind as its page names it ("Midpoint check-in").</summary>
    private static string KindName(AssessmentKind kind) => kind.ToString().ToLowerInvariant();
}
