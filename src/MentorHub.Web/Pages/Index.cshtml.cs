
namespace MentorHub.Web.Pages;

/// <summary>Each person's home: what they coordinate, the mentorships they are in, what comes next and what is waiting for them.</summary>
public class IndexModel(MentorHubDbContext db, UserManager<AppUser> users, UserTime userTime, TimeProvider clock, FiguresCache cache) : PageModel
{
    public string DisplayName { get; private set; } = "";
    public bool IsAdministrator { get; private set; }
    public IReadOnlyList<ProgramCard> CoordinatedPrograms { get; private set; } = [];
    public IReadOnlyList<MentorshipCard> Mentorships { get; private set; } = [];
    /// <summary>The next few meetings across all the person's mentorships, with the mentorship each belongs to.</summary>
    public IReadOnlyList<(MeetingRow Meeting, MentorshipCard Mentorship)> UpcomingMeetings { get; private set; } = [];

    /// <summary>Goals, milestones and check-ins due within this many days (or overdue) are listed.</summary>
    public const int DueSoonDays = 14;

    /// <summary>The person's mentorships as a mentor, and as a mentee or peer.</summary>
    public IReadOnlyList<MentorshipCard> Mentoring { get; private set; } = [];
    public IReadOnlyList<MentorshipCard> Mentored { get; private set; } = [];
    public IReadOnlyList<GoalRow> Goals { get; private set; } = [];
    public IReadOnlyList<CheckInRow> PendingCheckIns { get; private set; } = [];
    public IReadOnlyList<EnrollmentRow> WaitingEnrollments { get; private set; } = [];
    public IReadOnlyList<RequestsRow> WaitingRequests { get; private set; } = [];
    public SiteStats? Stats { get; private set; }

    /// <summary>For coordinators: what needs doing across their programs, each linked to where it is done.</summary>
    public IReadOnlyList<MentorHub.Core.Mentoring.AttentionItem> Attention { get; private set; } = [];
    public UserTime Time => userTime;

    /// <summary>Coordinators and administrators who take part in no mentorship are not shown empty participant sections.</summary>
    public bool ShowsParticipantSections => Mentorships.Count > 0 || Goals.Count > 0 || WaitingEnrollments.Count > 0 || WaitingRequests.Count > 0 || (CoordinatedPrograms.Count == 0 && Stats is null);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = users.GetUserId(User)!;
        DisplayName = User.FindFirst(MentorHubClaimsPrincipalFactory.DisplayNameClaim)?.Value ?? "";
        IsAdministrator = User.IsInRole(Roles.Administrator);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = userTime.Today;

        var programs = db.Programs.AsNoTracking().Where(p => p.Status != ProgramStatus.Archived);
        if (!IsAdministrator) programs = programs.Where(p => p.Coordinators.Any(c => c.UserId == userId));
        CoordinatedPrograms = await Query.Programs.For(db)(db, userId, IsAdministrator, today).ToListAsync(ct);
        if (CoordinatedPrograms.Count > 0)
            Attention = await cache.GetAsync($"attention:{(IsAdministrator ? "all" : userId)}:{userTime.Zone.Id}",
                () => MentorHub.Core.Mentoring.CoordinatorAttention.LoadAsync(db, programs, now, utc => DateOnly.FromDateTime(userTime.ToLocal(utc)), ct), ct);

        // From the person's own memberships (by the user index), not from every open mentorship of the library.
        var mentorships = await Query.Mentorships.For(db)(db, userId).ToListAsync(ct);
        var mentorshipIds = mentorships.Select(m => m.Id).ToList();
        // A coordinator or administrator who takes part in no mentorship is spared the queries about them.
        var (others, recent, meetingRows, goalsDue, milestonesDue) = mentorshipIds.Count == 0
            ? MentorshipDetails.None : await MentorshipDetailsAsync(userId, mentorshipIds, now, today, ct);

        var horizon = today.AddDays(DueSoonDays);
        PendingCheckIns = await Query.CheckInsDue.For(db)(db, userId, horizon).ToListAsync(ct);

        Mentorships = mentorships.Select(m =>
        {
            var mine = m.MyRole is MemberRole.Mentor ? (Func<DueItem, bool>)(d => d.OwnerUserId != userId) : d => d.OwnerUserId == userId;
            var scheduled = meetingRows.Where(mt => mt.MentorshipId == m.Id).ToList();
            return new MentorshipCard(m.Id, m.Program, m.Cohort, m.Format, m.Status, m.MyRole, others[m.Id].ToList(), m.LastMetUtc,
                recent.Where(x => x.MentorshipId == m.Id).Select(x => new Activity(x.CreatedAtUtc, x.DisplayName, x.Kind, x.Percent, x.Title)).FirstOrDefault(),
                scheduled.FirstOrDefault(mt => mt.StartsAtUtc >= now), scheduled.Where(mt => mt.StartsAtUtc < now).ToList(),
                goalsDue.Where(g => g.MentorshipId == m.Id && mine(g)).ToList(), milestonesDue.Where(g => g.MentorshipId == m.Id && mine(g)).ToList(),
                PendingCheckIns.Where(c => c.MentorshipId == m.Id).ToList());
        }).ToList();
        Mentoring = Mentorships.Where(m => m.MyRole is MemberRole.Mentor).ToList();
        Mentored = Mentorships.Where(m => m.MyRole is not MemberRole.Mentor).ToList();
        UpcomingMeetings = meetingRows.Where(m => m.StartsAtUtc >= now).Take(5)
            .Select(mt => (mt, Mentorships.Single(m => m.Id == mt.MentorshipId))).ToList();

        Goals = (await Query.OpenGoals.For(db)(db, userId).ToListAsync(ct))
            .Select(g => new GoalRow(g.Id, g.Title, g.ProgressPercent, g.TargetDate, g.Status, g.Competency,
                g.Next is not null && g.NextDue is { } due ? new MilestoneDue(g.Next, due) : null))
            .ToList();

        // The person's enrollments, read once for the waiting list, mentors' requests and the checklist.
        var enrollments = await Query.Enrollments.For(db)(db, userId, now).ToListAsync(ct);
        var current = enrollments.Where(e => e.EndsOn >= today).ToList();
        // Enrolled or applied, not yet matched: the matching profile is what they can work on.
        WaitingEnrollments = current.Where(e => !e.Matched)
            .Select(e => new EnrollmentRow(e.Id, e.ProgramName, e.CohortName, e.Role, e.Status, e.Competencies, e.ChoiceMode)).ToList();
        WaitingRequests = enrollments.Where(e => e.Requests > 0).Select(e => new RequestsRow(e.Id, e.ProgramName, e.CohortName, e.Requests)).ToList();

        Checklist = await ChecklistAsync(userId, [.. current.Select(e => (e.Role, e.ProgramId))],
            mentorships.Any(m => m.HasMeetings), mentorships.Any(m => m.HasOwnGoal), ct);

        if (IsAdministrator)
        {
            // Counting every account and the month's meetings is most of this page's database time: kept until the next write.
            Stats = await cache.GetAsync("site-figures", () => db.Users.GroupBy(_ => 1).Select(g => new SiteStats(
                g.Count(),
                db.Programs.Count(p => p.Status == ProgramStatus.Active),
                db.Mentorships.Count(m => m.Status == MentorshipStatus.Active),
                db.Meetings.Count(m => m.Status == MeetingStatus.Held && m.StartsAtUtc >= now.AddDays(-30)))).FirstOrDefaultAsync(ct), ct);
        }
    }

    /// <summary>What is next in the person's mentorships: the other members, the latest activity, meetings, and goals and milestones due.</summary>
    private async Task<MentorshipDetails> MentorshipDetailsAsync(string userId, List<int> mentorshipIds, DateTime now, DateOnly today, CancellationToken ct)
    {
        // The other members by key (as a collection in the row above, SQLite built every mentorship's members first).
        var others = (await Query.OtherMembers.For(db)(db, userId, mentorshipIds).ToListAsync(ct))
            .OrderBy(mm => mm.Role == MemberRole.Mentor ? 0 : 1).ThenBy(mm => mm.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .ToLookup(mm => mm.MentorshipId, mm => mm.DisplayName);

        // The latest thing someone else did in each mentorship, from one bounded query.
        var recent = await Query.RecentUpdates.For(db)(db, userId, mentorshipIds).ToListAsync(ct);

        // Ordered as the (mentorship, status, start) index is, so the database reads only these mentorships' meetings
        // (ordered by start alone, SQLite walked every scheduled meeting of the library from a month ago); at most 50
        // a mentorship, then put in time order here.
        var meetingRows = (await Query.ScheduledMeetings.For(db)(db, mentorshipIds, now.AddDays(-30), 50 * mentorshipIds.Count).ToListAsync(ct))
            .OrderBy(mt => mt.StartsAtUtc).ToList();

        // Open goals and their open milestones due within two weeks (or overdue) in the person's mentorships: a mentor
        // sees their mentees', a mentee their own.
        var horizon = today.AddDays(DueSoonDays);
        var goalsDue = await Query.GoalsDue.For(db)(db, mentorshipIds, horizon).ToListAsync(ct);
        var milestonesDue = await Query.MilestonesDue.For(db)(db, mentorshipIds, horizon).ToListAsync(ct);
        return new MentorshipDetails(others, recent, meetingRows, goalsDue, milestonesDue);
    }

    internal sealed record RecentUpdate(int MentorshipId, string Title, DateTime CreatedAtUtc, GoalUpdateKind Kind, int? Percent, string DisplayName);

    private sealed record MentorshipDetails(ILookup<int, string> Others, List<RecentUpdate> Recent, List<MeetingRow> Meetings, List<DueItem> GoalsDue, List<DueItem> MilestonesDue)
    {
        public static readonly MentorshipDetails None = new(Array.Empty<int>().ToLookup(id => id, id => ""), [], [], [], []);
    }

    /// <summary>
    /// The first steps for someone taking part, for their roles, shown until all are done: complete the profile,
    /// subscribe to the calendar, finish mentor training, schedule a first meeting, set a first goal.
    /// </summary>
    private async Task<IReadOnlyList<ChecklistItem>> ChecklistAsync(string userId, List<(EnrollmentRole Role, int ProgramId)> enrollments,
        bool met, bool hasOwnGoal, CancellationToken ct)
    {
        if (enrollments.Count == 0 && Mentorships.Count == 0) return [];
        var me = await Query.ProfileSteps.For(db)(db, userId, ct);
        var items = new List<ChecklistItem>
        {
            new("Complete your profile (job title and branch)", "/Account/Profile", !string.IsNullOrEmpty(me.JobTitle) && !string.IsNullOrEmpty(me.Branch)),
            new("Subscribe to your meetings calendar", "/Me/Calendar", me.HasFeed),
        };
        var mentorPrograms = enrollments.Where(e => e.Role == EnrollmentRole.Mentor).Select(e => e.ProgramId).Distinct().ToList();
        if (mentorPrograms.Count > 0)
        {
            var training = await Query.RequiredTraining.For(db)(db, userId, mentorPrograms).ToListAsync(ct);
            if (training.Count > 0)
                items.Add(new("Finish your mentor training", $"/Training/{(training.FirstOrDefault(t => !t.Done) ?? training[0]).Id}", training.All(t => t.Done)));
        }
        if (Mentorships.FirstOrDefault(m => m.Status == MentorshipStatus.Active) is { } first)
        {
            items.Add(new("Schedule a first meeting", $"/Mentorships/{first.Id}/Meetings/New", met));
            if (Mentored.FirstOrDefault(m => m.Status == MentorshipStatus.Active) is { } mine)
                items.Add(new("Set a first goal with your mentor", $"/Mentorships/{mine.Id}/Goals/New", hasOwnGoal));
        }
        return items.All(i => i.Done) ? [] : items;
    }

    /// <summary>
    /// The home page's queries, compiled once: every signed-in person lands on this page, and EF Core's preparation of a
    /// query (finding its parameters, looking it up in its cache by the whole expression) was a fifth of the page's time
    /// under load. The values they depend on (today, the horizon of what is due) are computed by the page and passed in.
    /// </summary>
    private static class Query
    {
        /// <summary>The programs the person coordinates, or every program for an administrator (the few a library runs).</summary>
        public static readonly CompiledQuery<Func<MentorHubDbContext, string, bool, DateOnly, IAsyncEnumerable<ProgramCard>>> Programs = new(() => EF.CompileAsyncQuery(
            (MentorHubDbContext db, string userId, bool all, DateOnly today) => db.Programs.AsNoTracking()
                .Where(p => p.Status != ProgramStatus.Archived && (all || p.Coordinators.Any(c => c.UserId == userId)))
                .OrderBy(p => p.Name)
                .Select(p => new ProgramCard(p.Id, p.Name, p.Format, p.Status,
                    p.Cohorts.Count(c => c.EndsOn >= today),
                    p.Cohorts.SelectMany(c => c.Mentorships).Count(m => m.Status == MentorshipStatus.Active),
                    p.Cohorts.SelectMany(c => c.Enrollments).Count(e => e.Status == EnrollmentStatus.Applied)))
                .Take(20)));

        /// <summary>From the person's own memberships (by the user index), not from every open mentorship of the library.</summary>
        public static readonly CompiledQuery<Func<MentorHubDbContext, string, IAsyncEnumerable<Membership>>> Mentorships = new(() => EF.CompileAsyncQuery(
            (MentorHubDbContext db, string userId) => db.MentorshipMembers.AsNoTracking()
                .Where(mm => mm.UserId == userId && mm.IsCurrent && mm.Mentorship!.Status != MentorshipStatus.Closed)
                .OrderBy(mm => mm.Mentorship!.Cohort!.Program!.Name).ThenBy(mm => mm.MentorshipId)
                .Select(mm => new Membership(mm.MentorshipId, mm.Mentorship!.Cohort!.Program!.Name, mm.Mentorship.Cohort.Name, mm.Mentorship.Cohort.Program.Format,
                    mm.Mentorship.Status, mm.Role,
                    mm.Mentorship.Meetings.Where(mt => mt.Status == MeetingStatus.Held).Max(mt => (DateTime?)mt.StartsAtUtc),
                    mm.Mentorship.Meetings.Any(),
                    mm.Mentorship.Goals.Any(g => g.OwnerMember!.UserId == userId)))));

        /// <summary>The other members by key (as a collection in the row above, SQLite built every mentorship's members first).</summary>
        public static readonly CompiledQuery<Func<MentorHubDbContext, string, List<int>, IAsyncEnumerable<OtherMember>>> OtherMembers = new(() => EF.CompileAsyncQuery(
            (MentorHubDbContext db, string userId, List<int> mentorshipIds) => db.MentorshipMembers.AsNoTracking()
                .Where(mm => mentorshipIds.Contains(mm.MentorshipId) && mm.UserId != userId && mm.IsCurrent)
                .Select(mm => new OtherMember(mm.MentorshipId, mm.Role, mm.User!.DisplayName))));

        /// <summary>The latest things others did in the mentorships, from one bounded query.</summary>
        public static readonly CompiledQuery<Func<MentorHubDbContext, string, List<int>, IAsyncEnumerable<RecentUpdate>>> RecentUpdates = new(() => EF.CompileAsyncQuery(
            (MentorHubDbContext db, string userId, List<int> mentorshipIds) => db.GoalUpdates.AsNoTracking().Where(u => u.AuthorUserId != userId)
                .Join(db.Goals.Where(g => mentorshipIds.Contains(g.MentorshipId)), u => u.GoalId, g => g.Id, (u, g) => new { u, g.MentorshipId, g.Title })
                .Join(db.Users, x => x.u.AuthorUserId, a => a.Id, (x, a) => new { x.MentorshipId, x.Title, x.u.CreatedAtUtc, x.u.Kind, x.u.Percent, a.DisplayName })
                .OrderByDescending(x => x.CreatedAtUtc).Take(100)
                .Select(x => new RecentUpdate(x.MentorshipId, x.Title, x.CreatedAtUtc, x.Kind, x.Percent, x.DisplayName))));

        /// <summary>
        /// Ordered as the (mentorship, status, start) index is, so the database reads only these mentorships' meetings
        /// (ordered by start alone, SQLite walked every scheduled meeting of the library from a month ago); at most
        /// <c>limit</c>, which the page sets to 50 a mentorship.
        /// </summary>
        public static readonly CompiledQuery<Func<MentorHubDbContext, List<int>, DateTime, int, IAsyncEnumerable<MeetingRow>>> ScheduledMeetings = new(() => EF.CompileAsyncQuery(
            (MentorHubDbContext db, List<int> mentorshipIds, DateTime fromUtc, int limit) => db.Meetings.AsNoTracking()
                .Where(mt => mt.Status == MeetingStatus.Scheduled && mentorshipIds.Contains(mt.MentorshipId) && mt.StartsAtUtc >= fromUtc)
                .OrderBy(mt => mt.MentorshipId).ThenBy(mt => mt.StartsAtUtc).Take(limit)
                .Select(mt => new MeetingRow(mt.Id, mt.MentorshipId, mt.StartsAtUtc, mt.DurationMinutes, mt.Modality))));

        /// <summary>
        /// Open goals due by the horizon (or overdue) in the mentorships: a mentor sees their mentees', a mentee their own
        /// (the page tells them apart).
        /// </summary>
        public static readonly CompiledQuery<Func<MentorHubDbContext, List<int>, DateOnly, IAsyncEnumerable<DueItem>>> GoalsDue = new(() => EF.CompileAsyncQuery(
            (MentorHubDbContext db, List<int> mentorshipIds, DateOnly horizon) => db.Goals.AsNoTracking()
                .Where(g => mentorshipIds.Contains(g.MentorshipId) && (g.Status == GoalStatus.NotStarted || g.Status == GoalStatus.InProgress) && g.TargetDate <= horizon)
                .OrderBy(g => g.TargetDate).Take(200)
                .Select(g => new DueItem(g.MentorshipId, g.Id, g.OwnerMember!.UserId, g.OwnerMember.User!.DisplayName, g.Title, null, g.TargetDate))));

        /// <summary>The open milestones of open goals due by the horizon (or overdue) in the mentorships.</summary>
        public static readonly CompiledQuery<Func<MentorHubDbContext, List<int>, DateOnly, IAsyncEnumerable<DueItem>>> MilestonesDue = new(() => EF.CompileAsyncQuery(
            (MentorHubDbContext db, List<int> mentorshipIds, DateOnly horizon) => db.Goals.AsNoTracking()
                .Where(g => mentorshipIds.Contains(g.MentorshipId) && (g.Status == GoalStatus.NotStarted || g.Status == GoalStatus.InProgress))
                .SelectMany(g => g.Milestones.Where(ms => ms.CompletedAtUtc == null && ms.DueOn <= horizon),
                    (g, ms) => new { g.MentorshipId, GoalId = g.Id, g.OwnerMember!.UserId, g.OwnerMember.User!.DisplayName, g.Title, Milestone = ms.Title, ms.DueOn })
                .OrderBy(x => x.DueOn).Take(200)
                .Select(x => new DueItem(x.MentorshipId, x.GoalId, x.UserId, x.DisplayName, x.Title, x.Milestone, x.DueOn))));

        /// <summary>The person's own check-ins not yet submitted, due by the horizon (or overdue).</summary>
        public static readonly CompiledQuery<Func<MentorHubDbContext, string, DateOnly, IAsyncEnumerable<CheckInRow>>> CheckInsDue = new(() => EF.CompileAsyncQuery(
            (MentorHubDbContext db, string userId, DateOnly horizon) => db.Assessments.AsNoTracking()
                .Where(a => a.SubmittedAtUtc == null && a.Member!.UserId == userId && a.DueOn <= horizon && a.Member.IsCurrent)
                .OrderBy(a => a.DueOn)
                .Select(a => new CheckInRow(a.Id, a.Member!.MentorshipId, a.Kind, a.DueOn, a.Member.Mentorship!.Cohort!.Program!.Name))));

        /// <summary>
        /// The person's open goals, with the next milestone as two scalar subqueries of each goal shown: as one row it
        /// became a window over every milestone of the library.
        /// </summary>
        public static readonly CompiledQuery<Func<MentorHubDbContext, string, IAsyncEnumerable<OpenGoal>>> OpenGoals = new(() => EF.CompileAsyncQuery(
            (MentorHubDbContext db, string userId) => db.Goals.AsNoTracking()
                .Where(g => g.OwnerMember!.UserId == userId && g.OwnerMember.IsCurrent && (g.Status == GoalStatus.NotStarted || g.Status == GoalStatus.InProgress))
                .OrderBy(g => g.TargetDate)
                .Select(g => new OpenGoal(g.Id, g.Title, g.ProgressPercent, g.TargetDate, g.Status, g.Competency!.Name,
                    g.Milestones.Where(ms => ms.CompletedAtUtc == null).OrderBy(ms => ms.DueOn).Select(ms => ms.Title).FirstOrDefault(),
                    g.Milestones.Where(ms => ms.CompletedAtUtc == null).OrderBy(ms => ms.DueOn).Select(ms => (DateOnly?)ms.DueOn).FirstOrDefault()))
                .Take(10)));

        /// <summary>The person's enrollments, read once for the waiting list, mentors' requests and the checklist.</summary>
        public static readonly CompiledQuery<Func<MentorHubDbContext, string, DateTime, IAsyncEnumerable<OwnEnrollment>>> Enrollments = new(() => EF.CompileAsyncQuery(
            (MentorHubDbContext db, string userId, DateTime now) => db.Enrollments.AsNoTracking()
                .Where(e => e.UserId == userId && (e.Status == EnrollmentStatus.Active || e.Status == EnrollmentStatus.Applied))
                .OrderBy(e => e.Cohort!.StartsOn)
                .Select(e => new OwnEnrollment(e.Id, e.Cohort!.ProgramId, e.Cohort.Program!.Name, e.Cohort.Name, e.Cohort.EndsOn, e.Cohort.ChoiceMode, e.Role, e.Status,
                    e.Competencies.Count,
                    db.MentorshipMembers.Any(mm => mm.EnrollmentId == e.Id && mm.IsCurrent),
                    e.Role == EnrollmentRole.Mentor && e.Status == EnrollmentStatus.Active
                        ? db.MentorRequests.Count(r => r.MentorEnrollmentId == e.Id && r.Status == MentorRequestStatus.Pending && r.ExpiresAtUtc > now)
                        : 0))));

        public static readonly CompiledQuery<Func<MentorHubDbContext, string, CancellationToken, Task<Profile>>> ProfileSteps = new(() => EF.CompileAsyncQuery(
            (MentorHubDbContext db, string userId, CancellationToken ct) => db.Users.AsNoTracking().Where(u => u.Id == userId)
                .Select(u => new Profile(u.JobTitle, u.Branch, u.CalendarFeedTokenHash != null)).Single()));

        /// <summary>The required training of the programs the person mentors in, and whether they finished each module.</summary>
        public static readonly CompiledQuery<Func<MentorHubDbContext, string, List<int>, IAsyncEnumerable<TrainingStep>>> RequiredTraining = new(() => EF.CompileAsyncQuery(
            (MentorHubDbContext db, string userId, List<int> programIds) => db.TrainingModules.AsNoTracking().Where(t => programIds.Contains(t.ProgramId) && t.IsRequired)
                .OrderBy(t => t.ProgramId).ThenBy(t => t.SortOrder)
                .Select(t => new TrainingStep(t.Id, db.TrainingCompletions.Any(c => c.TrainingModuleId == t.Id && c.UserId == userId)))));
    }

    internal sealed record Membership(int Id, string Program, string Cohort, ProgramFormat Format, MentorshipStatus Status, MemberRole MyRole, DateTime? LastMetUtc,
        bool HasMeetings, bool HasOwnGoal);
    internal sealed record OtherMember(int MentorshipId, MemberRole Role, string DisplayName);
    internal sealed record OpenGoal(int Id, string Title, int ProgressPercent, DateOnly TargetDate, GoalStatus Status, string? Competency, string? Next, DateOnly? NextDue);
    internal sealed record OwnEnrollment(int Id, int ProgramId, string ProgramName, string CohortName, DateOnly EndsOn, MenteeChoiceMode ChoiceMode, EnrollmentRole Role,
        EnrollmentStatus Status, int Competencies, bool Matched, int Requests);
    internal sealed record Profile(string? JobTitle, string? Branch, bool HasFeed);
    internal sealed record TrainingStep(int Id, bool Done);

    /// <summary>Getting started: empty once every step is done.</summary>
    public IReadOnlyList<ChecklistItem> Checklist { get; private set; } = [];

    public sealed record ChecklistItem(string Text, string Link, bool Done);

    public static string LinkTo(MentorHub.Core.Mentoring.AttentionItem item)
    {
        var cohort = $"/Programs/{item.ProgramId}/Cohorts/{item.CohortId}";
        return item.Kind switch
        {
            MentorHub.Core.Mentoring.AttentionKind.AtRiskPairs or MentorHub.Core.Mentoring.AttentionKind.CheckInsOverdue => $"{cohort}?show=at-risk#connections",
            MentorHub.Core.Mentoring.AttentionKind.ApplicationsWaiting => $"{cohort}?status=Applied",
            MentorHub.Core.Mentoring.AttentionKind.Unmatched => $"{cohort}/Matching",
            MentorHub.Core.Mentoring.AttentionKind.RequestsToApprove => $"{cohort}/Choice#to-approve",
            MentorHub.Core.Mentoring.AttentionKind.MentorsMissingTraining => $"{cohort}?role=Mentor",
            MentorHub.Core.Mentoring.AttentionKind.CohortEnded => $"{cohort}/Complete",
            MentorHub.Core.Mentoring.AttentionKind.InvitationsNotAccepted => $"{cohort}?status=Invited",
            _ => cohort,
        };
    }

    public sealed record ProgramCard(int Id, string Name, ProgramFormat Format, ProgramStatus Status, int OpenCohorts, int ActiveMentorships, int Applications);
    /// <summary>
    /// One mentorship on the home page with what is next in it: the next meeting, meetings waiting to be logged, goals and
    /// milestones due (a mentor's mentees', or the person's own), and the person's own check-ins due.
    /// </summary>
    public sealed record MentorshipCard(int Id, string ProgramName, string CohortName, ProgramFormat Format, MentorshipStatus Status, MemberRole MyRole, List<string> Others,
        DateTime? LastMetUtc, Activity? Latest, MeetingRow? NextMeeting, IReadOnlyList<MeetingRow> ToLog, IReadOnlyList<DueItem> GoalsDue, IReadOnlyList<DueItem> MilestonesDue,
        IReadOnlyList<CheckInRow> CheckInsDue)
    {
        public string With => string.Join(" & ", Others);
    }

    /// <summary>A goal (Milestone null) or one of its milestones, due on a day, and whose goal it is.</summary>
    public sealed record DueItem(int MentorshipId, int GoalId, string OwnerUserId, string Owner, string Goal, string? Milestone, DateOnly DueOn);

    /// <summary>The latest thing someone else did in a mentorship: what a mentor glances at for each mentee.</summary>
    public sealed record Activity(DateTime AtUtc, string Who, GoalUpdateKind Kind, int? Percent, string Goal);
    public sealed record MeetingRow(int Id, int MentorshipId, DateTime StartsAtUtc, int DurationMinutes, Modality Modality);
    public sealed record MilestoneDue(string Title, DateOnly DueOn);
    public sealed record GoalRow(int Id, string Title, int ProgressPercent, DateOnly TargetDate, GoalStatus Status, string? Competency, MilestoneDue? NextMilestone);
    public sealed record CheckInRow(int Id, int MentorshipId, AssessmentKind Kind, DateOnly DueOn, string ProgramName);
    public sealed record EnrollmentRow(int Id, string ProgramName, string CohortName, EnrollmentRole Role, EnrollmentStatus Status, int Competencies, MenteeChoiceMode ChoiceMode = MenteeChoiceMode.None);

    /// <summary>A mentor's cohort where mentees' requests wait for their answer.</summary>
    public sealed record RequestsRow(int EnrollmentId, string ProgramName, string CohortName, int Waiting);
    public sealed record SiteStats(int Users, int ActivePrograms, int ActiveMentorships, int MeetingsLast30Days);
}
