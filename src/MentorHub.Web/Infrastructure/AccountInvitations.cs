using MentorHub.Core.Data;
using MentorHub.Core.Domain;
using MentorHub.Core.Notifications;
using Microsoft.AspNetCore.Identity;

namespace MentorHub.Web.Infrastructure;

public sealed record InvitationResult(AppUser User, bool Created);

/// <summary>Creates an account without a password and emails its owner a link to choose one, in one transaction.</summary>
public sealed class AccountInvitations(
    UserManager<AppUser> users,
    MentorHubDbContext db,
    NotificationOutbox outbox,
    AppUrls urls,
    TimeProvider clock,
    ILogger<AccountInvitations> logger)
{
    /// <returns>The invited account, or the Identity errors that stopped it.</returns>
    public async Task<(InvitationResult? Result, IEnumerable<IdentityError> Errors)> InviteAsync(
        string email, string displayName, string? role, string invitedByUserId, string invitedByName, CancellationToken cancellationToken, string? context = null)
    {
        email = email.Trim();
        var now = clock.GetUtcNow().UtcDateTime;
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            DisplayName = displayName.Trim(),
            TimeZoneId = (await db.SettingsAsync(cancellationToken)).DefaultTimeZoneId,
            CreatedAtUtc = now,
            InvitedAtUtc = now,
        };
        IEnumerable<IdentityError> errors = [];
        // The account, its role, the audit row and the invitation commit together; a refused role rolls back the account.
        var committed = await db.InTransactionAsync(async ct =>
        {
            var created = await users.CreateAsync(user);
            if (created.Succeeded && role is not null) created = await users.AddToRoleAsync(user, role);
            if (!created.Succeeded)
            {
                errors = created.Errors;
                return false;
            }
            db.Audit(user, "UserInvited", role is null ? email : $"{email} as {role}");
            await QueueAsync(user, invitedByName, context);
            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);
        if (!committed) return (null, errors);
        logger.LogInformation("{InvitedBy} invited {UserId}", invitedByUserId, user.Id);
        return (new InvitationResult(user, Created: true), []);
    }

    /// <summary>Sends the invitation again (at most once an hour) and saves.</summary>
    public async Task ResendAsync(AppUser user, string invitedByName, string? context, CancellationToken cancellationToken)
    {
        user.Reinvite(clock.GetUtcNow().UtcDateTime);
        db.Audit(user, "InvitationResent", user.Email);
        await QueueAsync(user, invitedByName, context);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Adds the invitation mail to the unit of work; the caller saves.</summary>
    public async Task QueueAsync(AppUser user, string invitedByName, string? context = null)
    {
        var token = await users.GenerateUserTokenAsync(user, InvitationTokenProvider.Name, InvitationTokenProvider.Purpose);
        var link = urls.Page("/Account/AcceptInvitation", new { userId = user.Id, token });
        await outbox.QueueAsync(AccountEmails.Invitation(Recipient.Of(user), invitedByName, link, context));
    }
}
