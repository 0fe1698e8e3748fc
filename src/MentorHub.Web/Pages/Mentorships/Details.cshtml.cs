
namespace MentorHub.Web.Pages.Mentorships;

/// <summary>A mentorship's workspace: members, the next meeting, goals, what happened lately, and shared resources.</summary>
public class DetailsModel(MentorHubDbContext db, UserManager<AppUser> users, UserTime time, TimeProvider clock, MentorHub.Core.Mentoring.Conversations conversations, Timeline timeline) : PageModel
{
    public Header Info { get; private set; } = null!;
    public IReadOnlyList<Member> Members { get; private set; } = [];
    public MeetingRow? NextMeeting { get; private set; }
    public IReadOnlyList<MeetingRow> ToLog { get; private set; } = [];
    public IReadOnlyList<GoalRow> Goals { get; private set; } = [];
    public Timeline.Page History { get; private set; } = new([], null);

    /// <summary>The timeline's filter and place, from the query string (links work without script).</summary>
    [BindProperty(SupportsGet = true, Name = "show")]
    public TimelineShow Show { get; set; }

    [BindProperty(SupportsGet = true, Name = "before")]
    public string? Before { get; set; }

    /// <summary>Scheduled meetings still ahead, soonest first.</summary>
    public IReadOnlyList<MeetingRow> Upcoming { get; private set; } = [];

    /// <summary>Open milestones of open goals, soonest due first.</summary>
    public IReadOnlyList<MilestoneRow> MilestonesDue { get; private set; } = [];
    public IReadOnlyList<ResourceRow> Resources { get; private set; } = [];
    public IReadOnlyList<WorkshopRow> Workshops { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Competencies { get; private set; } = [];
    public bool MayWork { get; private set; }
    public bool MayStartPulse { get; private set; }
    public UserTime Time => time;

    [BindProperty]
    public ResourceInput Resource { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>The signed-in member's fit-check answer; null when they are not a current member.</summary>
    public FitRow? MyFit { get; private set; }

    /// <summary>Every member's fit-check answer with their note, for the program's coordinators.</summary>
    public IReadOnlyList<FitRow> Fits { get; private set; } = [];

    /// <summary>A member asks the program's coordinators to end the mentorship; they decide on the end page.</summary>
    public async Task<IActionResult> OnPostAskToEndAsync(int id, string? reason, [FromServices] NotificationOutbox outbox, [FromServices] AppUrls urls, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !MayWork) return NotFound();
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 1000)
        {
            this.FlashError("Say in a few words (under 1,000 characters) why the mentorship should end.");
            return Redirect($"/Mentorships/{id}");
        }
        var me = Members.Single(m => m.UserId == users.GetUserId(User)).Name;
        var coordinators = await db.ProgramCoordinators.Where(c => c.ProgramId == Info.ProgramId).Select(c => c.User!).ToListAsync(ct);
        var pair = string.Join(" & ", Members.Select(m => m.Name));
        foreach (var coordinator in coordinators)
            await outbox.QueueAsync(ProgramEmails.EndRequested(Recipient.Of(coordinator), urls.Links, id, Info.ProgramName, me, pair, reason));
        db.Audit(nameof(Mentorship), id.ToString(System.Globalization.CultureInfo.InvariantCulture), "EndRequested", reason);
        await db.SaveChangesAsync(ct);
        this.FlashSuccess("Your coordinator has been asked to end the mentorship and will be in touch.");
        return Redirect($"/Mentorships/{id}");
    }

    /// <summary>A member answers "Is this a good fit?" privately: only coordinators read the answers and notes.</summary>
    public async Task<IActionResult> OnPostFitAsync(int id, FitAnswer? answer, string? note, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !MayWork || MyFit is null) return NotFound();
        if (answer is null || !Enum.IsDefined(answer.Value))
        {
            this.FlashError("Choose yes, not sure yet or no.");
            return Redirect($"/Mentorships/{id}#fit");
        }
        if (note?.Length > 1000)
        {
            this.FlashError("Keep the note under 1,000 characters.");
            return Redirect($"/Mentorships/{id}#fit");
        }
        var userId = users.GetUserId(User);
        var member = await db.MentorshipMembers.SingleAsync(m => m.MentorshipId == id && m.UserId == userId && m.IsCurrent, ct);
        member.AnswerFit(answer.Value, note, Info.MeetingsHeld > 0, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        this.FlashSuccess(answer is FitAnswer.No
            ? "Thank you. Your coordinator has been told and will be in touch about a new match."
            : "Thank you. Only your coordinator sees your answer.");
        return Redirect($"/Mentorships/{id}");
    }

    public async Task<IActionResult> OnPostResourceAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !MayWork) return NotFound();
        if (!ModelState.IsValid) return Page();
        var resource = MentorHub.Core.Domain.Resource.ForMentorship(id, Resource.Title.Trim(), Resource.Url.Trim(), Resource.Description?.Trim(), users.GetUserId(User)!, clock.GetUtcNow().UtcDateTime);
        foreach (var competencyId in Resource.CompetencyIds.Where(c => Competencies.Any(x => x.Id == c)).Distinct())
            resource.Tag(competencyId);
        db.Resources.Add(resource);
        await db.SaveChangesAsync(ct);
        this.FlashSuccess($"“{resource.Title}” shared with the mentorship.");
        return Redirect($"/Mentorships/{id}");
    }

    public async Task<IActionResult> OnPostRsvpAsync(int id, int workshopId, bool going, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !MayWork) return NotFound();
        var workshop = await db.Workshops.Include(w => w.Rsvps).SingleOrDefaultAsync(w => w.Id == workshopId && db.Mentorships.Any(m => m.Id == id && m.CohortId == w.CohortId), ct);
        if (workshop is null) return NotFound();
        var userId = users.GetUserId(User)!;
        try
        {
            if (going) workshop.Rsvp(userId, clock.GetUtcNow().UtcDateTime);
            else workshop.CancelRsvp(userId);
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException ex)
        {
            this.FlashError(ex.Message);
            return Redirect($"/Mentorships/{id}");
        }
        catch (DbUpdateConcurrencyException)
        {
            this.FlashError("Someone else replied at the same moment; please try again.");
            return Redirect($"/Mentorships/{id}");
        }
        this.FlashSuccess(going ? $"You're going to “{workshop.Title}”." : $"You're no longer going to “{workshop.Title}”.");
        return Redirect($"/Mentorships/{id}");
    }

    /// <summary>The optional monthly pulse: a short check-in any developing member can start, at most one a month.</summary>
    public async Task<IActionResult> OnPostPulseAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !MayStartPulse) return NotFound();
        var userId = users.GetUserId(User);
        var memberId = await db.MentorshipMembers.Where(m => m.MentorshipId == id && m.UserId == userId).Select(m => m.Id).SingleAsync(ct);
        var pulse = new Assessment(memberId, AssessmentKind.Pulse, time.Today);
        db.Assessments.Add(pulse);
        await db.SaveChangesAsync(ct);
        return Redirect($"/CheckIns/{pulse.Id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var userId = users.GetUserId(User);
        var workable = db.Mentorships.WorkableBy(User);
        var managed = db.Programs.ManageableBy(User);
        var info = await db.Mentorships.AsNoTracking().VisibleTo(db, User).Where(m => m.Id == id)
            .Select(m => new Header(m.Id, m.Cohort!.Program!.Name, m.Cohort.ProgramId, m.Cohort.Name, m.Cohort.Program.Format, m.Status, m.StartedOn, m.ClosedOn,
                m.MatchScore, m.MatchExplanation, m.Cohort.Program.MeetingCadenceDays,
                m.Meetings.Count(mt => mt.Status == MeetingStatus.Held), m.Cohort.Program.ExpectedMeetingCount,
                workable.Any(w => w.Id == m.Id), managed.Any(p => p.Id == m.Cohort.ProgramId), m.EndReason, m.ClosureReason, m.CohortId))
            .SingleOrDefaultAsync(ct);
        if (info is null) return false;
        Info = info;

        // Every member with their fit-check answer, in one query: current members' answers are the fits.
        var members = await Query.Members.For(db)(db, id).ToListAsync(ct);
        Members = [.. members.Select(m => m.Member)];
        MayWork = info.ViewerWorks;
        IsMember = Members.Any(m => m.UserId == userId);
        UnreadMessages = IsMember ? await conversations.UnreadBy(userId!).CountAsync(msg => msg.MentorshipId == id, ct) : 0;
        var fits = members.Where(m => m.IsCurrent).Select(m => new FitRow(m.Member.UserId, m.Member.Name, m.Fit, m.FitNote)).ToList();
        MyFit = MayWork ? fits.SingleOrDefault(f => f.UserId == userId) : null;
        Fits = info.ViewerManages ? fits : [];

        var now = clock.GetUtcNow().UtcDateTime;
        var scheduled = await Query.Scheduled.For(db)(db, id).ToListAsync(ct);
        Upcoming = scheduled.Where(m => m.StartsAtUtc >= now).ToList();
        NextMeeting = Upcoming.FirstOrDefault();
        ToLog = scheduled.Where(m => m.StartsAtUtc < now).ToList();
        MilestonesDue = await Query.MilestonesDue.For(db)(db, id).ToListAsync(ct);
        Goals = await Query.Goals.For(db)(db, id).ToListAsync(ct);

        if (!Enum.IsDefined(Show) || (Show == TimelineShow.Messages && !IsMember)) Show = TimelineShow.All;
        History = await timeline.LoadAsync(id, Show, TimelineCursor.Parse(Before), new Timeline.Reader(userId!, IsMember, info.ViewerManages), ct);

        Resources = await Query.Resources.For(db)(db, id, info.ProgramId).ToListAsync(ct);
        Competencies = await db.TargetCompetenciesAsync(info.ProgramId, ct);
        Workshops = await Query.Workshops.For(db)(db, id, userId!, now.AddDays(-1)).ToListAsync(ct);
        var monthStart = new DateOnly(time.Today.Year, time.Today.Month, 1);
        // Check-ins are private to their person and the program's coordinators: a member sees their own, a coordinator everyone's.
        var checkIns = await Query.CheckIns.For(db)(db, id, info.ViewerManages, userId!).ToListAsync(ct);
        CheckIns = checkIns;
        var mine = checkIns.Where(c => c.UserId == userId && c.SubmittedAtUtc is not null).OrderBy(c => c.SubmittedAtUtc).ThenBy(c => c.DueOn).ToList();
        if (mine.Count >= 2)
        {
            var (first, latest) = (mine[0], mine[^1]);
            var scores = await db.Set<AssessmentScore>().AsNoTracking().Where(s => s.AssessmentId == first.Id || s.AssessmentId == latest.Id)
                .Join(db.Competencies, s => s.CompetencyId, c => c.Id, (s, c) => new { s.AssessmentId, c.Name, s.Proficiency })
                .ToListAsync(ct);
            Growth = new GrowthView(first, latest, scores.GroupBy(s => s.Name)
                .Where(g => g.Any(s => s.AssessmentId == first.Id) && g.Any(s => s.AssessmentId == latest.Id))
                .Select(g => new GrowthRow(g.Key, g.Single(s => s.AssessmentId == first.Id).Proficiency, g.Single(s => s.AssessmentId == latest.Id).Proficiency))
                .OrderBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase)
                .Append(new GrowthRow("Confidence", first.Confidence ?? 0, latest.Confidence ?? 0))
                .Append(new GrowthRow("Job satisfaction", first.JobSatisfaction ?? 0, latest.JobSatisfaction ?? 0))
                .ToList());
        }

        MayStartPulse = MayWork && info.Status == MentorshipStatus.Active
            && Members.Any(m => m.UserId == userId && m.Role != MemberRole.Mentor)
            && !checkIns.Any(c => c.UserId == userId && c.Kind == AssessmentKind.Pulse && c.DueOn >= monthStart);
        return true;
    }

    /// <summary>
    /// The page's queries that depend only on values, compiled once: EF Core's preparation of each query on every view
    /// was most of the page's time under load. The header's stays composed, as it is from the viewer's access rules.
    /// </summary>
    private static class Query
    {
        /// <summary>Every member with their fit-check answer, in one query: current members' answers are the fits.</summary>
        public static readonly CompiledQuery<Func<MentorHubDbContext, int, IAsyncEnumerable<MemberFit>>> Members = new(() => EF.CompileAsyncQuery(
            (MentorHubDbContext db, int id) => db.MentorshipMembers.AsNoTracking().Where(mm => mm.MentorshipId == id)
                .OrderBy(mm => mm.Role == MemberRole.Mentor ? 0 : 1).ThenBy(mm => mm.User!.DisplayName)
                .Select(mm => new MemberFit(new Member(mm.Id, mm.UserId, mm.User!.DisplayName, mm.Role, mm.User.JobTitle, mm.User.Branch, mm.User.Email!, mm.LeftOn),
                    mm.IsCurrent, mm.Fit, mm.FitNote))));

        public static readonly CompiledQuery<Func<MentorHubDbContext, int, IAsyncEnumerable<MeetingRow>>> Scheduled = new(() => EF.CompileAsyncQuery(
            (MentorHubDbContext db, int id) => db.Meetings.AsNoTracking().Where(mt => mt.MentorshipId == id && mt.Status == MeetingStatus.Scheduled)
                .OrderBy(mt => mt.StartsAtUtc).Take(20)
                .Select(mt => new MeetingRow(mt.Id, mt.StartsAtUtc, mt.DurationMinutes, mt.Modality, mt.Location, mt.VideoUrl, mt.Agenda))));

        public static readonly CompiledQuery<Func<MentorHubDbContext, int, IAsyncEnumerable<MilestoneRow>>> MilestonesDue = new(() => EF.CompileAsyncQuery(
            (MentorHubDbContext db, int id) => db.Goals.AsNoTracking().Where(g => g.MentorshipId == id && (g.Status == GoalStatus.NotStarted || g.Status == GoalStatus.InProgress))
                .SelectMany(g => g.Milestones.Where(ms => ms.CompletedAtUtc == null), (g, ms) => new { ms.Id, ms.Title, ms.DueOn, GoalId = g.Id, GoalTitle = g.Title })
                .OrderBy(ms => ms.DueOn).ThenBy(ms => ms.Id).Take(5)
                .Select(ms => new MilestoneRow(ms.Id, ms.Title, ms.DueOn, ms.GoalId, ms.GoalTitle))));

        public static readonly CompiledQuery<Func<MentorHubDbContext, int, IAsyncEnumerable<GoalRow>>> Goals = new(() => EF.CompileAsyncQuery(
            (MentorHubDbContext db, int id) => db.Goals.AsNoTracking().Where(g => g.MentorshipId == id)
                .OrderBy(g => g.Status == GoalStatus.Achieved || g.Status == GoalStatus.Abandoned).ThenBy(g => g.TargetDate)
                .Select(g => new GoalRow(g.Id, g.Title, g.OwnerMember!.User!.DisplayName, g.Status, g.ProgressPercent, g.TargetDate, g.Competency!.Name,
                    g.Milestones.Count(ms => ms.CompletedAtUtc != null), g.Milestones.Count()))));

        /// <summary>The mentorship's own resources first, then the program's.</summary>
        public static readonly CompiledQuery<Func<MentorHubDbContext, int, int, IAsyncEnumerable<ResourceRow>>> Resources = new(() => EF.CompileAsyncQuery(
            (MentorHubDbContext db, int id, int programId) => db.Resources.AsNoTracking().Where(r => r.MentorshipId == id || r.ProgramId == programId)
                .OrderBy(r => r.MentorshipId == null).ThenBy(r => r.Title)
                .Select(r => new ResourceRow(r.Id, r.Title, r.Url, r.Description, r.MentorshipId != null,
                    r.Tags.Join(db.Competencies, t => t.CompetencyId, c => c.Id, (_, c) => c.Name).ToList()))));

        /// <summary>The cohort's workshops from a day ago on, and whether the viewer is going.</summary>
        public static readonly CompiledQuery<Func<MentorHubDbContext, int, string, DateTime, IAsyncEnumerable<WorkshopRow>>> Workshops = new(() => EF.CompileAsyncQuery(
            (MentorHubDbContext db, int id, string userId, DateTime fromUtc) => db.Workshops.AsNoTracking()
                .Where(w => db.Mentorships.Any(m => m.Id == id && m.CohortId == w.CohortId) && w.CancelledAtUtc == null && w.StartsAtUtc >= fromUtc)
                .OrderBy(w => w.StartsAtUtc).Take(10)
                .Select(w => new WorkshopRow(w.Id, w.Title, w.Description, w.StartsAtUtc, w.DurationMinutes, w.Modality, w.Location, w.Capacity, w.Rsvps.Count,
                    w.Rsvps.Any(r => r.UserId == userId)))));

        /// <summary>Check-ins are private to their person and the program's coordinators: a member reads their own, a coordinator everyone's.</summary>
        public static readonly CompiledQuery<Func<MentorHubDbContext, int, bool, string, IAsyncEnumerable<CheckInRow>>> CheckIns = new(() => EF.CompileAsyncQuery(
            (MentorHubDbContext db, int id, bool everyones, string userId) => db.Assessments.AsNoTracking()
                .Where(a => a.Member!.MentorshipId == id && (everyones || a.Member.UserId == userId))
                .OrderBy(a => a.Member!.User!.DisplayName).ThenBy(a => a.DueOn)
                .Select(a => new CheckInRow(a.Id, a.Member!.UserId, a.Member.User!.DisplayName, a.Kind, a.DueOn, a.SubmittedAtUtc, a.Confidence, a.JobSatisfaction))));
    }

    private sealed record MemberFit(Member Member, bool IsCurrent, FitAnswer? Fit, string? FitNote);

    public IReadOnlyList<CheckInRow> CheckIns { get; private set; } = [];

    /// <summary>Whether the viewer is (or was) a member: members have the conversation, coordinators do not.</summary>
    public bool IsMember { get; private set; }
    public int UnreadMessages { get; private set; }

    /// <summary>The viewer's own growth from their first submitted check-in to their latest; null until they have two.</summary>
    public GrowthView? Growth { get; private set; }

    public sealed record CheckInRow(int Id, string UserId, string Name, AssessmentKind Kind, DateOnly DueOn, DateTime? SubmittedAtUtc, int? Confidence, int? JobSatisfaction);
    public sealed record GrowthRow(string Name, int Before, int After);
    public sealed record GrowthView(CheckInRow First, CheckInRow Latest, IReadOnlyList<GrowthRow> Rows)
    {
        public string ChartJson => System.Text.Json.JsonSerializer.Serialize(new { labels = Rows.Select(r => r.Name), before = Rows.Select(r => r.Before), after = Rows.Select(r => r.After) });
    }

    public sealed record Header(int Id, string ProgramName, int ProgramId, string CohortName, ProgramFormat Format, MentorshipStatus Status, DateOnly? StartedOn, DateOnly? ClosedOn,
        double? MatchScore, string? MatchExplanation, int CadenceDays, int MeetingsHeld, int MeetingsExpected, bool ViewerWorks,
        bool ViewerManages, MentorshipEndReason? EndReason, string? ClosureNote, int CohortId);
    public sealed record FitRow(string UserId, string Name, FitAnswer? Answer, string? Note);
    public sealed record Member(int Id, string UserId, string Name, MemberRole Role, string? JobTitle, string? Branch, string Email, DateOnly? LeftOn);
    public sealed record MeetingRow(int Id, DateTime StartsAtUtc, int DurationMinutes, Modality Modality, string? Location, string? VideoUrl, string? Agenda);
    public sealed record GoalRow(int Id, string Title, string Owner, GoalStatus Status, int ProgressPercent, DateOnly TargetDate, string? Competency, int MilestonesDone, int Milestones)
    {
        public bool IsOpen => Status is GoalStatus.NotStarted or GoalStatus.InProgress;
    }
    public sealed record MilestoneRow(int Id, string Title, DateOnly DueOn, int GoalId, string GoalTitle);
    public sealed record ResourceRow(int Id, string Title, string Url, string? Description, bool IsOwn, List<string> Tags);
    public sealed record WorkshopRow(int Id, string Title, string? Description, DateTime StartsAtUtc, int DurationMinutes, Modality Modality, string? Location, int Capacity, int Going, bool IAmGoing);

    public sealed class ResourceInput
    {
        public string Title { get; set; } = "";
        public string Url { get; set; } = "";
        public string? Description { get; set; }
        public List<int> CompetencyIds { get; set; } = [];
    }

    public sealed class ResourceValidator : AbstractValidator<ResourceInput>
    {
        public ResourceValidator()
        {
            RuleFor(x => x.Title).NotEmpty().WithMessage("Give the resource a title.").MaximumLength(200);
            RuleFor(x => x.Url).NotEmpty().WithMessage("Give the link.").MaximumLength(2000)
                .Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https").WithMessage("The link must be an http or https address.");
            RuleFor(x => x.Description).MaximumLength(2000);
        }
    }
}
