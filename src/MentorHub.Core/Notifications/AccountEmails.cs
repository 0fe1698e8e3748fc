using System.Net;

namespace MentorHub.Core.Notifications;

/// <summary>Security mail about a person's account. It cannot be turned off.</summary>
public static class AccountEmails
{
    public static EmailMessage PasswordReset(string email, string displayName, string link) => Compose(email, displayName,
        "Reset your MentorHub password",
        "Someone (hopefully you) asked to reset the password of your MentorHub account.",
        "Choose a new password", link,
        "The link works for two hours. If you did not ask for this, ignore this message: your password stays as it is.");

    public static EmailMessage Invitation(string email, string displayName, string invitedBy, string link) => Compose(email, displayName,
        "You are invited to MentorHub",
        $"{invitedBy} has invited you to MentorHub, where your library's mentoring programs run: meetings, goals and check-ins in one place.",
        "Accept the invitation", link,
        "The link works for seven days. Accepting it lets you choose your password.");

    private static EmailMessage Compose(string email, string displayName, string subject, string intro, string action, string link, string footnote)
    {
        var name = string.IsNullOrWhiteSpace(displayName) ? email : displayName;
        var text = $"Hello {name},\n\n{intro}\n\n{action}: {link}\n\n{footnote}\n\n-- MentorHub\n";
        var html = $"""
            <!DOCTYPE html>
            <html lang="en"><body style="margin:0;padding:24px;background:#f5f7f6;font-family:Arial,Helvetica,sans-serif;color:#15232b">
            <table role="presentation" width="100%" style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #dde3e1;border-radius:8px">
            <tr><td style="background:#0f5257;color:#ffffff;padding:16px 24px;font-size:18px;font-weight:bold;border-radius:8px 8px 0 0">MentorHub</td></tr>
            <tr><td style="padding:24px">
            <p>Hello {Encode(name)},</p>
            <p>{Encode(intro)}</p>
            <p style="margin:24px 0"><a href="{Encode(link)}" style="background:#0f5257;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:bold">{Encode(action)}</a></p>
            <p style="font-size:13px;color:#4d5b62">{Encode(footnote)}</p>
            <p style="font-size:13px;color:#4d5b62">If the button does not work, paste this address into your browser:<br>{Encode(link)}</p>
            </td></tr></table></body></html>
            """;
        return new EmailMessage(email, name, subject, html, text);
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
