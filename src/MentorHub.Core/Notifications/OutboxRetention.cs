using MentorHub.Core.Data;
using MentorHub.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MentorHub.Core.Notifications;

/// <summary>
/// Keeps the outbox from growing for ever: sent messages older than <see cref="NotificationOptions.KeepSentDays"/> are
/// deleted with their attachments. Pending and failed messages are kept until they are sent or retried. Dedupe keys of
/// deleted messages no longer block a new message; every key MentorHub writes is tied to a moment far shorter than the
/// retention (a meeting's sequence, a month, a quiet spell), so nothing old is sent again.
/// </summary>
public sealed class OutboxRetention(MentorHubDbContext db, TimeProvider clock, IOptions<NotificationOptions> options, ILogger<OutboxRetention> logger)
{
    public async Task<int> PurgeSentAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow().UtcDateTime.AddDays(-options.Value.KeepSentDays);
        var old = db.Notifications.Where(n => n.Status == NotificationStatus.Sent && n.SentAtUtc < before);
        await db.Set<NotificationAttachment>().Where(a => old.Any(n => n.Id == a.NotificationId)).ExecuteDeleteAsync(cancellationToken);
        var deleted = await old.ExecuteDeleteAsync(cancellationToken);
        logger.LogInformation("Outbox retention: {Deleted} sent messages older than {Before:yyyy-MM-dd} deleted", deleted, before);
        return deleted;
    }
}
