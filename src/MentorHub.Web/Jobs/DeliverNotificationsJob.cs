using Hangfire;
using MentorHub.Core.Notifications;

namespace MentorHub.Web.Jobs;

/// <summary>Sends what the outbox holds. Thin: the work is in <see cref="NotificationDelivery"/>.</summary>
public sealed class DeliverNotificationsJob(NotificationDelivery delivery, ILogger<DeliverNotificationsJob> logger)
{
    public const int BatchSize = 200;

    // No lock: each run claims its own rows with one conditional update, so runs in parallel never send the same
    // message, and a burst of commits (each signalling a run) never queues runs that wait on one another.
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        DeliveryResult result;
        do
        {
            result = await delivery.DeliverDueAsync(BatchSize, cancellationToken);
            if (result.Claimed > 0) logger.LogInformation("Delivered {Sent} notifications, {Failed} failed", result.Sent, result.Failed);
        }
        while (result.Claimed == BatchSize && !cancellationToken.IsCancellationRequested);
    }
}
