using System.Security.Claims;

namespace MentorHub.Web.Pages.CheckIns;

/// <summary>
/// A check-in (baseline, midpoint, exit or pulse): proficiency per program competency, confidence, job satisfaction,
/// free text. Only the person it belongs to and the program's coordinators see it; a mentor gets 404 for a mentee's.
/// </summary>
public class DetailsModel(MentorHubDbContext db, TimeProvider clock, UserTime time) : PageModel
{
    public UserTime Time => time;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public View CheckIn { get; private set; } = null!;
    public IReadOnlyList<(int Id, string Name)> Competencies { get; private set; } = [];
    public bool IsOwner { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = new InputModel
        {
            Proficiency = CheckIn.Scores.ToDictionary(s => s.CompetencyId, s => (int?)s.Proficiency),
            Confidence = CheckIn.Confidence ?? 0,
            JobSatisfaction = CheckIn.JobSatisfaction ?? 0,
            Reflection = CheckIn.Reflection,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !IsOwner) return NotFound();
        foreach (var missing in Competencies.Where(c => Input.Proficiency.GetValueOrDefault(c.Id) is not (>= 1 and <= 5)))
            ModelState.AddModelError($"Input.Proficiency[{missing.Id}]", $"Rate yourself on {missing.Name}.");
        if (!ModelState.IsValid) return Page();
        var assessment = await db.Assessments.Include(a => a.Scores).SingleAsync(a => a.Id == id, ct);
        try
        {
            assessment.Submit(Competencies.ToDictionary(c => c.Id, c => Input.Proficiency[c.Id]!.Value), Input.Confidence, Input.JobSatisfaction,
                string.IsNullOrWhiteSpace(Input.Reflection) ? null : Input.Reflection.Trim(), clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            return Page();
        }
        // Back where the person came from, with their check-ins listed there.
        this.FlashSuccess($"{Labels.Words(CheckIn.Kind)} check-in saved. Thank you: only you and the program's coordinators can see it.");
        return Redirect($"/Mentorships/{CheckIn.MentorshipId}#check-ins");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        // Private to the person (while they take part) and the program's own coordinators, as the page tells them:
        // administrators who do not coordinate the program do not read them.
        var coordinated = db.Programs.Where(p => p.Coordinators.Any(c => c.UserId == userId));
        var view = await db.Assessments.AsNoTracking()
            .Where(a => a.Id == id && ((a.Member!.UserId == userId && a.Member.Enrollment!.Status != EnrollmentStatus.Withdrawn)
                || coordinated.Any(p => p.Id == a.Member.Mentorship!.Cohort!.ProgramId)))
            .Select(a => new View(a.Id, a.Kind, a.DueOn, a.SubmittedAtUtc, a.Confidence, a.JobSatisfaction, a.Reflection, a.Member!.UserId, a.Member.User!.DisplayName,
                a.Member.MentorshipId, a.Member.Mentorship!.Cohort!.ProgramId, a.Member.Mentorship.Cohort.Program!.Name,
                a.Scores.Select(s => new Score(s.CompetencyId, s.Proficiency)).ToList()))
            .SingleOrDefaultAsync(ct);
        if (view is null) return false;
        CheckIn = view;
        IsOwner = view.OwnerId == userId;
        Competencies = await db.TargetCompetenciesAsync(view.ProgramId, ct);
        return true;
    }

    public sealed record View(int Id, AssessmentKind Kind, DateOnly DueOn, DateTime? SubmittedAtUtc, int? Confidence, int? JobSatisfaction, string? Reflection,
        string OwnerId, string OwnerName, int MentorshipId, int ProgramId, string ProgramName, List<Score> Scores)
    {
        public bool IsPending => SubmittedAtUtc is null;
    }

    public sealed record Score(int CompetencyId, int Proficiency);

    public sealed class InputModel
    {
        public Dictionary<int, int?> Proficiency { get; set; } = [];
        public int Confidence { get; set; }
        public int JobSatisfaction { get; set; }
        public string? Reflection { get; set; }
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator()
        {
            RuleFor(x => x.Confidence).InclusiveBetween(1, 5).WithMessage("Rate your confidence from 1 to 5.");
            RuleFor(x => x.JobSatisfaction).InclusiveBetween(1, 5).WithMessage("Rate your job satisfaction from 1 to 5.");
            RuleFor(x => x.Reflection).MaximumLength(4000);
        }
    }
}
