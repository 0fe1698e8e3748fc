using Microsoft.AspNetCore.Identity;

namespace MentorHub.Core.Domain;

/// <summary>A member of staff: anyone who signs in, whatever roles they hold in programs.</summary>
public class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public string? JobTitle { get; set; }
    public string? Branch { get; set; }
    public CareerStage CareerStage { get; set; } = CareerStage.Established;

    /// <summary>IANA time zone id (e.g. Europe/Berlin); every time shown to this person is converted to it.</summary>
    public string TimeZoneId { get; set; } = "UTC";

    /// <summary>Optional mail this person has turned off.</summary>
    public NotificationKinds MutedNotifications { get; set; }

    /// <summary>SHA-256 of the secret in the person's calendar feed link; null until they create one.</summary>
    public string? CalendarFeedTokenHash { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public DateTime? InvitedAtUtc { get; set; }

    /// <summary>When the person went through (or skipped) the welcome step; null until their first sign-in does.</summary>
    public DateTime? WelcomedAtUtc { get; private set; }

    public bool NeedsWelcome => WelcomedAtUtc is null;

    /// <summary>The welcome step is done (answered or skipped) and is not shown again.</summary>
    public void MarkWelcomed(DateTime nowUtc) => WelcomedAtUtc ??= nowUtc;

    /// <summary>When an administrator disabled the account; a disabled person cannot sign in and keeps their history.</summary>
    public DateTime? DisabledAtUtc { get; private set; }

    public bool IsDisabled => DisabledAtUtc is not null;

    /// <summary>
    /// When the person last used MentorHub signed in (to the hour: a request stamps it at most once an hour). Null until
    /// their first signed-in request.
    /// </summary>
    public DateTime? LastSeenAtUtc { get; private set; }

    public static readonly TimeSpan LastSeenResolution = TimeSpan.FromHours(1);

    /// <summary>Stops the calendar-feed link; the person can create a new one after signing in.</summary>
    public void RevokeCalendarFeed() => CalendarFeedTokenHash = null;

    public void Disable(DateTime nowUtc)
    {
        if (IsDisabled) throw new DomainException($"{DisplayName}'s account is already disabled.");
        DisabledAtUtc = nowUtc;
        RevokeCalendarFeed();
    }

    public void Enable()
    {
        if (!IsDisabled) throw new DomainException($"{DisplayName}'s account is not disabled.");
        DisabledAtUtc = null;
    }

    public bool Wants(NotificationKinds kind) => (MutedNotifications & kind) == 0;

    public static readonly TimeSpan ReinviteInterval = TimeSpan.FromHours(1);

    /// <summary>Invited and not yet signed in (no password chosen).</summary>
    public bool HasPendingInvitation => InvitedAtUtc is not null && PasswordHash is null;

    /// <summary>Another invitation goes out: at most one an hour, and only while the first is not accepted.</summary>
    public void Reinvite(DateTime nowUtc)
    {
        if (!HasPendingInvitation) throw new DomainException($"{DisplayName} has already accepted the invitation and can sign in.");
        if (InvitedAtUtc + ReinviteInterval > nowUtc)
        {
            var wait = (int)Math.Ceiling((InvitedAtUtc!.Value + ReinviteInterval - nowUtc).TotalMinutes);
            throw new DomainException($"An invitation went to {DisplayName} less than an hour ago. You can send another in {wait} minute{(wait == 1 ? "" : "s")}.");
        }
        InvitedAtUtc = nowUtc;
    }
}

public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Coordinator = "Coordinator";

    public static readonly IReadOnlyList<string> All = [Administrator, Coordinator];
}
