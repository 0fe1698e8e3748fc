namespace MentorHub.Web.Infrastructure;

/// <summary>Builds LIKE patterns from what people type, so % and _ match themselves (same on SQLite and SQL Server).</summary>
public static class SearchPattern
{
    public const string Escape = "\\";

    public static string Contains(string text) =>
        "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
