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
        var people = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new Recipient(u.Id, u.Email ?? "", u.DisplayName, u.TimeZoneId, u.MutedNotifications)).ToListAsync(cancellationToken);
        var facts = await LoadAsync(userIds, month, cancellationToken);
        var links = options.Value.Links;
        var digests = new List<OutgoingEmail>();
        foreach (var person in people)
            if (DigestComposer.Compose(facts, person, links) is { } content)
                digests.Add(new OutgoingEmail(NotificationKind.MonthlyDigest, $"digest:{month.Key}:user:{person.UserId}", person, content));
        return digests;
    }

    /// <summary>Everything the batch's digests say, whatever the batch's size, in the same queries.</summary>
    private async Task<DigestFacts> LoadAsync(IReadOnlyList<string> userIds, DigestMonth month, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var horizon = now.AddDays(31);

        // Their memberships in running mentorships, then every member of those mentorships.
        var mine = await db.MentorshipMembers.AsNoTracking()
            .Where(m => userIds.Contains(m.UserId) && Running.Contains(m.Mentorship!.Status) && m.Enrollment!.Status == EnrollmentStatus.Active)
            .Select(m => new DigestMembership(m.Id, m.UserId, m.Role, m.MentorshipId, m.Mentorship!.Cohort!.Program!.Name)).ToListAsync(cancellationToken);
        var mentorshipIds = mine.Select(m => m.MentorshipId).Distinct().ToList();
        var members = await db.MentorshipMembers.AsNoTracking().Where(m => mentorshipIds.Contains(m.MentorshipId))
            .Select(m => new DigestMember(m.Id, m.UserId, m.Role, m.MentorshipId, m.User!.DisplayName)).ToListAsync(cancellationToken);
        var memberIds = members.Select(m => m.Id).ToList();

        var goals = await db.Goals.AsNoTracking().Where(g => mentorshipIds.Contains(g.MentorshipId)
                && (g.Status == GoalStatus.NotStarted || g.Status == GoalStatus.InProgress || g.Status == GoalStatus.Achieved))
            .Select(g => new DigestGoal(g.Id, g.MentorshipId, g.OwnerMemberId, g.Title, g.Status, g.ProgressPercent, g.TargetDate, g.AchievedOn)).ToListAsync(cancellationToken);
        var milestoneHorizon = DateOnly.FromDateTime(horizon);
        var openGoalIds = goals.Where(g => g.Status is not GoalStatus.Achieved).Select(g => g.Id).ToList();
        var milestones = await db.Milestones.AsNoTracking()
            .Where(m => openGoalIds.Contains(m.GoalId) && m.CompletedAtUtc == null && m.DueOn <= milestoneHorizon)
            .OrderBy(m => m.DueOn).Select(m => new DigestMilestone(m.GoalId, m.Title, m.DueOn)).ToListAsync(cancellationToken);
        var updates = await db.GoalUpdates.AsNoTracking()
            .Where(u => u.CreatedAtUtc >= month.StartUtc && u.CreatedAtUtc < month.EndUtc)
            .Join(db.Goals.Where(g => mentorshipIds.Contains(g.MentorshipId)), u => u.GoalId, g => g.Id, (u, g) => g.Id)
            .GroupBy(goal => goal).Select(g => new { GoalId = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.GoalId, x => x.Count, cancellationToken);
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => mentorshipIds.Contains(m.MentorshipId)
                && ((m.Status == MeetingStatus.Held && m.StartsAtUtc >= month.StartUtc && m.StartsAtUtc < month.EndUtc)
                    || (m.Status == MeetingStatus.Scheduled && m.StartsAtUtc > now && m.StartsAtUtc <= horizon)))
            .OrderBy(m => m.StartsAtUtc).Select(m => new DigestMeeting(m.Id, m.MentorshipId, m.Status, m.StartsAtUtc)).ToListAsync(cancellationToken);
        var checkInHorizon = today.AddDays(14);
        var checkIns = await db.Assessments.AsNoTracking()
            .Where(a => memberIds.Contains(a.MentorshipMemberId) && a.SubmittedAtUtc == null && a.DueOn <= checkInHorizon)
            .OrderBy(a => a.DueOn).Select(a => new DigestCheckIn(a.Id, a.MentorshipMemberId, a.Kind, a.DueOn)).ToListAsync(cancellationToken);

        return new DigestFacts(month, now)
        {
            Memberships = mine,
            Members = members,
            Goals = goals,
            Milestones = milestones,
            UpdatesByGoal = updates,
            Meetings = meetings,
            CheckIns = checkIns,
            Programs = await ProgramsAsync(userIds, month, now, cancellationToken),
        };
    }

    /// <summary>The live programs these people coordinate: the month against the month before, and the pairs needing attention.</summary>
    private async Task<List<DigestProgram>> ProgramsAsync(IReadOnlyList<string> userIds, DigestMonth month, DateTime now, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(now);
        var coordinated = await db.ProgramCoordinators.AsNoTracking()
            .Where(c => userIds.Contains(c.UserId) && db.Programs.Any(p => p.Id == c.ProgramId && p.Status != ProgramStatus.Archived))
            .Join(db.Programs, c => c.ProgramId, p => p.Id, (c, p) => new { c.UserId, ProgramId = p.Id, p.Name }).ToListAsync(cancellationToken);
        var programIds = coordinated.Select(c => c.ProgramId).Distinct().ToList();
        // One grouped count each (a single query with several correlated aggregates grows quadratically on SQLite).
        var running = db.Mentorships.Where(m => programIds.Contains(m.Cohort!.ProgramId) && m.Status == MentorshipStatus.Active);
        var active = await running.GroupBy(m => m.Cohort!.ProgramId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var previousFirstDay = month.FirstDay.AddMonths(-1);
        var held = await db.Meetings.Where(x => programIds.Contains(x.Mentorship!.Cohort!.ProgramId) && x.Status == MeetingStatus.Held && x.StartsAtUtc >= month.PreviousStartUtc && x.StartsAtUtc < month.EndUtc)
            .GroupBy(x => new { x.Mentorship!.Cohort!.ProgramId, This = x.StartsAtUtc >= month.StartUtc }).Select(g => new Counted(g.Key.ProgramId, g.Key.This, g.Count())).ToListAsync(cancellationToken);
        var achieved = await db.Goals.Where(x => programIds.Contains(x.Mentorship!.Cohort!.ProgramId) && x.AchievedOn >= previousFirstDay && x.AchievedOn < month.EndDay)
            .GroupBy(x => new { x.Mentorship!.Cohort!.ProgramId, This = x.AchievedOn >= month.FirstDay }).Select(g => new Counted(g.Key.ProgramId, g.Key.This, g.Count())).ToListAsync(cancellationToken);
        var completed = await db.Assessments.Where(a => programIds.Contains(a.Member!.Mentorship!.Cohort!.ProgramId) && a.SubmittedAtUtc >= month.PreviousStartUtc && a.SubmittedAtUtc < month.EndUtc)
            .GroupBy(a => new { a.Member!.Mentorship!.Cohort!.ProgramId, This = a.SubmittedAtUtc >= month.StartUtc }).Select(g => new Counted(g.Key.ProgramId, g.Key.This, g.Count())).ToListAsync(cancellationToken);
        // Goals past their target and check-ins past due, per mentorship, with the members' names.
        var lateGoals = await db.Goals.Where(x => running.Any(m => m.Id == x.MentorshipId) && (x.Status == GoalStatus.NotStarted || x.Status == GoalStatus.InProgress) && x.TargetDate < today)
            .GroupBy(x => new { x.MentorshipId, x.Mentorship!.Cohort!.ProgramId }).Select(g => new { g.Key.MentorshipId, g.Key.ProgramId, Count = g.Count() }).ToListAsync(cancellationToken);
        var lateCheckIns = await db.Assessments.Where(a => running.Any(m => m.Id == a.Member!.MentorshipId) && a.SubmittedAtUtc == null && a.DueOn < today)
            .GroupBy(a => new { a.Member!.MentorshipId, a.Member.Mentorship!.Cohort!.ProgramId }).Select(g => new { g.Key.MentorshipId, g.Key.ProgramId, Count = g.Count() }).ToListAsync(cancellationToken);
        var attentionIds = lateGoals.Select(x => x.MentorshipId).Union(lateCheckIns.Select(x => x.MentorshipId)).ToList();
        var names = (await db.MentorshipMembers.AsNoTracking().Where(m => attentionIds.Contains(m.MentorshipId) && m.IsCurrent)
                .Select(m => new { m.MentorshipId, m.Role, m.User!.DisplayName }).ToListAsync(cancellationToken))
            .GroupBy(m => m.MentorshipId)
            .ToDictionary(g => g.Key, g => string.Join(" & ", g.OrderBy(m => m.Role is MemberRole.Mentor ? 0 : 1).ThenBy(m => m.DisplayName, StringComparer.CurrentCulture).Select(m => m.DisplayName)));
        var stalled = programIds.Count == 0 ? [] : await StalledMentorships.FindAsync(db, now, programIds, cancellationToken);

        MonthFigure Figure(List<Counted> rows, int programId) =>
            new(rows.Where(r => r.ProgramId == programId && r.This).Sum(r => r.Count), rows.Where(r => r.ProgramId == programId && !r.This).Sum(r => r.Count));
        var programs = new List<DigestProgram>();
        foreach (var program in coordinated.GroupBy(c => c.ProgramId))
        {
            if (!active.TryGetValue(program.Key, out var activeCount)) continue;
            var goalsLate = lateGoals.Where(x => x.ProgramId == program.Key).ToList();
            var checkInsLate = lateCheckIns.Where(x => x.ProgramId == program.Key).ToList();
            var attention = goalsLate.Select(x => new DigestAttention(x.MentorshipId, names.GetValueOrDefault(x.MentorshipId, ""), "Goals past their target", DigestComposer.Count(x.Count, "goal")))
                .Concat(checkInsLate.Select(x => new DigestAttention(x.MentorshipId, names.GetValueOrDefault(x.MentorshipId, ""), "Check-ins past due", DigestComposer.Count(x.Count, "check-in"))))
                .ToList();
            programs.Add(new DigestProgram(program.Key, program.First().Name, program.Select(c => c.UserId).ToList(), activeCount,
                Figure(held, program.Key), Figure(achieved, program.Key), Figure(completed, program.Key), goalsLate.Sum(x => x.Count), checkInsLate.Sum(x => x.Count),
                stalled.Where(s => s.ProgramId == program.Key).ToList(), attention, await HeadlinesAsync(program.Key, today, cancellationToken)));
        }
        return programs;
    }

    private sealed record Counted(int ProgramId, bool This, int Count);

    /// <summary>The program's outcome figures in plain sentences (none while its groups are too small), once per program and run.</summary>
    private async Task<IReadOnlyList<string>> HeadlinesAsync(int programId, DateOnly today, CancellationToken ct)
    {
        if (_headlines.TryGetValue(programId, out var known)) return known;
        var scope = new ReportScope([programId]);
        var figures = await OutcomeReport.LoadAsync(db, scope, await OutcomeReport.PromotionYearsAsync(db, scope, null, today, ct), today, ct);
        return _headlines[programId] = figures is null ? [] : Headlines.Of(figures, reportOptions.Value.MinimumGroupSize, withGaps: false);
    }
}
