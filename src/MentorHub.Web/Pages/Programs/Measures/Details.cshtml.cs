using System.Globalization;

namespace MentorHub.Web.Pages.Programs.Measures;

/// <summary>
/// One service measure: its name, unit and direction, and a value for each month from six months before the program's
/// first cohort to this month. Blank months have no value; a stale save shows a conflict and keeps what was typed.
/// </summary>
public class DetailsModel(MentorHubDbContext db, UserTime time) : PageModel
{
    [BindProperty]
    public IndexModel.MeasureInput Input { get; set; } = new();

    /// <summary>What was typed for each month, as typed, keyed by the month's first day (yyyy-MM-dd).</summary>
    [BindProperty]
    public Dictionary<string, string?> Values { get; set; } = [];

    public int ProgramId { get; private set; }
    public string ProgramName { get; private set; } = "";
    public int MeasureId { get; private set; }
    public IReadOnlyList<DateOnly> Months { get; private set; } = [];
    public DateOnly? ProgramStart { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int measureId, CancellationToken ct)
    {
        var measure = await LoadAsync(id, measureId, ct);
        if (measure is null) return NotFound();
        Input = new IndexModel.MeasureInput { Name = measure.Name, Unit = measure.Unit, HigherIsBetter = measure.HigherIsBetter, Version = measure.Version };
        Values = measure.Values.ToDictionary(v => Key(v.Month), v => (string?)v.Value.ToString("0.####", CultureInfo.InvariantCulture));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int measureId, CancellationToken ct)
    {
        var measure = await LoadAsync(id, measureId, ct);
        if (measure is null) return NotFound();
        var parsed = new List<(DateOnly Month, decimal? Value)>();
        foreach (var month in Months)
        {
            var typed = Values.GetValueOrDefault(Key(month))?.Trim();
            if (string.IsNullOrEmpty(typed)) parsed.Add((month, null));
            else if (TryParse(typed, out var value)) parsed.Add((month, value));
            else ModelState.AddModelError($"Values[{Key(month)}]", $"{month:MMMM yyyy}: “{typed}” is not a number.");
        }
        if (!ModelState.IsValid) return Page();

        db.Entry(measure).Property(m => m.Version).OriginalValue = Input.Version;
        try
        {
            measure.Describe(Input.Name, Input.Unit, Input.HigherIsBetter);
            measure.Record(parsed, time.Today);
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            return Page();
        }
        // A new version even when only monthly values changed, so the concurrency check always runs.
        measure.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            Input.Version = await db.ServiceMeasures.Where(m => m.Id == measureId).Select(m => m.Version).SingleAsync(ct);
            ModelState.Remove("Input.Version");
            ModelState.AddModelError(string.Empty, "Someone else saved this measure while you were editing. Nothing was saved; your values are still in the form. Open the page again to see theirs, or save again to keep yours.");
            return Page();
        }
        this.FlashSuccess($"“{measure.Name}” saved: {measure.Values.Count} {(measure.Values.Count == 1 ? "month" : "months")} recorded.");
        return Redirect($"/Programs/{id}/Measures/{measureId}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int measureId, CancellationToken ct)
    {
        var measure = await LoadAsync(id, measureId, ct);
        if (measure is null) return NotFound();
        db.ServiceMeasures.Remove(measure);
        await db.SaveChangesAsync(ct);
        this.FlashSuccess($"“{measure.Name}” removed with its monthly values.");
        return Redirect($"/Programs/{id}/Measures");
    }

    public static string Key(DateOnly month) => month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A number as typed here or by a spreadsheet: "12.5", "-3" or, in the person's own format, "12,5".</summary>
    private static bool TryParse(string typed, out decimal value) =>
        decimal.TryParse(typed, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
        || decimal.TryParse(typed, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.CurrentCulture, out value);

    private async Task<ServiceMeasure?> LoadAsync(int id, int measureId, CancellationToken ct)
    {
        var program = await db.FindManagedProgramAsync(User, id, ct);
        if (program is null) return null;
        var measure = await db.ServiceMeasures.Include(m => m.Values).SingleOrDefaultAsync(m => m.Id == measureId && m.ProgramId == id, ct);
        if (measure is null) return null;
        (ProgramId, ProgramName, MeasureId) = (program.Id, program.Name, measure.Id);
        ProgramStart = await db.Cohorts.Where(c => c.ProgramId == id).MinAsync(c => (DateOnly?)c.StartsOn, ct);

        // From six months before the first cohort (or a year back, or the first value recorded, if earlier) to this month.
        var thisMonth = ServiceMeasure.FirstOfMonth(time.Today);
        var first = thisMonth.AddMonths(-11);
        if (ProgramStart is { } start && ServiceMeasure.FirstOfMonth(start).AddMonths(-6) < first) first = ServiceMeasure.FirstOfMonth(start).AddMonths(-6);
        if (measure.Values.Count > 0 && measure.Values.Min(v => v.Month) < first) first = measure.Values.Min(v => v.Month);
        var months = new List<DateOnly>();
        for (var month = first; month <= thisMonth; month = month.AddMonths(1)) months.Add(month);
        Months = months;
        return measure;
    }
}
