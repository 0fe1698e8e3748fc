using System.Globalization;

namespace MentorHub.Core.Notifications;

/// <summary>The <c>Notifications</c> configuration section.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>The address links in mail point at when no request is there to take it from (jobs).</summary>
    /// <summary>The placeholder site address; outside Development MentorHub refuses to start with it.</summary>
    public const string DefaultSiteUrl = "http://localhost:5000/";

    public string SiteUrl { get; set; } = DefaultSiteUrl;

    /// <summary>How long before a meeting its reminders go out, e.g. "24h,1h" or "90m".</summary>
    public string ReminderLeadTimes { get; set; } = "24h,1h";

    /// <summary>
    /// How long a delivery run holds the messages it claimed: if its server dies, another sends them after this long.
    /// A run stops a fifth of it early, so keep it well above the time a batch of sends can take.
    /// </summary>
    public int DeliveryLeaseSeconds { get; set; } = 300;

    /// <summary>How long sent messages stay in the outbox (and on the administrators' outbox page).</summary>
    public int KeepSentDays { get; set; } = 90;

    public SiteLinks Links => new(new Uri(SiteUrl.EndsWith('/') ? SiteUrl : SiteUrl + "/"));

    /// <summary>The lead times, shortest first.</summary>
    public IReadOnlyList<TimeSpan> LeadTimes() => ReminderLeadTimes
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(ParseLead).Distinct().Order().ToList();

    private static TimeSpan ParseLead(string value)
    {
        var unit = value[^1];
        if (unit is 'h' or 'm' && int.TryParse(value[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var amount) && amount > 0)
            return unit == 'h' ? TimeSpan.FromHours(amount) : TimeSpan.FromMinutes(amount);
        throw new FormatException($"Notifications:ReminderLeadTimes has '{value}'; write lead times like 24h or 90m, separated by commas.");
    }
}
