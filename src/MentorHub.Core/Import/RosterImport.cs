using System.Globalization;
using MentorHub.Core.Domain;

namespace MentorHub.Core.Import;

/// <summary>A row of a staff file, read and checked.</summary>
public sealed record RosterRow(int Line, string StaffNumber, StaffDetails Details, IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

public sealed record RosterCheck(IReadOnlyList<RosterRow> Rows, IReadOnlyList<string> FileErrors, string Format)
{
    public int ValidCount => Rows.Count(r => r.IsValid);
    public int InvalidCount => Rows.Count(r => !r.IsValid);
    public bool CanImportAll => FileErrors.Count == 0 && Rows.Count > 0 && InvalidCount == 0;
}

/// <summary>
/// Reads and checks the organisation's staff file (columns: staff id, name, email, branch, job title, career stage,
/// hire date, leave date, leave reason, manager id; only staff id and name are required) before anything is imported.
/// The manager id is the staff id of the person's line manager: matching never pairs someone with their own manager.
/// </summary>
public static class RosterImport
{
    public const int MaxRows = 20_000;
    public static readonly string[] Columns = ["staff id", "name", "email", "branch", "job title", "career stage", "hire date", "leave date", "leave reason", "manager id"];
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/MM/dd", "d.M.yyyy", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss"];

    public static RosterCheck Check(CsvTable table)
    {
        var columns = table.Header.Select(Normalize).ToList();
        if (table.Header.Count == 0) return new RosterCheck([], ["The file is empty."], table.Format);
        var missing = new[] { "staff id", "name" }.Where(c => !columns.Contains(c)).ToList();
        if (missing.Count > 0)
            return new RosterCheck([], [$"The first line must name the columns; missing: {string.Join(", ", missing)}. Expected: {string.Join(", ", Columns)}."], table.Format);
        if (table.Rows.Count == 0) return new RosterCheck([], ["The file has a header but no rows."], table.Format);
        if (table.Rows.Count > MaxRows) return new RosterCheck([], [$"The file has {table.Rows.Count:N0} rows; import at most {MaxRows:N0} at a time."], table.Format);

        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var rows = new List<RosterRow>(table.Rows.Count);
        foreach (var row in table.Rows)
        {
            string Get(string column) => row.Get(columns, column);
            var errors = new List<string>();
            var staffNumber = Get("staff id");
            if (staffNumber.Length == 0) errors.Add("The staff id is missing.");
            else if (staffNumber.Length > 40) errors.Add("The staff id is longer than 40 characters.");
            else if (seen.TryGetValue(staffNumber, out var firstLine)) errors.Add($"Duplicate: staff id {staffNumber} is already on line {firstLine}.");
            if (staffNumber.Length > 0) seen.TryAdd(staffNumber, row.Line);

            var name = Get("name");
            if (name.Length == 0) errors.Add("The name is missing.");
            else if (name.Length > 120) errors.Add("The name is longer than 120 characters.");
            var email = Get("email");
            if (email.Length > 0 && !ParticipantImport.IsEmail(email)) errors.Add($"“{email}” is not a valid email address.");
            foreach (var (column, limit) in new[] { ("branch", 120), ("job title", 120), ("leave reason", 200) })
                if (Get(column).Length > limit) errors.Add($"The {column} is longer than {limit} characters.");

            var stageText = Get("career stage");
            CareerStage? stage = null;
            if (stageText.Length > 0)
            {
                stage = Stage(stageText);
                if (stage is null) errors.Add($"“{stageText}” is not a career stage; use early career, developing, established or senior.");
            }
            var hired = Date(Get("hire date"), "hire date", errors);
            var left = Date(Get("leave date"), "leave date", errors);
            if (hired is { } h && left is { } l && l < h) errors.Add("The leave date is before the hire date.");
            if (left is null && Get("leave reason").Length > 0) errors.Add("A leave reason needs a leave date.");
            var manager = Get("manager id");
            if (manager.Length > 40) errors.Add("The manager id is longer than 40 characters.");
            else if (manager.Length > 0 && string.Equals(manager, staffNumber, StringComparison.OrdinalIgnoreCase)) errors.Add("A person cannot be their own manager.");

            rows.Add(new RosterRow(row.Line, staffNumber, new StaffDetails(name, Blank(email), Blank(Get("branch")), Blank(Get("job title")), stage, hired, left, Blank(Get("leave reason")), Blank(manager)), errors));
        }
        return new RosterCheck(rows, [], table.Format);
    }

    internal static DateOnly? Date(string text, string what, List<string> errors)
    {
        if (text.Length == 0) return null;
        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dateTime)) return DateOnly.FromDateTime(dateTime);
        errors.Add($"“{text}” is not a {what}; write dates as YYYY-MM-DD.");
        return null;
    }

    private static CareerStage? Stage(string text) => text.ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal) switch
    {
        "earlycareer" or "early" or "1" => CareerStage.EarlyCareer,
        "developing" or "2" => CareerStage.Developing,
        "established" or "3" => CareerStage.Established,
        "senior" or "4" => CareerStage.Senior,
        _ => null,
    };

    private static string? Blank(string value) => value.Length == 0 ? null : value;

    private static string Normalize(string column) => column.Trim().ToLowerInvariant().Replace('_', ' ') switch
    {
        "staff number" or "staffid" or "employee id" or "employee number" or "id" => "staff id",
        "full name" or "display name" => "name",
        "e-mail" or "email address" => "email",
        "jobtitle" or "title" or "position" => "job title",
        "stage" or "career" => "career stage",
        "hired" or "hired on" or "start date" or "hiredate" => "hire date",
        "left" or "left on" or "end date" or "leavedate" or "termination date" => "leave date",
        "reason" or "leaving reason" => "leave reason",
        "manager" or "manager staff id" or "line manager" or "reports to" or "supervisor id" => "manager id",
        var other => other,
    };
}
