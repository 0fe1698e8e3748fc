using MentorHub.Core.Domain;

namespace MentorHub.Core.Import;

/// <summary>A row of an outcome records file, read and checked.</summary>
public sealed record OutcomeRow(int Line, string StaffNumber, OutcomeKind? Kind, DateOnly? OccurredOn, string? Note, IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

public sealed record OutcomeCheck(IReadOnlyList<OutcomeRow> Rows, IReadOnlyList<string> FileErrors, string Format);

/// <summary>
/// Reads and checks a file of outcome records (columns: staff id, outcome, date, note): certifications, promotions,
/// role changes and leavers from HR or a training provider, before anything is recorded.
/// </summary>
public static class OutcomeImport
{
    public const int MaxRows = 20_000;
    public static readonly string[] Columns = ["staff id", "outcome", "date", "note"];

    public static OutcomeCheck Check(CsvTable table, DateOnly today)
    {
        var columns = table.Header.Select(Normalize).ToList();
        if (table.Header.Count == 0) return new OutcomeCheck([], ["The file is empty."], table.Format);
        var missing = new[] { "staff id", "outcome", "date" }.Where(c => !columns.Contains(c)).ToList();
        if (missing.Count > 0)
            return new OutcomeCheck([], [$"The first line must name the columns; missing: {string.Join(", ", missing)}. Expected: {string.Join(", ", Columns)}."], table.Format);
        if (table.Rows.Count == 0) return new OutcomeCheck([], ["The file has a header but no rows."], table.Format);
        if (table.Rows.Count > MaxRows) return new OutcomeCheck([], [$"The file has {table.Rows.Count:N0} rows; import at most {MaxRows:N0} at a time."], table.Format);

        var seen = new Dictionary<(string, OutcomeKind, DateOnly), int>();
        var rows = new List<OutcomeRow>(table.Rows.Count);
        foreach (var row in table.Rows)
        {
            string Get(string column) => row.Get(columns, column);
            var errors = new List<string>();
            var staffNumber = Get("staff id");
            if (staffNumber.Length == 0) errors.Add("The staff id is missing.");
            var kindText = Get("outcome");
            var kind = Kind(kindText);
            if (kind is null)
                errors.Add(kindText.Length == 0 ? "The outcome is missing." : $"“{kindText}” is not an outcome; use certification, promoted, role changed or left.");
            var date = RosterImport.Date(Get("date"), "date", errors);
            if (date is null && Get("date").Length == 0) errors.Add("The date is missing.");
            if (date > today) errors.Add($"The date {date:yyyy-MM-dd} is in the future.");
            var note = Get("note");
            if (note.Length > 1000) errors.Add("The note is longer than 1,000 characters.");
            if (kind is { } k && date is { } d && staffNumber.Length > 0)
            {
                var key = (staffNumber.ToUpperInvariant(), k, d);
                if (seen.TryGetValue(key, out var firstLine)) errors.Add($"Duplicate: the same outcome on the same day is already on line {firstLine}.");
                else seen[key] = row.Line;
            }
            rows.Add(new OutcomeRow(row.Line, staffNumber, kind, date, note.Length == 0 ? null : note, errors));
        }
        return new OutcomeCheck(rows, [], table.Format);
    }

    private static OutcomeKind? Kind(string text) => text.ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal) switch
    {
        "certification" or "certificationearned" or "certified" or "certificate" => OutcomeKind.CertificationEarned,
        "promoted" or "promotion" => OutcomeKind.Promoted,
        "rolechanged" or "rolechange" or "newrole" => OutcomeKind.RoleChanged,
        "left" or "leftorganisation" or "leftorganization" or "leaver" or "left the organisation" => OutcomeKind.LeftOrganisation,
        _ => null,
    };

    private static string Normalize(string column) => column.Trim().ToLowerInvariant().Replace('_', ' ') switch
    {
        "staff number" or "staffid" or "employee id" or "employee number" or "id" => "staff id",
        "kind" or "event" or "type" => "outcome",
        "occurred on" or "on" or "when" => "date",
        "notes" or "details" or "comment" => "note",
        var other => other,
    };
}
