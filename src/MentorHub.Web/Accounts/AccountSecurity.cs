using MentorHub.Core.Data;
using MentorHub.Core.Domain;
using Microsoft.AspNetCore.Identity;

namespace MentorHub.Web.Accounts;

/// <summary>
/// Ends a person's access where the account's security changes: every session (the security stamp, checked on each
/// request) and the calendar-feed link, whose secret would otherwise outlive a stolen password.
/// </summary>
public sealed class AccountSecurity(UserManager<AppUser> users, MentorHubDbContext db, TimeProvider clock, ILogger<AccountSecurity> logger)
{
    /// <summary>After a password change or reset: the feed link stops (the change itself already renewed the stamp).</summary>
    public async Task PasswordChangedAsync(AppUser user)
    {
        if (user.CalendarFeedTokenHash is null) return;
        user.RevokeCalendarFeed();
        await users.UpdateAsync(user);
        logger.LogInformation("Calendar feed of {UserId} revoked after a password change", user.Id);
    }

    /// <summary>Signs the person out of every browser at their next request, and stops their feed link.</summary>
    public async Task EndAllSessionsAsync(AppUser user, string actorId)
    {
        user.RevokeCalendarFeed();
        await users.UpdateSecurityStampAsync(user);
        await AuditAsync("SessionsEnded", user);
        logger.LogWarning("{ActorId} ended every session of {UserId}", actorId, user.Id);
    }

    public async Task DisableAsync(AppUser user, string actorId)
    {
        user.Disable(clock.GetUtcNow().UtcDateTime);
        await users.UpdateSecurityStampAsync(user);
        await AuditAsync("AccountDisabled", user);
        logger.LogWarning("{ActorId} disabled the account of {UserId}", actorId, user.Id);
    }

    public async Task EnableAsync(AppUser user, string actorId)
    {
        user.Enable();
        await users.UpdateAsync(user);
        await AuditAsync("AccountEnabled", user);
        logger.LogWarning("{ActorId} enabled the account of {UserId}", actorId, user.Id);
    }

    private async Task AuditAsync(string action, AppUser user)
    {
        db.Audit(user, action, user.Email);
        await db.SaveChangesAsync();
    }
}

/// <summary>Identity asks this before any sign-in (password, two-factor, refresh): a disabled account may not.</summary>
public sealed class EnabledAccountConfirmation : IUserConfirmation<AppUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<AppUser> manager, AppUser user) => Task.FromResult(!user.IsDisabled);
}
