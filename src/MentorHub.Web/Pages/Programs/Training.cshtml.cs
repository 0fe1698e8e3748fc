
namespace MentorHub.Web.Pages.Programs;

/// <summary>A program's mentor-training modules: add, edit, reorder by number, remove (with confirmation).</summary>
public class TrainingModel(MentorHubDbContext db) : PageModel
{
    [BindProperty]
    public ModuleInput Input { get; set; } = new();

    public int ProgramId { get; private set; }
    public string ProgramName { get; private set; } = "";
    public IReadOnlyList<Row> Modules { get; private set; } = [];

    /// <summary>The module being edited, or null when the form adds a new one.</summary>
    [BindProperty(SupportsGet = true)]
    public int? EditId { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (EditId is not null)
        {
            var module = await db.TrainingModules.AsNoTracking().SingleOrDefaultAsync(m => m.Id == EditId && m.ProgramId == id, ct);
            if (module is null) return NotFound();
            Input = new ModuleInput { Title = module.Title, ContentMarkdown = module.ContentMarkdown, ExternalUrl = module.ExternalUrl, EstimatedMinutes = module.EstimatedMinutes, IsRequired = module.IsRequired, SortOrder = module.SortOrder };
        }
        else
        {
            Input.SortOrder = Modules.Count == 0 ? 1 : Modules.Max(m => m.SortOrder) + 1;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        TrainingModule module;
        if (EditId is null)
        {
            module = new TrainingModule(Input.Title.Trim(), Input.ContentMarkdown, Input.ExternalUrl, Input.EstimatedMinutes, Input.IsRequired);
            var program = await db.Programs.Include(p => p.TrainingModules).SingleAsync(p => p.Id == id, ct);
            program.AddTrainingModule(module);
        }
        else
        {
            var existing = await db.TrainingModules.SingleOrDefaultAsync(m => m.Id == EditId && m.ProgramId == id, ct);
            if (existing is null) return NotFound();
            module = existing;
            module.Title = Input.Title.Trim();
            module.ContentMarkdown = Input.ContentMarkdown;
            module.ExternalUrl = Input.ExternalUrl;
            module.EstimatedMinutes = Input.EstimatedMinutes;
            module.IsRequired = Input.IsRequired;
        }
        module.SortOrder = Input.SortOrder;
        await db.SaveChangesAsync(ct);
        this.FlashSuccess($"“{module.Title}” saved.");
        return Redirect($"/Programs/{id}/Training");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int moduleId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var module = await db.TrainingModules.SingleOrDefaultAsync(m => m.Id == moduleId && m.ProgramId == id, ct);
        if (module is null) return NotFound();
        db.TrainingModules.Remove(module);
        await db.SaveChangesAsync(ct);
        this.FlashSuccess($"“{module.Title}” removed, with the record of who completed it.");
        return Redirect($"/Programs/{id}/Training");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var program = await db.FindManagedProgramAsync(User, id, ct);
        if (program is null) return false;
        (ProgramId, ProgramName) = (program.Id, program.Name);
        Modules = await db.TrainingModules.AsNoTracking().Where(m => m.ProgramId == id).OrderBy(m => m.SortOrder).ThenBy(m => m.Id)
            .Select(m => new Row(m.Id, m.Title, m.EstimatedMinutes, m.IsRequired, m.SortOrder, m.ExternalUrl,
                db.TrainingCompletions.Count(c => c.TrainingModuleId == m.Id)))
            .ToListAsync(ct);
        return true;
    }

    public sealed record Row(int Id, string Title, int Minutes, bool IsRequired, int SortOrder, string? Url, int Completions);

    public sealed class ModuleInput
    {
        public string Title { get; set; } = "";
        public string? ContentMarkdown { get; set; }
        public string? ExternalUrl { get; set; }
        public int EstimatedMinutes { get; set; } = 30;
        public bool IsRequired { get; set; } = true;
        public int SortOrder { get; set; } = 1;
    }

    public sealed class Validator : AbstractValidator<ModuleInput>
    {
        public Validator()
        {
            RuleFor(x => x.Title).NotEmpty().WithMessage("Give the module a title.").MaximumLength(200);
            RuleFor(x => x).Must(x => !string.IsNullOrWhiteSpace(x.ContentMarkdown) || !string.IsNullOrWhiteSpace(x.ExternalUrl))
                .OverridePropertyName("ContentMarkdown").WithMessage("Write the module's content or give a link to it.");
            RuleFor(x => x.ExternalUrl).Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                .When(x => !string.IsNullOrWhiteSpace(x.ExternalUrl)).WithMessage("The link must be an http or https address.").MaximumLength(2000);
            RuleFor(x => x.ContentMarkdown).MaximumLength(20000);
            RuleFor(x => x.EstimatedMinutes).InclusiveBetween(1, 600).WithMessage("Estimate between 1 and 600 minutes.");
            RuleFor(x => x.SortOrder).InclusiveBetween(0, 1000);
        }
    }
}
