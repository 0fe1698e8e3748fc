namespace MentorHub.Core.Domain;

/// <summary>
/// Settings for the whole organisation, kept in one row that administrators edit. New accounts and invitations take
/// the default time zone, so a new person sees their colleagues' times from the start.
/// </summary>
public class OrganisationSettings : IVersioned
{
    public const int SingletonId = 1;

    public int Id { get; private set; } = SingletonId;

    /// <summary>IANA time zone id for new accounts (e.g. America/Chicago).</summary>
    public string DefaultTimeZoneId { get; private set; } = "UTC";

    public Guid Version { get; set; }

    public void ChangeDefaultTimeZone(string zoneId)
    {
        if (string.IsNullOrWhiteSpace(zoneId) || !TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out _))
            throw new DomainException("Choose a time zone from the list.");
        DefaultTimeZoneId = zoneId;
    }
}
