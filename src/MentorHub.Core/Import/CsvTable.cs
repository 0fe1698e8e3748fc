using System.Text;

namespace MentorHub.Core.Import;

/// <summary>A parsed CSV file (RFC 4180: quoted fields, doubled quotes, commas and line breaks inside quotes).</summary>
public sealed record CsvTable(IReadOnlyList<string> Header, IReadOnlyList<CsvRow> Rows)
{
    public static CsvTable Parse(string text)
    {
        var records = ReadRecords(text.TrimStart('\uFEFF'));
        if (records.Count == 0) return new CsvTable([], []);
        var header = records[0].Fields.Select(h => h.Trim()).ToList();
        var rows = records.Skip(1).Where(r => r.Fields.Any(f => !string.IsNullOrWhiteSpace(f))).Select(r => new CsvRow(r.Line, r.Fields)).ToList();
        return new CsvTable(header, rows);
    }

    private static List<(int Line, List<string> Fields)> ReadRecords(string text)
    {
        var records = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var line = 1;
        var recordLine = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (inQuotes)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (ch == '"') inQuotes = false;
                else
                {
                    if (ch == '\n') line++;
                    field.Append(ch);
                }
                continue;
            }
            switch (ch)
            {
                case '"' when field.Length == 0:
                    inQuotes = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    records.Add((recordLine, fields));
                    fields = [];
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(ch);
                    break;
            }
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add((recordLine, fields));
        }
        return records;
    }
}

/// <summary>One data row and the line of the file it starts on (the header is line 1).</summary>
public sealed record CsvRow(int Line, IReadOnlyList<string> Fields);
