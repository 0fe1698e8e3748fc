using Hangfire;
using MentorHub.Core.Matching;

namespace MentorHub.Web.Jobs;

/// <summary>Hourly: mentees' requests their mentor did not answer in time expire, and the mentees hear they can choose again. The work is in <see cref="MenteeChoice"/>.</summary>
public sealed class ExpireMentorRequestsJob(MenteeChoice choice, DeliverNotificationsJob delivery, ILogger<ExpireMentorRequestsJob> logger)
{
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var expired = await choice.ExpireDueAsync(cancellationToken);
        logger.LogInformation("expire-mentor-requests expired {Count} requests", expired);
        if (expired > 0) await delivery.RunAsync(cancellationToken);
    }
}
