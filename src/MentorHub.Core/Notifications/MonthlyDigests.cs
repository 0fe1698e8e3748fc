using System.Globalization;
using MentorHub.Core.Data;
using MentorHub.Core.Domain;
using MentorHub.Core.Notifications.Templates;
using MentorHub.Core.Outcomes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MentorHub.Core.Notifications;

/// <summary>A calendar month in the zone digests are reckoned in, with its bounds in UTC.</summary>
public sealed record DigestMonth(int Year, int Month, DateTime StartUtc, DateTime EndUtc)
{
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");
    public string Name => new DateTime(Year, Month, 1, 0, 0, 0, DateTimeKind.Unspecified).ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>The month's first calendar day, for dates (not instants) such as the day a goal was achieved.</summary>
    public DateOnly FirstDay => new(Year, Month, 1);

    /// <summary>The first calendar day after the month.</summary>
    public DateOnly EndDay => FirstDay.AddMonths(1);

    /// <summary>When the month before began, in UTC, so a digest can set this month's figures against it.</summary>
    public DateTime PreviousStartUtc { get; init; }

    public string PreviousName => FirstDay.AddMonths(-1).ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>The month that ended before <paramref name="nowUtc"/>, reckoned in <paramref name="zone"/>.</summary>
    public static DigestMonth JustEnded(DateTime nowUtc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc), zone);
        var previous = new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(-1);
        return Of(previous.Year, previous.Month, zone);
    }

    public static DigestMonth Of(int year, int month, TimeZoneInfo zone)
    {
        var start = new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        return new DigestMonth(year, month, TimeZoneInfo.ConvertTimeToUtc(start, zone), TimeZoneInfo.ConvertTimeToUtc(start.AddMonths(1), zone))
        {
            PreviousStartUtc = TimeZoneInfo.ConvertTimeToUtc(start.AddMonths(-1), zone),
        };
    }
}

public sealed record DigestRunResult(int People, int Queued, int Batches);

/// <summary>
/// The monthly digest: one message per person and month (dedupe key <c>digest:YYYY-MM:user:N</c>). Mentees and peers
/// read their goals, milestones and check-ins due or overdue, and meetings; mentors each mentee by name, with the goals
/// they moved or achieved and what is due, each linked; coordinators their programs' figures against the month before
/// and the pairs needing attention (quiet past the cadence, goals past target, check-ins past due), each linked.
/// A person with nothing to report gets none. People are composed in
/// batches with a fixed number of queries per batch, whatever its size; a coordinator's program adds its outcome
/// headlines, computed once per program and run.
/// </summary>
public sealed class MonthlyDigests(MentorHubDbContext db, NotificationOutbox outbox, TimeProvider clock, IOptions<NotificationOptions> options,
    IOptions<ReportOptions> reportOptions, ILogger<MonthlyDigests> logger)
{
    private readonly Dictionary<int, IReadOnlyList<string>> _headlines = [];

    public const int DefaultBatchSize = 500;
    private static readonly MentorshipStatus[] Running = [MentorshipStatus.Active, MentorshipStatus.Paused];

    public async Task<DigestRunResult> QueueAsync(DigestMonth month, CancellationToken cancellationToken, int batchSize = DefaultBatchSize)
    {
        string? after = null;
        int people = 0, queued = 0, batches = 0;
        while (true)
        {
            var candidates = Candidates();
            if (after is not null) candidates = candidates.Where(id => string.Compare(id, after) > 0);
            var ids = await candidates.OrderBy(id => id).Take(batchSize).ToListAsync(cancellationToken);
            if (ids.Count == 0) break;
            var digests = await ComposeAsync(ids, month, cancellationToken);
            queued += await outbox.QueueNewAndSaveAsync(digests, cancellationToken);
            db.ChangeTracker.Clear();
            people += ids.Count;
            batches++;
            after = ids[^1];
        }
        logger.LogInformation("Monthly digests for {Month}: {People} people considered, {Queued} digests queued in {Batches} batches", month.Key, people, queued, batches);
        return new DigestRunResult(people, queued, batches);
    }

    /// <summary>Everyone who might have something to report: members of running mentorships and coordinators of live programs.</summary>
    private IQueryable<string> Candidates() =>
        db.MentorshipMembers.Where(m => Running.Contains(m.Mentorship!.Status) && m.Enrollment!.Status == EnrollmentStatus.Active).Select(m => m.UserId)
            .Union(db.ProgramCoordinators.Where(c => db.Programs.Any(p => p.Id == c.ProgramId && p.Status != ProgramStatus.Archived)).Select(c => c.UserId));

    /// <summary>The digests of these people (those with something to report), in a fixed number of queries.</summary>
    public async Task<List<OutgoingEmail>> ComposeAsync(IReadOnlyList<string> userIds, DigestMonth month, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var horizon = now.AddDays(31);
        var links = options.Value.Links;

        var people = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new Recipient(u.Id, u.Email ?? "", u.DisplayName, u.TimeZoneId, u.MutedNotifications)).ToListAsync(cancellationToken);

        // Their memberships in running mentorships, then every member of those mentorships.
        var mine = await db.MentorshipMembers.AsNoTracking()
            .Where(m => userIds.Contains(m.UserId) && Running.Contains(m.Mentorship!.Status) && m.Enrollment!.Status == EnrollmentStatus.Active)
            .Select(m => new { m.Id, m.UserId, m.Role, m.MentorshipId, ProgramName = m.Mentorship!.Cohort!.Program!.Name }).ToListAsync(cancellationToken);
        var mentorshipIds = mine.Select(m => m.MentorshipId).Distinct().ToList();
        var members = await db.MentorshipMembers.AsNoTracking().Where(m => mentorshipIds.Contains(m.MentorshipId))
            .Select(m => new { m.Id, m.UserId, m.Role, m.MentorshipId, m.User!.DisplayName }).ToListAsync(cancellationToken);

        var goals = await db.Goals.AsNoTracking().Where(g => mentorshipIds.Contains(g.MentorshipId)
                && (g.Status == GoalStatus.NotStarted || g.Status == GoalStatus.InProgress || g.Status == GoalStatus.Achieved))
            .Select(g => new { g.Id, g.MentorshipId, g.OwnerMemberId, g.Title, g.Status, g.ProgressPercent, g.TargetDate, g.AchievedOn }).ToListAsync(cancellationToken);
        // Calendar days of the month itself: the UTC date of local midnight is the day before, east of UTC.
        var monthStart = month.FirstDay;
        var monthEnd = month.EndDay;
        var milestoneHorizon = DateOnly.FromDateTime(horizon);
        var openGoalIds = goals.Where(g => g.Status is not GoalStatus.Achieved).Select(g => g.Id).ToList();
        var milestones = await db.Milestones.AsNoTracking()
            .Where(m => openGoalIds.Contains(m.GoalId) && m.CompletedAtUtc == null && m.DueOn <= milestoneHorizon)
            .OrderBy(m => m.DueOn).Select(m => new { m.GoalId, m.Title, m.DueOn }).ToListAsync(cancellationToken);
        // Goals moved in the month: updates per goal.
        var moved = await db.GoalUpdates.AsNoTracking()
            .Where(u => u.CreatedAtUtc >= month.StartUtc && u.CreatedAtUtc < month.EndUtc)
            .Join(db.Goals.Where(g => mentorshipIds.Contains(g.MentorshipId)), u => u.GoalId, g => g.Id, (u, g) => g.Id)
            .GroupBy(goal => goal).Select(g => new { GoalId = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.GoalId, x => x.Count, cancellationToken);
        // Check-ins not yet submitted, overdue or due within two weeks, of everyone in these mentorships.
        var memberIds = members.Select(m => m.Id).ToList();
        var checkInHorizon = today.AddDays(14);
        var checkIns = await db.Assessments.AsNoTracking()
            .Where(a => memberIds.Contains(a.MentorshipMemberId) && a.SubmittedAtUtc == null && a.DueOn <= checkInHorizon)
            .OrderBy(a => a.DueOn).Select(a => new { a.Id, a.MentorshipMemberId, a.Kind, a.DueOn }).ToListAsync(cancellationToken);
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => mentorshipIds.Contains(m.MentorshipId)
                && ((m.Status == MeetingStatus.Held && m.StartsAtUtc >= month.StartUtc && m.StartsAtUtc < month.EndUtc)
                    || (m.Status == MeetingStatus.Scheduled && m.StartsAtUtc > now && m.StartsAtUtc <= horizon)))
            .OrderBy(m => m.StartsAtUtc).Select(m => new { m.Id, m.MentorshipId, m.Status, m.StartsAtUtc }).ToListAsync(cancellationToken);

        // Coordinators: their live programs' health.
        var coordinated = await db.ProgramCoordinators.AsNoTracking()
            .Where(c => userIds.Contains(c.UserId) && db.Programs.Any(p => p.Id == c.ProgramId && p.Status != ProgramStatus.Archived))
            .Join(db.Programs, c => c.ProgramId, p => p.Id, (c, p) => new { c.UserId, ProgramId = p.Id, p.Name }).ToListAsync(cancellationToken);
        var programIds = coordinated.Select(c => c.ProgramId).Distinct().ToList();
        // Program health, one grouped count each (a single query with four correlated aggregates grows quadratically on SQLite).
        var running = db.Mentorships.Where(m => programIds.Contains(m.Cohort!.ProgramId) && m.Status == MentorshipStatus.Active);
        var active = await running.GroupBy(m => m.Cohort!.ProgramId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        // The month and the month before, side by side: meetings held, goals achieved, check-ins completed.
        var previousFirstDay = month.FirstDay.AddMonths(-1);
        var heldByMonth = await db.Meetings.Where(x => programIds.Contains(x.Mentorship!.Cohort!.ProgramId) && x.Status == MeetingStatus.Held && x.StartsAtUtc >= month.PreviousStartUtc && x.StartsAtUtc < month.EndUtc)
            .GroupBy(x => new { x.Mentorship!.Cohort!.ProgramId, This = x.StartsAtUtc >= month.StartUtc }).Select(g => new { g.Key.ProgramId, g.Key.This, Count = g.Count() }).ToListAsync(cancellationToken);
        var achieved = await db.Goals.Where(x => programIds.Contains(x.Mentorship!.Cohort!.ProgramId) && x.AchievedOn >= previousFirstDay && x.AchievedOn < month.EndDay)
            .GroupBy(x => new { x.Mentorship!.Cohort!.ProgramId, This = x.AchievedOn >= month.FirstDay }).Select(g => new { g.Key.ProgramId, g.Key.This, Count = g.Count() }).ToListAsync(cancellationToken);
        var completed = await db.Assessments.Where(a => programIds.Contains(a.Member!.Mentorship!.Cohort!.ProgramId) && a.SubmittedAtUtc >= month.PreviousStartUtc && a.SubmittedAtUtc < month.EndUtc)
            .GroupBy(a => new { a.Member!.Mentorship!.Cohort!.ProgramId, This = a.SubmittedAtUtc >= month.StartUtc }).Select(g => new { g.Key.ProgramId, g.Key.This, Count = g.Count() }).ToListAsync(cancellationToken);
        // Pairs needing attention: goals past their target, check-ins past due (per mentorship), and quiet ones.
        var overdueGoals = await db.Goals.Where(x => running.Any(m => m.Id == x.MentorshipId) && (x.Status == GoalStatus.NotStarted || x.Status == GoalStatus.InProgress) && x.TargetDate < today)
            .GroupBy(x => new { x.MentorshipId, x.Mentorship!.Cohort!.ProgramId }).Select(g => new { g.Key.MentorshipId, g.Key.ProgramId, Count = g.Count() }).ToListAsync(cancellationToken);
        var missingCheckIns = await db.Assessments.Where(a => running.Any(m => m.Id == a.Member!.MentorshipId) && a.SubmittedAtUtc == null && a.DueOn < today)
            .GroupBy(a => new { a.Member!.MentorshipId, a.Member.Mentorship!.Cohort!.ProgramId }).Select(g => new { g.Key.MentorshipId, g.Key.ProgramId, Count = g.Count() }).ToListAsync(cancellationToken);
        var attentionIds = overdueGoals.Select(x => x.MentorshipId).Union(missingCheckIns.Select(x => x.MentorshipId)).ToList();
        var pairNames = (await db.MentorshipMembers.AsNoTracking().Where(m => attentionIds.Contains(m.MentorshipId) && m.IsCurrent)
                .Select(m => new { m.MentorshipId, m.Role, m.User!.DisplayName }).ToListAsync(cancellationToken))
            .GroupBy(m => m.MentorshipId)
            .ToDictionary(g => g.Key, g => string.Join(" & ", g.OrderBy(m => m.Role is MemberRole.Mentor ? 0 : 1).ThenBy(m => m.DisplayName, StringComparer.CurrentCulture).Select(m => m.DisplayName)));
        var stalled = programIds.Count == 0 ? [] : await StalledMentorships.FindAsync(db, now, programIds, cancellationToken);

        var digests = new List<OutgoingEmail>();
        foreach (var person in people)
        {
            var blocks = new List<EmailBlock>();
            foreach (var membership in mine.Where(m => m.UserId == person.UserId))
            {
                var partners = members.Where(m => m.MentorshipId == membership.MentorshipId && m.UserId != person.UserId).ToList();
                var heading = $"{membership.ProgramName}: with {string.Join(" and ", partners.Select(p => p.DisplayName))}";
                var held = meetings.Count(m => m.MentorshipId == membership.MentorshipId && m.Status == MeetingStatus.Held);
                var upcoming = meetings.Where(m => m.MentorshipId == membership.MentorshipId && m.Status == MeetingStatus.Scheduled).ToList();
                var items = new List<EmailItem>
                {
                    new($"{Count(held, "meeting")} held in {month.Name}", links.Mentorship(membership.MentorshipId)),
                };
                items.AddRange(upcoming.Select(m => new EmailItem("Next meeting: " + MailTime.Format(m.StartsAtUtc, person.TimeZoneId), links.Meeting(m.Id))));

                if (membership.Role is MemberRole.Mentor)
                {
                    foreach (var mentee in partners.Where(p => p.Role is not MemberRole.Mentor))
                    {
                        var theirGoals = goals.Where(g => g.OwnerMemberId == mentee.Id).ToList();
                        var achievedGoals = theirGoals.Where(g => g.AchievedOn >= monthStart && g.AchievedOn < monthEnd).ToList();
                        var updated = theirGoals.Sum(g => moved.GetValueOrDefault(g.Id));
                        var open = theirGoals.Where(g => g.Status is not GoalStatus.Achieved).ToList();
                        items.Add(new EmailItem($"{mentee.DisplayName}: {Count(updated, "goal update")}, {Count(achievedGoals.Count, "goal")} achieved in {month.Name}",
                            links.Mentorship(membership.MentorshipId),
                            open.Count == 0 ? "no open goals" : $"{Count(open.Count, "open goal")}, {open.Count(g => g.TargetDate < today)} overdue"));
                        foreach (var goal in achievedGoals)
                            items.Add(new EmailItem($"{mentee.DisplayName} achieved “{goal.Title}”", links.Goal(goal.Id)));
                        foreach (var goal in open.Where(g => moved.ContainsKey(g.Id)))
                            items.Add(new EmailItem($"{mentee.DisplayName} moved “{goal.Title}”", links.Goal(goal.Id), $"now {goal.ProgressPercent}% · {Count(moved[goal.Id], "update")} in {month.Name}"));
                        foreach (var goal in open.Where(g => g.TargetDate < today))
                            items.Add(new EmailItem($"{mentee.DisplayName}'s goal “{goal.Title}” is past its target", links.Goal(goal.Id), "target " + MailTime.Date(goal.TargetDate)));
                        foreach (var milestone in milestones.Where(m => open.Any(g => g.Id == m.GoalId)))
                            items.Add(new EmailItem($"{mentee.DisplayName}'s milestone: {milestone.Title}", links.Goal(milestone.GoalId), Due(milestone.DueOn, today)));
                        foreach (var checkIn in checkIns.Where(c => c.MentorshipMemberId == mentee.Id))
                            items.Add(new EmailItem($"{mentee.DisplayName}'s {KindName(checkIn.Kind)} check-in", links.Mentorship(membership.MentorshipId), Due(checkIn.DueOn, today)));
                    }
                }
                else
                {
                    var memberId = membership.Id;
                    foreach (var goal in goals.Where(g => g.OwnerMemberId == memberId))
                    {
                        var detail = goal.Status is GoalStatus.Achieved
                            ? goal.AchievedOn >= monthStart && goal.AchievedOn < monthEnd ? $"achieved in {month.Name}" : null
                            : $"{goal.ProgressPercent}% · target {MailTime.Date(goal.TargetDate)}{(goal.TargetDate < today ? " (overdue)" : "")}";
                        if (detail is not null) items.Add(new EmailItem("Goal: " + goal.Title, links.Goal(goal.Id), detail));
                        foreach (var milestone in milestones.Where(m => m.GoalId == goal.Id))
                            items.Add(new EmailItem("Milestone: " + milestone.Title, links.Goal(goal.Id), Due(milestone.DueOn, today)));
                    }
                }
                // The person's own check-ins, whatever their role.
                foreach (var checkIn in checkIns.Where(c => c.MentorshipMemberId == membership.Id))
                    items.Add(new EmailItem($"Your {KindName(checkIn.Kind)} check-in", links.CheckIn(checkIn.Id), Due(checkIn.DueOn, today)));
                blocks.Add(new EmailSection(heading, items));
            }

            foreach (var program in coordinated.Where(c => c.UserId == person.UserId))
            {
                if (!active.TryGetValue(program.ProgramId, out var activeCount)) continue;
                var quiet = stalled.Where(s => s.ProgramId == program.ProgramId).ToList();
                int Of<T>(IEnumerable<T> rows, Func<T, int> programOf, Func<T, bool> thisMonth, Func<T, int> count, bool current) =>
                    rows.Where(r => programOf(r) == program.ProgramId && thisMonth(r) == current).Sum(count);
                string Compare(string what, Func<bool, int> figure) => $"{what}: {figure(true)} in {month.Name}, {figure(false)} in {month.PreviousName}";
                var lateGoals = overdueGoals.Where(x => x.ProgramId == program.ProgramId).ToList();
                var lateCheckIns = missingCheckIns.Where(x => x.ProgramId == program.ProgramId).ToList();
                var items = new List<EmailItem>
                {
                    new(Count(activeCount, "active mentorship"), links.Connections(program.ProgramId)),
                    new(Compare("Meetings held", current => Of(heldByMonth, x => x.ProgramId, x => x.This, x => x.Count, current))),
                    new(Compare("Goals achieved", current => Of(achieved, x => x.ProgramId, x => x.This, x => x.Count, current))),
                    new(Compare("Check-ins completed", current => Of(completed, x => x.ProgramId, x => x.This, x => x.Count, current))),
                    new($"{Count(lateGoals.Sum(x => x.Count), "overdue goal")}, {Count(lateCheckIns.Sum(x => x.Count), "check-in")} past due"),
                };
                items.AddRange(quiet.Select(s => new EmailItem($"No meeting past the cadence: {s.Names}", links.Mentorship(s.MentorshipId),
                    "quiet since " + MailTime.Date(DateOnly.FromDateTime(MailTime.ToLocal(s.QuietSinceUtc, person.TimeZoneId))))));
                var attention = lateGoals.Select(x => new EmailItem($"Goals past their target: {pairNames.GetValueOrDefault(x.MentorshipId)}", links.Mentorship(x.MentorshipId), Count(x.Count, "goal")))
                    .Concat(lateCheckIns.Select(x => new EmailItem($"Check-ins past due: {pairNames.GetValueOrDefault(x.MentorshipId)}", links.Mentorship(x.MentorshipId), Count(x.Count, "check-in"))))
                    .ToList();
                items.AddRange(attention.Take(AttentionShown));
                if (attention.Count > AttentionShown)
                    items.Add(new EmailItem($"and {attention.Count - AttentionShown} more needing attention", links.Connections(program.ProgramId)));
                items.AddRange((await HeadlinesAsync(program.ProgramId, today, cancellationToken)).Select(line => new EmailItem(line)));
                items.Add(new EmailItem("Outcomes so far: retention, promotion and growth against colleagues", links.Report(program.ProgramId)));
                blocks.Add(new EmailSection($"Program health: {program.Name}", items));
            }

            if (blocks.Count == 0) continue;
            blocks.Insert(0, new EmailParagraph($"Here is how {month.Name} went in your MentorHub programs, and what comes next."));
            blocks.Add(new EmailButton("Open MentorHub", links.Home));
            digests.Add(new OutgoingEmail(NotificationKind.MonthlyDigest, $"digest:{month.Key}:user:{person.UserId}", person,
                new EmailContent($"Your MentorHub digest for {month.Name}", person.Greeting, blocks) { PreferencesLink = links.Preferences }));
        }
        return digests;
    }

    /// <summary>The program's outcome figures in plain sentences (none while its groups are too small), once per program and run.</summary>
    private async Task<IReadOnlyList<string>> HeadlinesAsync(int programId, DateOnly today, CancellationToken ct)
    {
        if (_headlines.TryGetValue(programId, out var known)) return known;
        var scope = new ReportScope([programId]);
        var figures = await OutcomeReport.LoadAsync(db, scope, await OutcomeReport.PromotionYearsAsync(db, scope, null, today, ct), today, ct);
        return _headlines[programId] = figures is null ? [] : Headlines.Of(figures, reportOptions.Value.MinimumGroupSize, withGaps: false);
    }

    /// <summary>Pairs listed by name per program and list before the rest are summed up with a link to the connections page.</summary>
    private const int AttentionShown = 10;

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static string Due(DateOnly dueOn, DateOnly today) => (dueOn < today ? "overdue since " : "due ") + MailTime.Date(dueOn);

    /// <summary>The check-in's kind as its page names it ("Midpoint check-in").</summary>
    private static string KindName(AssessmentKind kind) => kind.ToString().ToLowerInvariant();
}
