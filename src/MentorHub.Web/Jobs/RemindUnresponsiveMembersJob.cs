using Hangfire;
using MentorHub.Core.Mentoring;

namespace MentorHub.Web.Jobs;

/// <summary>Daily: the one reminder to members away for two weeks while something waits on them. The work is in <see cref="MemberReminders"/>.</summary>
public sealed class RemindUnresponsiveMembersJob(MemberReminders reminders, DeliverNotificationsJob delivery, ILogger<RemindUnresponsiveMembersJob> logger)
{
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var reminded = await reminders.RemindAsync(cancellationToken);
        logger.LogInformation("remind-unresponsive-members reminded {Count} members", reminded);
        if (reminded > 0) await delivery.RunAsync(cancellationToken);
    }
}
