namespace MentorHub.Core.Notifications;

public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

public sealed record EmailMessage(string To, string? ToName, string Subject, string HtmlBody, string TextBody)
{
    public IReadOnlyList<EmailAttachment> Attachments { get; init; } = [];
}

/// <summary>Hands a finished message to a mail transport: SMTP in production, a pickup folder in Development.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}
