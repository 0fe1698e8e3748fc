using Hangfire;
using MentorHub.Core.Notifications;

namespace MentorHub.Web.Jobs;

/// <summary>Queues the reminders now due, then delivers them. Thin: the work is in <see cref="MeetingReminders"/>.</summary>
public sealed class SendDueRemindersJob(MeetingReminders reminders, DeliverNotificationsJob delivery, ILogger<SendDueRemindersJob> logger)
{
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 2)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var queued = await reminders.QueueDueAsync(cancellationToken);
        logger.LogInformation("send-due-reminders queued {Count} reminders", queued);
        if (queued > 0) await delivery.RunAsync(cancellationToken);
    }
}
