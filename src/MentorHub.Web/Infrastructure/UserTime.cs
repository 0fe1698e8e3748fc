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

    public string Format(DateTime utc) => ToLocal(utc).ToString("ddd d MMM yyyy, HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static TimeZoneInfo FindZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) return TimeZoneInfo.Utc;
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
    }
}
