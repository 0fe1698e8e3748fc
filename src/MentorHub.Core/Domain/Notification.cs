namespace MentorHub.Core.Domain;

/// <summary>
/// One message in the outbox: written in the same transaction as the change that caused it, delivered by a job.
/// The unique <see cref="DedupeKey"/> (e.g. <c>reminder:24h:meeting:42:user:7</c>) makes a second attempt to
/// create the same message a no-op, so retries and parallel servers never send twice.
/// </summary>
public class Notification
{
    private Notification() { }

    public Notification(string dedupeKey, string kind, string? recipientUserId, string recipientEmail, string subject, string htmlBody, string textBody, DateTime createdAtUtc)
    {
        DedupeKey = dedupeKey;
        Kind = kind;
        RecipientUserId = recipientUserId;
        RecipientEmail = recipientEmail;
        Subject = subject;
        HtmlBody = htmlBody;
        TextBody = textBody;
        CreatedAtUtc = createdAtUtc;
        NextAttemptAtUtc = createdAtUtc;
    }

    public long Id { get; private set; }

    /// <summary>The recipient's name, for the To header.</summary>
    public string? RecipientName { get; init; }

    /// <summary>The signed one-click link that turns this kind of mail off for the recipient (RFC 8058); null for mail that always goes.</summary>
    public string? UnsubscribeUrl { get; init; }
    public string DedupeKey { get; private set; } = "";
    public string Kind { get; private set; } = "";
    public string? RecipientUserId { get; private set; }
    public string RecipientEmail { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string HtmlBody { get; private set; } = "";
    public string TextBody { get; private set; } = "";
    public NotificationStatus Status { get; private set; } = NotificationStatus.Pending;
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime NextAttemptAtUtc { get; private set; }

    /// <summary>A delivery worker's claim: until this time no other worker takes the row.</summary>
    public DateTime? ClaimedUntilUtc { get; private set; }
    public Guid? ClaimToken { get; private set; }
    public DateTime? SentAtUtc { get; private set; }

    public List<NotificationAttachment> Attachments { get; } = [];

    public void MarkSent(DateTime nowUtc)
    {
        Status = NotificationStatus.Sent;
        Attempts++;
        SentAtUtc = nowUtc;
        LastError = null;
        ClaimedUntilUtc = null;
        ClaimToken = null;
    }

    /// <summary>Records a failed attempt; retries back off exponentially until <paramref name="maxAttempts"/>, then the message is failed.</summary>
    public void MarkAttemptFailed(string error, DateTime nowUtc, int maxAttempts)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
        ClaimedUntilUtc = null;
        ClaimToken = null;
        if (Attempts >= maxAttempts) Status = NotificationStatus.Failed;
        else NextAttemptAtUtc = nowUtc.AddMinutes(Math.Pow(2, Attempts));
    }

    /// <summary>Gives the message back unsent, due at once, for the next sweep.</summary>
    public void ReleaseClaim()
    {
        ClaimedUntilUtc = null;
        ClaimToken = null;
    }

    public void Retry(DateTime nowUtc)
    {
        if (Status is not NotificationStatus.Failed) throw new DomainException("Only a failed message can be retried.");
        Status = NotificationStatus.Pending;
        Attempts = 0;
        NextAttemptAtUtc = nowUtc;
    }
}

public class NotificationAttachment(string fileName, string contentType, byte[] content)
{
    public int Id { get; private set; }
    public long NotificationId { get; private set; }
    public string FileName { get; private set; } = fileName;
    public string ContentType { get; private set; } = contentType;
    public byte[] Content { get; private set; } = content;
}
