using MentorHub.Core.Import;
using MentorHub.Core.Staff;

namespace MentorHub.Web.Pages.Staff;

/// <summary>
/// Records outcomes (certifications, promotions, role changes, leavers) from a file against people on the roster:
/// upload, a preview of every row, then record. A re-imported file records nothing twice.
/// </summary>
public class ImportOutcomesModel(MentorHubDbContext db, OutcomeRecords records, UserTime time, UserManager<AppUser> users, TimeProvider clock) : PageModel
{
    public OutcomeCheck? Check { get; private set; }
    public IReadOnlyDictionary<int, OutcomeRecordOutcome> Outcomes { get; private set; } = new Dictionary<int, OutcomeRecordOutcome>();
    public bool Imported { get; private set; }
    public string? CsvContent { get; private set; }

    public void OnGet()
    {
    }

    public IActionResult OnGetTemplate() => File(CsvFile.Write(OutcomeImport.Columns,
        [["S-1001", "certification", "2026-03-14", "Digital Preservation Foundation certificate"], ["S-1002", "promoted", "2026-05-01", "Senior Library Technician"]]), "text/csv", "outcomes.csv");

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, CancellationToken ct)
    {
        if (await MentorHub.Web.Binding.CsvUpload.ReadAsync(file, ImportModel.MaxFileBytes, ModelState, ct) is not { } bytes) return Page();
        CsvContent = Convert.ToBase64String(bytes);
        await CheckAsync(bytes, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(string? csv, CancellationToken ct)
    {
        if (MentorHub.Web.Binding.CsvUpload.FromPreview(csv, ModelState) is not { } bytes) return Page();
        CsvContent = csv;
        await CheckAsync(bytes, ct);
        var rows = Check!.Rows.Where(r => r.IsValid).ToList();
        if (Count(OutcomeRecordResult.New) == 0)
        {
            ModelState.AddModelError(string.Empty, "No row has a new outcome to record. Fix the file and upload it again.");
            return Page();
        }
        Outcomes = (await records.ImportAsync(rows, users.GetUserId(User), clock.GetUtcNow().UtcDateTime, ct)).ToDictionary(o => o.Line);
        await db.SaveChangesAsync(ct);
        Imported = true;
        CsvContent = null;
        return Page();
    }

    private async Task CheckAsync(byte[] bytes, CancellationToken ct)
    {
        Check = OutcomeImport.Check(CsvTable.Read(bytes), time.Today);
        Outcomes = (await records.PreviewAsync(Check.Rows.Where(r => r.IsValid).ToList(), ct)).ToDictionary(o => o.Line);
    }

    public int Count(OutcomeRecordResult result) => Outcomes.Values.Count(o => o.Result == result);

    public int Problems => (Check?.Rows.Count(r => !r.IsValid) ?? 0) + Count(OutcomeRecordResult.NotOnRoster);
}
