using System.Security.Claims;

namespace MentorHub.Web.Infrastructure;

/// <summary>The signed-in person's clock: converts stored UTC times to their time zone and back.</summary>
public sealed class UserTime(IHttpContextAccessor accessor, TimeProvider clock)
{
    private TimeZoneInfo? _zone;

    public TimeZoneInfo Zone => _zone ??= FindZone(accessor.HttpContext?.User.FindFirstValue(MentorHubClaimsPrincipalFactory.TimeZoneClaim));

    public DateTime NowLocal => ToLocal(clock.GetUtcNow().UtcDateTime);

    public DateOnly Today => DateOnly.FromDateTime(NowLocal);

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>
    /// Converts a wall-clock time the person typed in their zone to UTC. A time skipped when the clocks go forward does
    /// not exist and is refused; a time that happens twice when they go back is taken as the first of the two.
    /// </summary>
    public bool TryToUtc(DateTime local, out DateTime utc, out string? error)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            (utc, error) = (default, $"{local:HH:mm} on {local:d MMM yyyy} does not exist in {Zone.Id}: the clocks go forward then. Choose another time.");
            return false;
        }
        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        (utc, error) = (DateTime.SpecifyKind(local - offset, DateTimeKind.Utc), null);
        return true;
    }

    public string Format(DateTime utc) => ToLocal(utc).ToString("ddd d MMM yyyy, HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static TimeZoneInfo FindZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) return TimeZoneInfo.Utc;
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
    }
}
