using System.Globalization;
using MentorHub.Core.Notifications;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace MentorHub.Web.Accounts;

/// <summary>
/// One-click unsubscribe links: the person and the kind of mail, protected with the app's data-protection keys (shared
/// by every server), so a link cannot be made up or altered. The link turns that kind off and nothing else.
/// </summary>
public sealed class UnsubscribeLinks(IDataProtectionProvider protection, IOptions<NotificationOptions> options) : IUnsubscribeLinks
{
    private readonly IDataProtector _protector = protection.CreateProtector("MentorHub.Unsubscribe.v1");

    public string For(string userId, NotificationKinds preference)
    {
        var token = WebEncoders.Base64UrlEncode(_protector.Protect(System.Text.Encoding.UTF8.GetBytes($"{userId}|{(int)preference}")));
        return options.Value.Links.To("/Unsubscribe?t=" + token);
    }

    /// <summary>The person and kind a token stands for; null for anything that is not one of ours.</summary>
    public (string UserId, NotificationKinds Preference)? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2000) return null;
        try
        {
            var parts = System.Text.Encoding.UTF8.GetString(_protector.Unprotect(WebEncoders.Base64UrlDecode(token))).Split('|');
            return parts is [var userId, var kind] && int.TryParse(kind, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                && NotificationKind.Choices.Any(c => (int)c.Kind == value)
                ? (userId, (NotificationKinds)value) : null;
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or FormatException)
        {
            return null;
        }
    }
}
