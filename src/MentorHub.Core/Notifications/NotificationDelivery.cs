using MentorHub.Core.Data;
using MentorHub.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace MentorHub.Core.Notifications;

public sealed record DeliveryResult(int Claimed, int Sent, int Failed);

/// <summary>
/// Delivers the outbox: claims due pending notifications, sends each through the mail transport, and records the
/// outcome. A claim is one conditional UPDATE, so two servers sweeping the same database never take the same row; a
/// failed send backs off (2, 4, 8… minutes) and is marked failed after <see cref="MaxAttempts"/>. A claim lapses after
/// <see cref="ClaimDuration"/>, so a server that dies mid-batch loses nothing (its rows are retried: at-least-once at
/// the SMTP boundary, exactly once everywhere else). A batch goes over one SMTP connection.
/// </summary>
public sealed class NotificationDelivery(MentorHubDbContext db, IEmailSender sender, TimeProvider clock, Microsoft.Extensions.Options.IOptions<NotificationOptions> options, ILogger<NotificationDelivery> logger)
{
    public const int MaxAttempts = 6;

    private TimeSpan ClaimDuration => TimeSpan.FromSeconds(Math.Max(10, options.Value.DeliveryLeaseSeconds));

    /// <summary>A batch stops sending a fifth of its claim before it runs out, so no other worker can claim a message it is still sending.</summary>
    private TimeSpan ClaimMargin => ClaimDuration / 5;

    public async Task<DeliveryResult> DeliverDueAsync(int batchSize, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Notifications
            .Where(n => n.Status == NotificationStatus.Pending && n.NextAttemptAtUtc <= now && (n.ClaimedUntilUtc == null || n.ClaimedUntilUtc < now))
            .OrderBy(n => n.Id).Select(n => n.Id).Take(batchSize).ToListAsync(cancellationToken);
        if (due.Count == 0) return new DeliveryResult(0, 0, 0);

        var claim = Guid.NewGuid();
        var until = now.Add(ClaimDuration);
        await db.Notifications
            .Where(n => due.Contains(n.Id) && n.Status == NotificationStatus.Pending && (n.ClaimedUntilUtc == null || n.ClaimedUntilUtc < now))
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ClaimToken, claim).SetProperty(n => n.ClaimedUntilUtc, until), cancellationToken);
        // Rows this context queued itself (a job that writes messages and then sends them) are still tracked as they were
        // before the claim; forget them, so each outcome is recorded against the claim.
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is Notification or NotificationAttachment).ToList())
            entry.State = EntityState.Detached;
        // Read untracked, and each message tracked only while its outcome is recorded: a save then compares one row, not the batch.
        var mine = await db.Notifications.AsNoTracking().Include(n => n.Attachments).Where(n => n.ClaimToken == claim).OrderBy(n => n.Id).ToListAsync(cancellationToken);

        int sent = 0, failed = 0;
        await using var session = sender.OpenSession();
        for (var i = 0; i < mine.Count; i++)
        {
            if (clock.GetUtcNow().UtcDateTime >= until - ClaimMargin)
            {
                // A slow mail server: hand the rest back (due at once) rather than risk another worker sending them too.
                await RecordAsync(mine.Skip(i), rest => rest.ReleaseClaim(), cancellationToken);
                logger.LogWarning("Outbox sweep stopped before its claim ran out; {Count} notifications handed back", mine.Count - i);
                break;
            }
            var notification = mine[i];
            var message = new EmailMessage(notification.RecipientEmail, notification.RecipientName, notification.Subject, notification.HtmlBody, notification.TextBody)
            {
                UnsubscribeUrl = notification.UnsubscribeUrl,
                MessageIdDomain = options.Value.Links.Base.Host,
                Attachments = notification.Attachments.Select(a => new EmailAttachment(a.FileName, a.ContentType, a.Content)).ToList(),
            };
            Action<Notification> outcome;
            try
            {
                await session.SendAsync(message, cancellationToken);
                var at = clock.GetUtcNow().UtcDateTime;
                outcome = n => n.MarkSent(at);
                sent++;
            }
            catch (MailTransportUnavailableException ex)
            {
                // The server is down: every message of the batch would fail the same way, so they all wait for the next attempt.
                var at = clock.GetUtcNow().UtcDateTime;
                await RecordAsync(mine.Skip(i), waiting => waiting.MarkAttemptFailed(ex.Message, at, MaxAttempts), cancellationToken);
                failed += mine.Count - i;
                logger.LogWarning("Mail server unavailable, {Count} notifications wait for their next attempt: {Error}", mine.Count - i, ex.Message);
                break;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var at = clock.GetUtcNow().UtcDateTime;
                outcome = n => n.MarkAttemptFailed(ex.Message, at, MaxAttempts);
                failed++;
                logger.LogWarning("Notification {NotificationId} ({DedupeKey}) not delivered, attempt {Attempt}: {Error}",
                    notification.Id, notification.DedupeKey, notification.Attempts + 1, ex.Message);
            }
            // Each outcome is recorded before the next message is begun: a server killed mid-batch has sent nothing it has not recorded.
            if (!await RecordAsync([notification], outcome, cancellationToken)) break;
        }
        logger.LogInformation("Outbox sweep: {Claimed} claimed, {Sent} sent, {Failed} failed", mine.Count, sent, failed);
        return new DeliveryResult(mine.Count, sent, failed);
    }

    /// <summary>Applies <paramref name="outcome"/> to claimed rows and saves it, provided the claim is still this run's.</summary>
    /// <returns>false when another worker has claimed these messages meanwhile: this batch stops and records nothing more.</returns>
    private async Task<bool> RecordAsync(IEnumerable<Notification> rows, Action<Notification> outcome, CancellationToken cancellationToken)
    {
        var recorded = rows.ToList();
        foreach (var row in recorded)
        {
            db.Attach(row);
            outcome(row);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogWarning("Outbox sweep lost its claim to another worker; it stops here");
            return false;
        }
        finally
        {
            foreach (var row in recorded)
            {
                foreach (var attachment in row.Attachments) db.Entry(attachment).State = EntityState.Detached;
                db.Entry(row).State = EntityState.Detached;
            }
        }
    }
}
