using System.Globalization;

namespace MentorHub.Web.Infrastructure;

/// <summary>The IANA time zones people can choose, labelled with their current UTC offset.</summary>
public static class TimeZoneChoices
{
    private static readonly Lazy<IReadOnlyList<(string Id, string Label)>> Zones = new(() => TimeZoneInfo.GetSystemTimeZones()
        .Where(z => z.HasIanaId && (z.Id.Contains('/', StringComparison.Ordinal) || z.Id == "UTC") && !z.Id.StartsWith("Etc/", StringComparison.Ordinal))
        .OrderBy(z => z.Id, StringComparer.Ordinal)
        .Select(z => (z.Id, $"{z.Id.Replace('_', ' ')} (UTC{FormatOffset(z.GetUtcOffset(DateTime.UtcNow))})"))
        .Prepend(("UTC", "UTC (UTC+00:00)"))
        .DistinctBy(z => z.Item1)
        .ToList());

    public static IReadOnlyList<(string Id, string Label)> All => Zones.Value;

    public static bool IsKnown(string? id) => id is not null && All.Any(z => z.Id == id);

    private static string FormatOffset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "−" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
}
