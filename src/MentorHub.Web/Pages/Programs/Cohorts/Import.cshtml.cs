using System.Text;
using MentorHub.Core.Import;

namespace MentorHub.Web.Pages.Programs.Cohorts;

/// <summary>
/// Bulk enrollment from a CSV file: upload, then a preview with every row's problems; nothing is imported until the
/// coordinator confirms a clean file, or chooses to import only the valid rows. Large files import in the background
/// with a progress bar.
/// </summary>
public class ImportModel(MentorHubDbContext db, ParticipantImports imports, UserManager<AppUser> users) : PageModel
{
    public const int MaxFileBytes = 2 * 1024 * 1024;

    /// <summary>The most people one file may enrol (a cohort of a whole library system fits; a runaway export does not).</summary>
    public const int MaxRows = 5_000;

    public CohortInfo Cohort { get; private set; } = null!;
    public ImportCheck? Check { get; private set; }

    /// <summary>The uploaded file, carried through the preview so confirming imports exactly what was checked.</summary>
    public string? CsvContent { get; private set; }
    public ImportProgress? Progress { get; private set; }

    /// <summary>The file's encoding and separator as read, shown with the preview.</summary>
    public string? DetectedFormat { get; private set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Run { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, int cohortId, CancellationToken ct)
    {
        var cohort = await db.FindManagedCohortAsync(User, id, cohortId, ct);
        if (cohort is null) return NotFound();
        Cohort = cohort;
        if (Run is not null)
        {
            Progress = imports.Find(Run.Value);
            if (Progress is null || Progress.CohortId != cohortId) return NotFound();
        }
        return Page();
    }

    public async Task<IActionResult> OnGetTemplateAsync(int id, int cohortId, CancellationToken ct)
    {
        var cohort = await db.FindManagedCohortAsync(User, id, cohortId, ct);
        if (cohort is null) return NotFound();
        var competency = await db.Competencies.Where(c => !c.IsRetired).OrderBy(c => c.Name).Select(c => c.Name).FirstAsync(ct);
        var roles = cohort.Roles.Select(r => r.ToString().ToLowerInvariant()).ToList();
        var csv = new StringBuilder(string.Join(',', ParticipantImport.Columns)).Append("\r\n");
        if (roles.Contains("mentor"))
            csv.Append($"Grace Example,grace@example.org,mentor,Central,Systems Librarian,\"{competency}:4\",2,\"Mon morning; Wed afternoon\",hybrid\r\n");
        csv.Append($"Ada Example,ada@example.org,{roles[^1]},Central,Library Technician,\"{competency}:2\",,\"Mon morning; Thu afternoon\",in person\r\n");
        return File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv", "participants.csv");
    }

    public async Task<IActionResult> OnPostPreviewAsync(int id, int cohortId, IFormFile? file, CancellationToken ct)
    {
        var cohort = await db.FindManagedCohortAsync(User, id, cohortId, ct);
        if (cohort is null) return NotFound();
        Cohort = cohort;
        if (await MentorHub.Web.Binding.CsvUpload.ReadAsync(file, MaxFileBytes, ModelState, ct) is not { } bytes) return Page();
        CsvContent = Convert.ToBase64String(bytes);
        Check = await CheckAsync(cohort, bytes, ct);
        if (Check is null) CsvContent = null;
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(int id, int cohortId, string? csv, string? mode, CancellationToken ct)
    {
        var cohort = await db.FindManagedCohortAsync(User, id, cohortId, ct);
        if (cohort is null) return NotFound();
        Cohort = cohort;
        if (MentorHub.Web.Binding.CsvUpload.FromPreview(csv, ModelState) is not { } bytes) return Page();
        CsvContent = csv;
        Check = await CheckAsync(cohort, bytes, ct);
        if (Check is null) return Page();
        var rows = mode == "valid" ? Check.Rows.Where(r => r.IsValid).ToList() : Check.CanImportAll ? Check.Rows.ToList() : [];
        if (rows.Count == 0)
        {
            ModelState.AddModelError(string.Empty, Check.ValidCount == 0
                ? "No row can be imported. Fix the file and upload it again."
                : "The file has rows with problems, so nothing was imported. Fix them, or choose to import only the valid rows.");
            return Page();
        }
        var run = imports.Start(new ImportRun(Guid.NewGuid(), cohort, rows, users.GetUserId(User)!));
        return Redirect($"{cohort.Path}/Import?run={run.Id}");
    }

    /// <summary>The file's rows checked one by one, or null (with the reason in the form errors) when it has too many.</summary>
    private async Task<ImportCheck?> CheckAsync(CohortInfo cohort, byte[] bytes, CancellationToken ct)
    {
        var table = CsvTable.Read(bytes);
        DetectedFormat = table.Format;
        if (table.Rows.Count > MaxRows)
        {
            ModelState.AddModelError("file", $"The file has {table.Rows.Count:N0} rows; one file can add at most {MaxRows:N0} people. Split it into smaller files.");
            return null;
        }
        var competencies = await db.Competencies.AsNoTracking().Where(c => !c.IsRetired).ToDictionaryAsync(c => c.Name, c => c.Id, StringComparer.OrdinalIgnoreCase, ct);
        var enrolled = (await db.Enrollments.AsNoTracking().Where(e => e.CohortId == cohort.Id).Select(e => e.User!.Email!).ToListAsync(ct))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return ParticipantImport.Check(table, competencies, cohort.Roles, enrolled);
    }
}
