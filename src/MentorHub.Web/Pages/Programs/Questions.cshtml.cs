namespace MentorHub.Web.Pages.Programs;

/// <summary>
/// A program's matching questions about values and work style: add one (choice, multiple choice, ranking or 1-5
/// scale) with its weight and optional deal-breaker, change a question's weighting, remove one with its answers.
/// </summary>
public class QuestionsModel(MentorHubDbContext db) : PageModel
{
    [BindProperty]
    public QuestionInput Input { get; set; } = new();

    public int ProgramId { get; private set; }
    public string ProgramName { get; private set; } = "";
    public IReadOnlyList<Row> Questions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var program = await db.Programs.Include(p => p.Questions).SingleAsync(p => p.Id == id, ct);
        try
        {
            program.AddQuestion(new MatchQuestion(Input.Text, Input.Kind, (Input.Options ?? "").Split('\n'), Input.Weight, Input.DealBreakerBelow));
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            return Page();
        }
        await db.SaveChangesAsync(ct);
        this.FlashSuccess($"“{Input.Text.Trim()}” added. Participants answer it on their matching profile.");
        return Redirect($"/Programs/{id}/Questions");
    }

    /// <summary>Changes a question's weight and deal-breaker; its text and options stay, so the answers given keep their meaning.</summary>
    public async Task<IActionResult> OnPostWeightingAsync(int id, int questionId, int weight, int? dealBreakerBelow, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var question = await db.MatchQuestions.SingleOrDefaultAsync(q => q.Id == questionId && q.ProgramId == id, ct);
        if (question is null) return NotFound();
        question.SetWeighting(weight, dealBreakerBelow);
        await db.SaveChangesAsync(ct);
        this.FlashSuccess($"“{question.Text}” now weighs {weight}{(dealBreakerBelow is { } below ? $", with pairs agreeing less than {below}% kept apart" : ", with no deal-breaker")}.");
        return Redirect($"/Programs/{id}/Questions");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int questionId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var program = await db.Programs.Include(p => p.Questions).SingleAsync(p => p.Id == id, ct);
        var question = program.Questions.SingleOrDefault(q => q.Id == questionId);
        if (question is null) return NotFound();
        await db.InTransactionAsync(async ct =>
        {
            await db.MatchAnswers.Where(a => a.QuestionId == questionId).ExecuteDeleteAsync(ct);
            program.RemoveQuestion(questionId);
            await db.SaveChangesAsync(ct);
        }, ct);
        this.FlashSuccess($"“{question.Text}” removed, with its answers.");
        return Redirect($"/Programs/{id}/Questions");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var program = await db.FindManagedProgramAsync(User, id, ct);
        if (program is null) return false;
        (ProgramId, ProgramName) = (program.Id, program.Name);
        Questions = (await db.MatchQuestions.AsNoTracking().Where(q => q.ProgramId == id).OrderBy(q => q.SortOrder)
            .Select(q => new { Question = q, Answers = db.MatchAnswers.Count(a => a.QuestionId == q.Id) }).ToListAsync(ct))
            .Select(x => new Row(x.Question, x.Answers)).ToList();
        return true;
    }

    public sealed record Row(MatchQuestion Question, int Answers);

    public sealed class QuestionInput
    {
        public string Text { get; set; } = "";
        public QuestionKind Kind { get; set; } = QuestionKind.SingleChoice;

        /// <summary>One option per line (not used by a 1-5 scale).</summary>
        public string? Options { get; set; }
        public int Weight { get; set; } = 2;
        public int? DealBreakerBelow { get; set; }
    }

    public sealed class Validator : AbstractValidator<QuestionInput>
    {
        public Validator()
        {
            RuleFor(x => x.Text).NotEmpty().WithMessage("Write the question.").MaximumLength(200);
            RuleFor(x => x.Kind).IsInEnum().WithMessage("Choose a kind of question from the list.");
            RuleFor(x => x.Options).Must(o => (o ?? "").Split('\n').Count(l => l.Trim().Length > 0) is >= 2 and <= MatchQuestion.MaxOptions)
                .When(x => x.Kind is not QuestionKind.Scale).WithMessage($"Give 2 to {MatchQuestion.MaxOptions} options, one per line.");
            RuleFor(x => x.Weight).InclusiveBetween(0, 10).WithMessage("The weight is from 0 to 10.");
            RuleFor(x => x.DealBreakerBelow).InclusiveBetween(1, 100).When(x => x.DealBreakerBelow is not null).WithMessage("The deal-breaker is from 1% to 100% agreement, or empty for none.");
        }
    }
}
