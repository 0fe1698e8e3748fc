namespace MentorHub.Core.Notifications;

public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

public sealed record EmailMessage(string To, string? ToName, string Subject, string HtmlBody, string TextBody)
{
    public IReadOnlyList<EmailAttachment> Attachments { get; init; } = [];

    /// <summary>The one-click unsubscribe link for optional mail (List-Unsubscribe and List-Unsubscribe-Post headers).</summary>
    public string? UnsubscribeUrl { get; init; }

    /// <summary>The domain Message-IDs end in: the site's own host, never the machine's name.</summary>
    public string? MessageIdDomain { get; init; }
}

/// <summary>Hands a finished message to a mail transport: SMTP in production, a pickup folder in Development.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);

    /// <summary>A session for sending many messages in a row (one SMTP connection); by default each goes on its own.</summary>
    IEmailSession OpenSession() => new OneAtATime(this);

    private sealed class OneAtATime(IEmailSender sender) : IEmailSession
    {
        public Task SendAsync(EmailMessage message, CancellationToken cancellationToken) => sender.SendAsync(message, cancellationToken);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

public interface IEmailSession : IAsyncDisposable
{
    /// <exception cref="MailTransportUnavailableException">The transport cannot be reached at all: no message will go now.</exception>
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

/// <summary>The mail server could not be reached or refused to let MentorHub in; every message would fail the same way.</summary>
public sealed class MailTransportUnavailableException(string message, Exception inner) : Exception(message, inner);
