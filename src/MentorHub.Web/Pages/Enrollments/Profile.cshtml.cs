
namespace MentorHub.Web.Pages.Enrollments;

/// <summary>
/// A participant's matching profile in one cohort: what they offer or want, their capacity, availability and
/// preferences. Editable by the participant and by the program's coordinators; 404 for anyone else.
/// </summary>
public class ProfileModel(MentorHubDbContext db, UserManager<AppUser> users) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Header Info { get; private set; } = null!;
    public IReadOnlyList<(int Id, string Name)> Competencies { get; private set; } = [];
    public IReadOnlyList<TrainingRow> Training { get; private set; } = [];
    public IReadOnlyList<MatchQuestion> Questions { get; private set; } = [];
    public bool Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int enrollmentId, CancellationToken ct)
    {
        var enrollment = await FindAsync(enrollmentId, ct);
        if (enrollment is null) return NotFound();
        await LoadAsync(enrollment, ct);
        Input = InputModel.From(enrollment);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int enrollmentId, CancellationToken ct)
    {
        var enrollment = await FindAsync(enrollmentId, ct);
        if (enrollment is null) return NotFound();
        await LoadAsync(enrollment, ct);
        var allowed = Competencies.Select(c => c.Id).ToHashSet();
        if (Input.Offers.Keys.Concat(Input.Wants.Keys).Any(id => !allowed.Contains(id)))
            ModelState.AddModelError(string.Empty, "Choose competencies from the program's list.");
        if (!ModelState.IsValid) return Page();

        db.Entry(enrollment).Property(e => e.Version).OriginalValue = Input.Version;
        foreach (var question in Questions)
        {
            var values = (Input.Answers.GetValueOrDefault(question.Id) ?? []).Where(v => v.Length > 0).ToList();
            try
            {
                enrollment.Answer(question, values.Select(v => int.TryParse(v, out var n) ? n : -1).ToList());
            }
            catch (DomainException ex)
            {
                ModelState.AddModelError($"Input.Answers[{question.Id}]", ex.Message);
            }
        }
        if (!ModelState.IsValid) return Page();
        if (enrollment.Role is EnrollmentRole.Mentor) enrollment.SetCapacity(Input.Capacity);
        if (enrollment.Role is not EnrollmentRole.Mentee) enrollment.SetCompetencies(CompetencyInterest.Expertise, Levels(Input.Offers));
        if (enrollment.Role is not EnrollmentRole.Mentor) enrollment.SetCompetencies(CompetencyInterest.Development, Levels(Input.Wants));
        enrollment.Branch = string.IsNullOrWhiteSpace(Input.Branch) ? null : Input.Branch.Trim();
        enrollment.ModalityPreference = Input.Modality;
        enrollment.AvailabilitySlots = Input.Slots.Where(s => s is >= 0 and < 21).Aggregate(0, (all, bit) => all | (1 << bit));
        enrollment.Preferences = string.IsNullOrWhiteSpace(Input.Preferences) ? null : Input.Preferences.Trim();
        enrollment.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            Conflict = true;
            db.ChangeTracker.Clear();
            Input.Version = (await db.Enrollments.AsNoTracking().SingleAsync(e => e.Id == enrollmentId, ct)).Version;
            ModelState.Remove("Input.Version");
            ModelState.AddModelError(string.Empty, "This profile was changed by someone else while you were editing it. Your changes are still in the form; save again to keep them, or reload the page to see theirs.");
            return Page();
        }
        this.FlashSuccess("Matching profile saved.");
        return Redirect($"/Enrollments/{enrollmentId}/Profile");
    }

    private static IEnumerable<(int, int)> Levels(Dictionary<int, int?> levels) =>
        levels.Where(l => l.Value is >= 1 and <= 5).Select(l => (l.Key, l.Value!.Value));

    /// <summary>The enrollment, with its competencies, if the signed-in person is its participant or manages its program.</summary>
    private async Task<Enrollment?> FindAsync(int enrollmentId, CancellationToken ct)
    {
        var userId = users.GetUserId(User);
        var managed = db.Programs.ManageableBy(User);
        return await db.Enrollments.Include(e => e.Competencies).Include(e => e.Answers).AsSplitQuery()
            .Where(e => e.Id == enrollmentId && (e.UserId == userId || managed.Any(p => p.Id == e.Cohort!.ProgramId)))
            .SingleOrDefaultAsync(ct);
    }

    private async Task LoadAsync(Enrollment enrollment, CancellationToken ct)
    {
        Info = await db.Enrollments.AsNoTracking().Where(e => e.Id == enrollment.Id)
            .Select(e => new Header(e.Id, e.User!.DisplayName, e.UserId == users.GetUserId(User), e.Role, e.Status, e.Cohort!.Name, e.Cohort.ProgramId, e.CohortId, e.Cohort.Program!.Name))
            .SingleAsync(ct);
        Competencies = await db.TargetCompetenciesAsync(Info.ProgramId, ct);
        Questions = await db.MatchQuestions.AsNoTracking().Where(q => q.ProgramId == Info.ProgramId).OrderBy(q => q.SortOrder).ToListAsync(ct);
        if (enrollment.Role is EnrollmentRole.Mentor)
        {
            Training = await db.TrainingModules.AsNoTracking().Where(m => m.ProgramId == Info.ProgramId).OrderBy(m => m.SortOrder)
                .Select(m => new TrainingRow(m.Id, m.Title, m.IsRequired, db.TrainingCompletions.Any(c => c.TrainingModuleId == m.Id && c.UserId == enrollment.UserId)))
                .ToListAsync(ct);
        }
    }

    public sealed record Header(int EnrollmentId, string Name, bool IsSelf, EnrollmentRole Role, EnrollmentStatus Status, string CohortName, int ProgramId, int CohortId, string ProgramName);
    public sealed record TrainingRow(int Id, string Title, bool IsRequired, bool IsDone);

    public sealed class InputModel
    {
        public int Capacity { get; set; } = 1;
        public Dictionary<int, int?> Offers { get; set; } = [];
        public Dictionary<int, int?> Wants { get; set; } = [];
        public string? Branch { get; set; }
        public Modality? Modality { get; set; }
        public List<int> Slots { get; set; } = [];
        public string? Preferences { get; set; }
        public Guid Version { get; set; }

        /// <summary>Answers to the matching questions, by question: option numbers in order (a ranking), or a scale point.</summary>
        public Dictionary<int, List<string>> Answers { get; set; } = [];

        public static InputModel From(Enrollment e) => new()
        {
            Capacity = e.MentorCapacity,
            Offers = e.Competencies.Where(c => c.Interest == CompetencyInterest.Expertise).ToDictionary(c => c.CompetencyId, c => (int?)c.Level),
            Wants = e.Competencies.Where(c => c.Interest == CompetencyInterest.Development).ToDictionary(c => c.CompetencyId, c => (int?)c.Level),
            Branch = e.Branch,
            Modality = e.ModalityPreference,
            Slots = Enumerable.Range(0, 21).Where(bit => (e.AvailabilitySlots & (1 << bit)) != 0).ToList(),
            Preferences = e.Preferences,
            Version = e.Version,
            Answers = e.Answers.ToDictionary(a => a.QuestionId, a => MatchAnswer.Parse(a.Values).Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList()),
        };
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator()
        {
            RuleFor(x => x.Capacity).InclusiveBetween(1, 10).WithMessage("A mentor takes between 1 and 10 mentees.");
            RuleForEach(x => x.Offers.Values).Must(v => v is null or (>= 1 and <= 5)).OverridePropertyName("Offers").WithMessage("Levels run from 1 to 5.");
            RuleForEach(x => x.Wants.Values).Must(v => v is null or (>= 1 and <= 5)).OverridePropertyName("Wants").WithMessage("Levels run from 1 to 5.");
            RuleFor(x => x.Branch).MaximumLength(120);
            RuleFor(x => x.Modality).IsInEnum().When(x => x.Modality is not null).WithMessage("Choose a modality from the list.");
            RuleFor(x => x.Preferences).MaximumLength(1000);
        }
    }
}
