namespace MentorHub.Web.Pages.Programs.Measures;

/// <summary>
/// The library service measures a program hopes to move (e.g. days from receipt to shelf): add one here, record its
/// monthly values on its own page; the program's report compares the months before, during and after the program.
/// </summary>
public class IndexModel(MentorHubDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public MeasureInput Input { get; set; } = new();

    public int ProgramId { get; private set; }
    public string ProgramName { get; private set; } = "";
    public IReadOnlyList<Row> Measures { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var measure = new ServiceMeasure(id, Input.Name, Input.Unit, Input.HigherIsBetter, clock.GetUtcNow().UtcDateTime);
        db.ServiceMeasures.Add(measure);
        await db.SaveChangesAsync(ct);
        this.FlashSuccess($"“{measure.Name}” added. Record its monthly values below.");
        return Redirect($"/Programs/{id}/Measures/{measure.Id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var program = await db.FindManagedProgramAsync(User, id, ct);
        if (program is null) return false;
        (ProgramId, ProgramName) = (program.Id, program.Name);
        Measures = await db.ServiceMeasures.AsNoTracking().Where(m => m.ProgramId == id).OrderBy(m => m.Name)
            .Select(m => new Row(m.Id, m.Name, m.Unit, m.HigherIsBetter, m.Values.Count, m.Values.Max(v => (DateOnly?)v.Month)))
            .ToListAsync(ct);
        return true;
    }

    public sealed record Row(int Id, string Name, string Unit, bool HigherIsBetter, int Months, DateOnly? Latest);

    public sealed class MeasureInput
    {
        public string Name { get; set; } = "";
        public string Unit { get; set; } = "";
        public bool HigherIsBetter { get; set; } = true;
        public Guid Version { get; set; }
    }

    public sealed class Validator : AbstractValidator<MeasureInput>
    {
        public Validator()
        {
            RuleFor(x => x.Name).NotEmpty().WithMessage("Name the measure, e.g. “Days from receipt to shelf”.").MaximumLength(120).WithMessage("Keep the name under 120 characters.");
            RuleFor(x => x.Unit).NotEmpty().WithMessage("Give the unit, e.g. “days” or “items”.").MaximumLength(40).WithMessage("Keep the unit under 40 characters.");
        }
    }
}
