using System.Text;
using CsvHelper;

namespace MentorHub.Core.Import;

/// <summary>
/// A CSV file as HR systems and spreadsheets write it: comma-, semicolon-, tab- or bar-separated (detected),
/// UTF-8 with or without a byte-order mark, UTF-16 with one, or Windows-1252; quoted fields may hold separators, quotes
/// and line breaks (RFC 4180). <see cref="Format"/> says what was detected, for the preview.
/// </summary>
public sealed record CsvTable(IReadOnlyList<string> Header, IReadOnlyList<CsvRow> Rows, string Format)
{
    static CsvTable() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Decodes the file's bytes (see the type's summary) and reads it.</summary>
    public static CsvTable Read(byte[] bytes)
    {
        var (text, encoding) = Decode(bytes);
        return Parse(text, encoding);
    }

    public static CsvTable Parse(string text, string encoding = "UTF-8")
    {
        var options = new CsvReaderOptions { HasHeader = false, TrackLineNumbers = true, TrimWhitespace = false, PoolStrings = false };
        using var reader = CsvReader.Create(new StringReader(text.TrimStart('\uFEFF')), options);
        var header = new List<string>();
        var rows = new List<CsvRow>();
        var first = true;
        while (reader.Read())
        {
            var fields = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i) ?? "").ToList();
            if (first)
            {
                header.AddRange(fields.Select(h => h.Trim()));
                first = false;
            }
            else if (fields.Any(f => !string.IsNullOrWhiteSpace(f)))
            {
                rows.Add(new CsvRow((int)reader.LineNumber, fields));
            }
        }
        var separator = first ? "comma" : reader.Separator switch { ';' => "semicolon", '\t' => "tab", '|' => "bar", _ => "comma" };
        return new CsvTable(header, rows, $"{encoding}, {separator}-separated");
    }

    private static (string Text, string Encoding) Decode(byte[] bytes)
    {
        if (bytes is [0xEF, 0xBB, 0xBF, ..]) return (Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3), "UTF-8 with byte-order mark");
        if (bytes is [0xFF, 0xFE, ..]) return (Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2), "UTF-16");
        if (bytes is [0xFE, 0xFF, ..]) return (Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2), "UTF-16");
        try
        {
            return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes), "UTF-8");
        }
        catch (DecoderFallbackException)
        {
            return (Encoding.GetEncoding(1252).GetString(bytes), "Windows-1252");
        }
    }
}

/// <summary>One data row and the line of the file it starts on (the header is line 1).</summary>
public sealed record CsvRow(int Line, IReadOnlyList<string> Fields)
{
    /// <summary>The trimmed field under <paramref name="column"/> of the (normalised) header, or "" when the row has no such column.</summary>
    public string Get(List<string> columns, string column)
    {
        var index = columns.IndexOf(column);
        return index >= 0 && index < Fields.Count ? Fields[index].Trim() : "";
    }
}
