using MentorHub.Core.Import;
using MentorHub.Core.Staff;

namespace MentorHub.Web.Pages.Staff;

/// <summary>
/// Imports the organisation's staff list: upload, then a preview of every row (new person, what changes, or a
/// problem); nothing changes until confirmed. Re-importing updates people by staff id and reports what changed.
/// </summary>
public class ImportModel(MentorHubDbContext db, StaffRoster roster, TimeProvider clock) : PageModel
{
    public const int MaxFileBytes = 8 * 1024 * 1024;

    public RosterCheck? Check { get; private set; }

    /// <summary>What each valid row will do (preview) or did (after importing), by line.</summary>
    public IReadOnlyDictionary<int, RosterOutcome> Outcomes { get; private set; } = new Dictionary<int, RosterOutcome>();
    public bool Imported { get; private set; }

    /// <summary>The uploaded file, carried through the preview so confirming imports exactly what was checked.</summary>
    public string? CsvContent { get; private set; }

    public void OnGet()
    {
    }

    public IActionResult OnGetTemplate() => File(CsvFile.Write(RosterImport.Columns,
        [["S-1001", "Ada Example", "ada@example.org", "Central", "Library Technician", "early career", "2022-09-01", "", ""]]), "text/csv", "staff.csv");

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, CancellationToken ct)
    {
        if (await MentorHub.Web.Binding.CsvUpload.ReadAsync(file, MaxFileBytes, ModelState, ct) is not { } bytes) return Page();
        CsvContent = Convert.ToBase64String(bytes);
        await CheckAsync(bytes, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(string? csv, string? mode, CancellationToken ct)
    {
        if (MentorHub.Web.Binding.CsvUpload.FromPreview(csv, ModelState) is not { } bytes) return Page();
        CsvContent = csv;
        await CheckAsync(bytes, ct);
        var rows = Check!.CanImportAll || mode == "valid" ? Check.Rows.Where(r => r.IsValid).ToList() : [];
        if (rows.Count == 0)
        {
            ModelState.AddModelError(string.Empty, Check.ValidCount == 0
                ? "No row can be imported. Fix the file and upload it again."
                : "The file has rows with problems, so nothing was imported. Fix them, or choose to import only the valid rows.");
            return Page();
        }
        Outcomes = (await roster.ImportAsync(rows, clock.GetUtcNow().UtcDateTime, ct)).ToDictionary(o => o.Line);
        await db.SaveChangesAsync(ct);
        Imported = true;
        CsvContent = null;
        return Page();
    }

    private async Task CheckAsync(byte[] bytes, CancellationToken ct)
    {
        Check = RosterImport.Check(CsvTable.Read(bytes));
        Outcomes = (await roster.PreviewAsync(Check.Rows.Where(r => r.IsValid).ToList(), ct)).ToDictionary(o => o.Line);
    }

    public int Count(RosterChange change) => Outcomes.Values.Count(o => o.Change == change);
}
