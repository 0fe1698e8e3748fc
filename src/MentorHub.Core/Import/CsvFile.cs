using CsvHelper;

namespace MentorHub.Core.Import;

/// <summary>
/// Every CSV MentorHub hands out: UTF-8 with a byte-order mark (so Excel reads accents right), and any cell that a
/// spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return) written as text.
/// </summary>
public static class CsvFile
{
    /// <param name="rows">Cells: text is neutralised where it could be a formula; numbers and dates are written as values.</param>
    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var buffer = new MemoryStream();
        using (var writer = CsvWriter.Create(buffer, new CsvWriterOptions { Injection = CsvInjection.Escape, WriteByteOrderMark = true }, leaveOpen: true))
        {
            writer.WriteRecord([.. header]);
            foreach (var row in rows)
            {
                foreach (var cell in row) writer.WriteField(cell);
                writer.EndRecord();
            }
            writer.Flush();
        }
        return buffer.ToArray();
    }
}
