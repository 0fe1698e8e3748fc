
namespace MentorHub.Web.Pages.Programs;

public class DetailsModel(MentorHubDbContext db, UserManager<AppUser> users, UserTime time, TimeProvider clock, ConnectionsActions connections, FiguresCache figures) : PageModel
{
    public Summary Program { get; private set; } = null!;
    public IReadOnlyList<CohortRow> Cohorts { get; private set; } = [];

    /// <summary>For a draft: what it still needs before it can be published.</summary>
    public IReadOnlyList<string> MissingForPublishing { get; private set; } = [];
    public IReadOnlyList<Person> Coordinators { get; private set; } = [];
    public IReadOnlyList<ModuleRow> Modules { get; private set; } = [];
    public Health ProgramHealth { get; private set; } = null!;
    public DateOnly Today => time.Today;

    [BindProperty]
    public string? CoordinatorEmail { get; set; }

    [BindProperty]
    public Mentorships.DetailsModel.ResourceInput Resource { get; set; } = new();

    public IReadOnlyList<ResourceRow> Resources { get; private set; } = [];

    public async Task<IActionResult> OnPostResourceAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var resource = MentorHub.Core.Domain.Resource.ForProgram(id, Resource.Title.Trim(), Resource.Url.Trim(), Resource.Description?.Trim(), users.GetUserId(User)!, clock.GetUtcNow().UtcDateTime);
        var allowed = await db.Programs.Where(p => p.Id == id).SelectMany(p => p.TargetCompetencies).Select(t => t.CompetencyId).ToListAsync(ct);
        foreach (var competencyId in Resource.CompetencyIds.Where(allowed.Contains).Distinct()) resource.Tag(competencyId);
        db.Resources.Add(resource);
        await db.SaveChangesAsync(ct);
        this.FlashSuccess($"“{resource.Title}” shared with every mentorship of the program.");
        return Redirect($"/Programs/{id}");
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostUnarchiveAsync(int id, CancellationToken ct)
    {
        var program = await db.Programs.ManageableBy(User).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (program is null) return NotFound();
        program.Unarchive();
        db.Audit(program, "ProgramUnarchived", program.Name);
        await db.SaveChangesAsync(ct);
        this.FlashSuccess($"{program.Name} is back: {Labels.Words(program.Status).ToLowerInvariant()} and editable again.");
        return Redirect($"/Programs/{id}");
    }

    /// <summary>The program has run its course; refused while mentorships still run.</summary>
    public async Task<IActionResult> OnPostCompleteAsync(int id, CancellationToken ct)
    {
        var program = await db.Programs.ManageableBy(User).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (program is null) return NotFound();
        program.Complete(await db.Mentorships.CountAsync(m => m.Cohort!.ProgramId == id && (m.Status == MentorshipStatus.Active || m.Status == MentorshipStatus.Paused), ct));
        db.Audit(program, "ProgramCompleted", program.Name);
        await db.SaveChangesAsync(ct);
        this.FlashSuccess($"{program.Name} is completed. Its history stays; archive it when it no longer needs to be in the lists.");
        return Redirect($"/Programs/{id}");
    }

    public async Task<IActionResult> OnPostAddCoordinatorAsync(int id, CancellationToken ct)
    {
        var program = await db.Programs.ManageableBy(User).Include(p => p.Coordinators).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (program is null) return NotFound();
        var email = CoordinatorEmail?.Trim() ?? "";
        var person = email.Length == 0 ? null : await users.FindByEmailAsync(email);
        if (person is null)
        {
            ModelState.AddModelError(nameof(CoordinatorEmail), email.Length == 0 ? "Enter the email of the person to add." : $"Nobody with the email {email} has an account. Invite them first.");
            await LoadAsync(id, ct);
            return Page();
        }
        if (program.IsCoordinatedBy(person.Id))
        {
            this.FlashSuccess($"{person.DisplayName} already coordinates this program.");
            return Redirect($"/Programs/{id}");
        }
        program.AddCoordinator(person.Id);
        db.Audit(program, "CoordinatorAdded", person.Email);
        await db.SaveChangesAsync(ct);
        this.FlashSuccess($"{person.DisplayName} now coordinates {program.Name}.");
        return Redirect($"/Programs/{id}");
    }

    /// <summary>Publishes a draft once its checklist is complete; otherwise says what is missing.</summary>
    public async Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct)
    {
        var program = await db.Programs.ManageableBy(User).Include(p => p.TargetCompetencies).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (program is null) return NotFound();
        var cohorts = await db.Cohorts.CountAsync(c => c.ProgramId == id, ct);
        try
        {
            program.Publish(cohorts);
        }
        catch (DomainException ex)
        {
            this.FlashError(ex.Message);
            return Redirect($"/Programs/{id}");
        }
        db.Audit(program, "ProgramPublished", program.Name);
        await db.SaveChangesAsync(ct);
        this.FlashSuccess($"{program.Name} is published: staff can apply to its open cohorts at Join a program.");
        return Redirect($"/Programs/{id}");
    }

    public async Task<IActionResult> OnPostRemoveCoordinatorAsync(int id, string userId, CancellationToken ct)
    {
        var program = await db.Programs.ManageableBy(User).Include(p => p.Coordinators).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (program is null) return NotFound();
        try
        {
            program.RemoveCoordinator(userId);
        }
        catch (DomainException ex)
        {
            this.FlashError(ex.Message);
            return Redirect($"/Programs/{id}");
        }
        db.Audit(program, "CoordinatorRemoved", userId);
        await db.SaveChangesAsync(ct);
        this.FlashSuccess("Coordinator removed.");
        return Redirect(program.IsCoordinatedBy(users.GetUserId(User)!) || User.IsInRole(Roles.Administrator) ? $"/Programs/{id}" : "/Programs");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var program = await db.Programs.AsNoTracking().ManageableBy(User).Where(p => p.Id == id)
            .Select(p => new Summary(p.Id, p.Name, p.Description, p.Format, p.Status, p.DefaultModality, p.MeetingCadenceDays, p.ExpectedMeetingCount,
                p.TargetCompetencies.Select(t => t.Competency!.Name).ToList()))
            .SingleOrDefaultAsync(ct);
        if (program is null) return false;
        Program = program;

        Cohorts = await Query.Cohorts.For(db)(db, id).ToListAsync(ct);
        MissingForPublishing = MentorshipProgram.MissingForPublishing(program.Description, program.Competencies.Count, Cohorts.Count);
        Coordinators = await Query.Coordinators.For(db)(db, id).ToListAsync(ct);
        Resources = await Query.Resources.For(db)(db, id).ToListAsync(ct);
        Modules = await Query.Modules.For(db)(db, id).ToListAsync(ct);

        var mentorships = await connections.LoadAsync(id, null, ct);
        // Counting every meeting of the program was most of the page's database time: kept until the next change.
        var (held, achieved, goals) = await figures.GetAsync($"program-progress:{id}", async () => (
            await Query.MeetingsHeld.For(db)(db, id, ct),
            await Query.GoalsAchieved.For(db)(db, id, ct),
            await Query.Goals.For(db)(db, id, ct)), ct);
        ProgramHealth = new Health(
            mentorships.Count(m => m.Status != MentorshipStatus.Closed),
            mentorships.Count(m => m.Health.IsAtRisk),
            held,
            mentorships.Sum(m => m.MeetingsExpected),
            achieved,
            goals);
        return true;
    }

    /// <summary>The page's queries that depend only on the program, compiled once (the header's follows the viewer's access).</summary>
    private static class Query
    {
        public static readonly CompiledQuery<Func<MentorHubDbContext, int, IAsyncEnumerable<CohortRow>>> Cohorts = new(() => EF.CompileAsyncQuery(
            (MentorHubDbContext db, int id) => db.Cohorts.AsNoTracking().Where(c => c.ProgramId == id).OrderByDescending(c => c.StartsOn)
                .Select(c => new CohortRow(c.Id, c.Name, c.StartsOn, c.EndsOn, c.EnrollmentOpensOn, c.EnrollmentClosesOn, c.CompletedOn,
                    c.Enrollments.Count(e => e.Status == EnrollmentStatus.Active || e.Status == EnrollmentStatus.Completed),
                    c.Enrollments.Count(e => e.Status == EnrollmentStatus.Applied),
                    c.Mentorships.Count(m => m.Status == MentorshipStatus.Active || m.Status == MentorshipStatus.Paused)))));

        public static readonly CompiledQuery<Func<MentorHubDbContext, int, IAsyncEnumerable<Person>>> Coordinators = new(() => EF.CompileAsyncQuery(
            (MentorHubDbContext db, int id) => db.ProgramCoordinators.AsNoTracking().Where(c => c.ProgramId == id).OrderBy(c => c.User!.DisplayName)
                .Select(c => new Person(c.UserId, c.User!.DisplayName, c.User.Email!))));

        public static readonly CompiledQuery<Func<MentorHubDbContext, int, IAsyncEnumerable<ResourceRow>>> Resources = new(() => EF.CompileAsyncQuery(
            (MentorHubDbContext db, int id) => db.Resources.AsNoTracking().Where(r => r.ProgramId == id).OrderBy(r => r.Title)
                .Select(r => new ResourceRow(r.Id, r.Title, r.Url, r.Description))));

        public static readonly CompiledQuery<Func<MentorHubDbContext, int, IAsyncEnumerable<ModuleRow>>> Modules = new(() => EF.CompileAsyncQuery(
            (MentorHubDbContext db, int id) => db.TrainingModules.AsNoTracking().Where(m => m.ProgramId == id).OrderBy(m => m.SortOrder)
                .Select(m => new ModuleRow(m.Id, m.Title, m.EstimatedMinutes, m.IsRequired))));

        public static readonly CompiledQuery<Func<MentorHubDbContext, int, CancellationToken, Task<int>>> MeetingsHeld = new(() => EF.CompileAsyncQuery(
            (MentorHubDbContext db, int id, CancellationToken ct) => db.Meetings.Count(m => m.Mentorship!.Cohort!.ProgramId == id && m.Status == MeetingStatus.Held)));

        public static readonly CompiledQuery<Func<MentorHubDbContext, int, CancellationToken, Task<int>>> GoalsAchieved = new(() => EF.CompileAsyncQuery(
            (MentorHubDbContext db, int id, CancellationToken ct) => db.Goals.Count(g => g.Mentorship!.Cohort!.ProgramId == id && g.Status == GoalStatus.Achieved)));

        public static readonly CompiledQuery<Func<MentorHubDbContext, int, CancellationToken, Task<int>>> Goals = new(() => EF.CompileAsyncQuery(
            (MentorHubDbContext db, int id, CancellationToken ct) => db.Goals.Count(g => g.Mentorship!.Cohort!.ProgramId == id)));
    }

    public sealed record Summary(int Id, string Name, string? Description, ProgramFormat Format, ProgramStatus Status, Modality Modality,
        int CadenceDays, int ExpectedMeetings, List<string> Competencies);
    public sealed record CohortRow(int Id, string Name, DateOnly StartsOn, DateOnly EndsOn, DateOnly OpensOn, DateOnly ClosesOn, DateOnly? CompletedOn,
        int Participants, int Applications, int ActiveMentorships);
    public sealed record ResourceRow(int Id, string Title, string Url, string? Description);
    public sealed record Person(string Id, string Name, string Email);
    public sealed record ModuleRow(int Id, string Title, int Minutes, bool IsRequired);
    public sealed record Health(int ActiveMentorships, int AtRisk, int MeetingsHeld, int MeetingsExpected, int GoalsAchieved, int Goals);
}
