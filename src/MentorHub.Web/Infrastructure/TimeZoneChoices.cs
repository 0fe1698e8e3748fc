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

    /// <summary>Zones most people here choose, offered first after the organisation's own.</summary>
    public static readonly IReadOnlyList<string> Common =
    [
        "UTC", "Europe/London", "Europe/Dublin", "Europe/Paris", "Europe/Berlin", "America/New_York", "America/Chicago", "America/Denver",
        "America/Los_Angeles", "America/Toronto", "Australia/Sydney", "Pacific/Auckland", "Asia/Kolkata", "Asia/Singapore", "Asia/Tokyo",
    ];

    /// <summary>
    /// The picker's groups: the organisation's zone and the common ones first, then every other zone under its region
    /// ("Africa", "America", "Europe", …), each in alphabetical order.
    /// </summary>
    public static IReadOnlyList<(string Group, IReadOnlyList<(string Id, string Label)> Zones)> Grouped(string? organisationZoneId)
    {
        var first = new[] { organisationZoneId }.Concat(Common).Where(IsKnown).Distinct().Select(id => All.First(z => z.Id == id)).ToList();
        var rest = All.Where(z => !first.Contains(z)).GroupBy(z => z.Id.Split('/')[0])
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<(string, string)>)g.ToList()));
        return [("Suggested", first), .. rest];
    }

    private static string FormatOffset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "−" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
}
