using MimeKit;

namespace MentorHub.Core.Notifications;

/// <summary>
/// Builds the MIME message. A meeting request or cancellation (a text/calendar attachment with a <c>method</c>) is also
/// placed inside multipart/alternative next to the text and HTML bodies, as iMIP (RFC 6047) has it and where Outlook and
/// Gmail look for it; the same file stays attached for clients that only offer attachments.
/// </summary>
internal static class MimeMessageFactory
{
    public static MimeMessage Create(EmailMessage message, MailOptions options)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        mime.To.Add(new MailboxAddress(message.ToName, message.To));
        mime.Subject = message.Subject;
        if (!string.IsNullOrWhiteSpace(message.MessageIdDomain)) mime.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(message.MessageIdDomain);
        if (message.UnsubscribeUrl is { } unsubscribe)
        {
            mime.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            mime.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        var alternative = new MultipartAlternative
        {
            new TextPart("plain") { Text = message.TextBody },
            new TextPart("html") { Text = message.HtmlBody },
        };
        var attachments = new List<MimeEntity>();
        foreach (var attachment in message.Attachments)
        {
            var type = ContentType.Parse(attachment.ContentType);
            if (type.IsMimeType("text", "calendar") && type.Parameters.Contains("method"))
            {
                var calendar = new TextPart("calendar");
                calendar.SetText("utf-8", System.Text.Encoding.UTF8.GetString(attachment.Content));
                calendar.ContentType.Parameters["method"] = type.Parameters["method"] ?? MeetingCalendar.Request;
                alternative.Add(calendar);
            }
            attachments.Add(new MimePart(type)
            {
                Content = new MimeContent(new MemoryStream(attachment.Content)),
                ContentDisposition = new ContentDisposition(ContentDisposition.Attachment) { FileName = attachment.FileName },
                ContentTransferEncoding = ContentEncoding.Base64,
                FileName = attachment.FileName,
            });
        }
        if (attachments.Count == 0)
        {
            mime.Body = alternative;
            return mime;
        }
        var mixed = new Multipart("mixed") { alternative };
        foreach (var part in attachments) mixed.Add(part);
        mime.Body = mixed;
        return mime;
    }
}
