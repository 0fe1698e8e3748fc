using System.Text;
using MentorHub.Core.Import;

namespace MentorHub.Tests.Import;

/// <summary>CSV as HR systems and spreadsheets write it, and CSV that is safe to open in one.</summary>
public class CsvTests
{
    [Fact]
    public void Semicolon_separated_Windows_1252_from_Excel_is_read_and_said_so()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(1252).GetBytes("staff id;name;branch\r\nS-1;Zoë Müller;Côte Branch\r\n");

        var table = CsvTable.Read(bytes);

        Assert.Equal(["staff id", "name", "branch"], table.Header);
        Assert.Equal(["S-1", "Zoë Müller", "Côte Branch"], table.Rows[0].Fields);
        Assert.Equal("Windows-1252, semicolon-separated", table.Format);
    }

    [Fact]
    public void UTF_8_with_and_without_a_byte_order_mark()
    {
        var plain = Encoding.UTF8.GetBytes("name,email\nZoë,z@x.org\n");
        var marked = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(plain).ToArray();

        Assert.Equal("UTF-8, comma-separated", CsvTable.Read(plain).Format);
        var table = CsvTable.Read(marked);
        Assert.Equal("UTF-8 with byte-order mark, comma-separated", table.Format);
        Assert.Equal("name", table.Header[0]);
        Assert.Equal("Zoë", table.Rows[0].Fields[0]);
    }

    [Fact]
    public void Downloads_write_formulas_as_text_and_numbers_as_numbers()
    {
        var bytes = CsvFile.Write(["name", "change"], [["=HYPERLINK(\"http://evil\",\"x\")", -0.5], ["@SUM(A1)", 3], ["+1", null]]);
        var text = Encoding.UTF8.GetString(bytes);

        Assert.StartsWith("\uFEFF", text);
        var lines = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("name,change", lines[0]);
        Assert.StartsWith("\"'=HYPERLINK", lines[1]);
        Assert.EndsWith(",-0.5", lines[1]);
        Assert.StartsWith("\"'@SUM", lines[2]);
        Assert.StartsWith("\"'+1\"", lines[3]);
        // What a reader (a spreadsheet, or this app) gets back is the text, marked as text.
        Assert.Equal("'=HYPERLINK(\"http://evil\",\"x\")", CsvTable.Read(bytes).Rows[0].Fields[0]);
    }
}
