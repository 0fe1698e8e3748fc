using MentorHub.Core.Data;
using MentorHub.Core.Domain;
using MentorHub.Core.Notifications;
using Microsoft.AspNetCore.Identity;

namespace MentorHub.Web.Infrastructure;

public sealed record InvitationResult(AppUser User, bool Created);

/// <summary>Creates an account without a password and emails its owner a link to choose one.</summary>
public sealed class AccountInvitations(
    UserManager<AppUser> users,
    MentorHubDbContext db,
    IEmailSender mail,
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
            CreatedAtUtc = now,
            InvitedAtUtc = now,
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded) return (null, created.Errors);
        if (role is not null)
        {
            var granted = await users.AddToRoleAsync(user, role);
            if (!granted.Succeeded) return (null, granted.Errors);
        }
        db.AuditEntries.Add(new AuditEntry(invitedByUserId, "UserInvited", nameof(AppUser), user.Id, role is null ? email : $"{email} as {role}", now));
        await db.SaveChangesAsync(cancellationToken);

        await SendAsync(user, invitedByName, cancellationToken, context);
        logger.LogInformation("{InvitedBy} invited {UserId}", invitedByUserId, user.Id);
        return (new InvitationResult(user, Created: true), []);
    }

    public async Task SendAsync(AppUser user, string invitedByName, CancellationToken cancellationToken, string? context = null)
    {
        var token = await users.GenerateUserTokenAsync(user, InvitationTokenProvider.Name, InvitationTokenProvider.Purpose);
        var link = urls.Page("/Account/AcceptInvitation", new { userId = user.Id, token });
        await mail.SendAsync(AccountEmails.Invitation(user.Email!, user.DisplayName, invitedByName, link, context), cancellationToken);
    }
}
