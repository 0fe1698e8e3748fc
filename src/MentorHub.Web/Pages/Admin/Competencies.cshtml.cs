
namespace MentorHub.Web.Pages.Admin;

/// <summary>
/// The organisation's competency catalogue: administrators add, rename, regroup and retire competencies. A retired
/// one is no longer offered for new programs, profiles or imports, and stays on every record that already has it.
/// </summary>
public class CompetenciesModel(MentorHubDbContext db) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The competency being changed (<c>?edit=</c>), or null when adding one.</summary>
    [BindProperty(SupportsGet = true, Name = "edit")]
    public int? Editing { get; set; }

    public IReadOnlyList<Row> Competencies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Editing is { } id)
        {
            var competency = await db.Competencies.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
            if (competency is null) return NotFound();
            Input = new InputModel { Name = competency.Name, Category = competency.Category, Description = competency.Description };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var competency = Editing is { } id ? await db.Competencies.SingleOrDefaultAsync(c => c.Id == id, ct) : new Competency();
        if (competency is null) return NotFound();
        var name = Input.Name?.Trim() ?? "";
        if (ModelState.IsValid && Competencies.Any(c => c.Id != competency.Id && string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)))
            ModelState.AddModelError("Input.Name", $"“{name}” is already in the catalogue.");
        if (!ModelState.IsValid) return Page();
        var before = competency.Name;
        competency.Name = name;
        competency.Category = Input.Category.Trim();
        competency.Description = string.IsNullOrWhiteSpace(Input.Description) ? null : Input.Description.Trim();
        if (competency.Id == 0)
        {
            await db.InTransactionAsync(async ct =>
            {
                db.Competencies.Add(competency);
                db.Audit(competency, "CompetencyAdded", competency.Name);
                await db.SaveChangesAsync(ct);
            }, ct);
        }
        else
        {
            db.Audit(competency, "CompetencyChanged", before == name ? name : $"{before} → {name}");
            await db.SaveChangesAsync(ct);
        }
        this.FlashSuccess($"“{competency.Name}” saved in {competency.Category}.");
        return Redirect("/Admin/Competencies");
    }

    /// <summary>Retires a competency, or brings a retired one back.</summary>
    public async Task<IActionResult> OnPostRetireAsync(int competencyId, bool retire, CancellationToken ct)
    {
        var competency = await db.Competencies.SingleOrDefaultAsync(c => c.Id == competencyId, ct);
        if (competency is null) return NotFound();
        competency.IsRetired = retire;
        db.Audit(competency, retire ? "CompetencyRetired" : "CompetencyRestored", competency.Name);
        await db.SaveChangesAsync(ct);
        this.FlashSuccess(retire
            ? $"“{competency.Name}” is retired: no longer offered for new programs and profiles, and kept on every record that has it."
            : $"“{competency.Name}” is offered again.");
        return Redirect("/Admin/Competencies");
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Competencies = await db.Competencies.AsNoTracking().OrderBy(c => c.IsRetired).ThenBy(c => c.Category).ThenBy(c => c.Name)
            .Select(c => new Row(c.Id, c.Name, c.Category, c.Description, c.IsRetired,
                db.Programs.Count(p => p.TargetCompetencies.Any(t => t.CompetencyId == c.Id)),
                db.Enrollments.Count(e => e.Competencies.Any(ec => ec.CompetencyId == c.Id))))
            .ToListAsync(ct);

    public sealed record Row(int Id, string Name, string Category, string? Description, bool IsRetired, int Programs, int People);

    public sealed class InputModel
    {
        public string Name { get; set; } = "";
        public string Category { get; set; } = "";
        public string? Description { get; set; }
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator()
        {
            RuleFor(x => x.Name).NotEmpty().WithMessage("Name the competency, e.g. “Linked data”.").MaximumLength(120);
            RuleFor(x => x.Category).NotEmpty().WithMessage("Say which group it belongs to, e.g. “Metadata”.").MaximumLength(80);
            RuleFor(x => x.Description).MaximumLength(1000);
        }
    }
}
