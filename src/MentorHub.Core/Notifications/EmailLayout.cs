using System.Net;

namespace MentorHub.Core.Notifications;

/// <summary>MentorHub's mail look: a branded card with a greeting, a message, one button and small print, plus the plain-text twin.</summary>
public static class EmailLayout
{
    public static EmailMessage Compose(string email, string name, string subject, string body, string action, string link, string footnote)
    {
        var greeting = string.IsNullOrWhiteSpace(name) ? email : name;
        var text = $"Hello {greeting},\n\n{body}\n\n{action}: {link}\n\n{footnote}\n\n-- MentorHub\n";
        var html = $"""
            <!DOCTYPE html>
            <html lang="en"><body style="margin:0;padding:24px;background:#f5f7f6;font-family:Arial,Helvetica,sans-serif;color:#15232b">
            <table role="presentation" width="100%" style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #dde3e1;border-radius:8px">
            <tr><td style="background:#0f5257;color:#ffffff;padding:16px 24px;font-size:18px;font-weight:bold;border-radius:8px 8px 0 0">MentorHub</td></tr>
            <tr><td style="padding:24px">
            <p>Hello {Encode(greeting)},</p>
            <p>{Encode(body)}</p>
            <p style="margin:24px 0"><a href="{Encode(link)}" style="background:#0f5257;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:bold">{Encode(action)}</a></p>
            <p style="font-size:13px;color:#4d5b62">{Encode(footnote)}</p>
            <p style="font-size:13px;color:#4d5b62">If the button does not work, paste this address into your browser:<br>{Encode(link)}</p>
            </td></tr></table></body></html>
            """;
        return new EmailMessage(email, greeting, subject, html, text);
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
