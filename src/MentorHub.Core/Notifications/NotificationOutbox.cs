using MentorHub.Core.Data;
using MentorHub.Core.Domain;
using MentorHub.Core.Notifications.Templates;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Core.Notifications;

/// <summary>Signed one-click links that turn one kind of optional mail off for one person (List-Unsubscribe, RFC 8058).</summary>
public interface IUnsubscribeLinks
{
    string For(string userId, NotificationKinds preference);
}

/// <summary>A message to put in the outbox: who, what kind, its dedupe key, what it says and what it carries.</summary>
public sealed record OutgoingEmail(string Kind, string DedupeKey, Recipient To, EmailContent Content)
{
    public IReadOnlyList<EmailAttachment> Attachments { get; init; } = [];
}

/// <summary>
/// Writes messages to the outbox (<see cref="Notification"/> rows). Pages add them to the change they are saving, so
/// the message exists exactly when the change does; jobs use <see cref="QueueNewAndSaveAsync"/>, which skips keys
/// already written (by an earlier run or another server) and leaves the unique index to settle any race.
/// A person who turned a kind of message off gets none of it; security mail always goes.
/// </summary>
public sealed class NotificationOutbox(MentorHubDbContext db, TimeProvider clock, IUnsubscribeLinks? unsubscribe = null)
{
    /// <summary>Renders and adds the messages to the unit of work; the caller's SaveChanges writes them.</summary>
    /// <returns>How many were queued (messages to people who turned the kind off are dropped).</returns>
    public async Task<int> QueueAsync(params IReadOnlyList<OutgoingEmail> emails)
    {
        var notifications = await RenderAsync(emails);
        db.Notifications.AddRange(notifications);
        return notifications.Count;
    }

    /// <summary>Renders a message and keeps nothing: for a page that must take as long whether or not it sends mail.</summary>
    public async Task RenderOnlyAsync(OutgoingEmail email) => await RenderAsync([email]);

    /// <summary>
    /// Queues the messages whose dedupe keys are not in the outbox yet and saves them. Safe to run twice and on two
    /// servers at once: a key written by someone else between the check and the save is caught by the unique index,
    /// and the batch is retried without it.
    /// </summary>
    /// <returns>How many new messages this call wrote.</returns>
    public async Task<int> QueueNewAndSaveAsync(IReadOnlyList<OutgoingEmail> emails, CancellationToken cancellationToken)
    {
        // Keys already in the outbox are dropped before anything is rendered: a job's second run renders nothing again.
        var candidates = emails.DistinctBy(e => e.DedupeKey).ToList();
        var candidateKeys = candidates.Select(e => e.DedupeKey).ToList();
        var written = (await db.Notifications.Where(n => candidateKeys.Contains(n.DedupeKey)).Select(n => n.DedupeKey).ToListAsync(cancellationToken)).ToHashSet();
        var rendered = await RenderAsync(candidates.Where(e => !written.Contains(e.DedupeKey)).ToList());
        if (rendered.Count == 0) return 0;
        for (var attempt = 1; ; attempt++)
        {
            var keys = rendered.Select(n => n.DedupeKey).ToList();
            var existing = await db.Notifications.Where(n => keys.Contains(n.DedupeKey)).Select(n => n.DedupeKey).ToListAsync(cancellationToken);
            var fresh = rendered.Where(n => !existing.Contains(n.DedupeKey)).Select(Copy).ToList();
            if (fresh.Count == 0) return 0;
            db.Notifications.AddRange(fresh);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                foreach (var notification in fresh) db.Entry(notification).State = EntityState.Detached;
                return fresh.Count;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                foreach (var notification in fresh) db.Entry(notification).State = EntityState.Detached;
            }
        }
    }

    private async Task<List<Notification>> RenderAsync(IReadOnlyList<OutgoingEmail> emails)
    {
        var wanted = emails.Where(e => e.To.Wants(e.Kind) && !string.IsNullOrWhiteSpace(e.To.Email)).ToList();
        var rendered = await EmailRenderer.RenderAsync(wanted.Select(e => e.Content).ToList());
        var now = clock.GetUtcNow().UtcDateTime;
        var notifications = new List<Notification>(wanted.Count);
        for (var i = 0; i < wanted.Count; i++)
        {
            var email = wanted[i];
            var preference = NotificationKind.Preference(email.Kind);
            var notification = new Notification(email.DedupeKey, email.Kind, email.To.UserId, email.To.Email, rendered[i].Subject, rendered[i].Html, rendered[i].Text, now)
            {
                RecipientName = string.IsNullOrWhiteSpace(email.To.Name) ? null : email.To.Name,
                UnsubscribeUrl = preference is NotificationKinds.None || string.IsNullOrEmpty(email.To.UserId) ? null : unsubscribe?.For(email.To.UserId, preference),
            };
            notification.Attachments.AddRange(email.Attachments.Select(a => new NotificationAttachment(a.FileName, a.ContentType, a.Content)));
            notifications.Add(notification);
        }
        return notifications;
    }

    /// <summary>A fresh, untracked copy, so a batch can be retried after a failed insert.</summary>
    private static Notification Copy(Notification n)
    {
        var copy = new Notification(n.DedupeKey, n.Kind, n.RecipientUserId, n.RecipientEmail, n.Subject, n.HtmlBody, n.TextBody, n.CreatedAtUtc)
        {
            RecipientName = n.RecipientName,
            UnsubscribeUrl = n.UnsubscribeUrl,
        };
        copy.Attachments.AddRange(n.Attachments.Select(a => new NotificationAttachment(a.FileName, a.ContentType, a.Content)));
        return copy;
    }
}
