using Hangfire;
using MentorHub.Core.Notifications;

namespace MentorHub.Web.Jobs;

/// <summary>On the 1st: the digests for the month just ended in <c>Jobs:TimeZone</c>, then delivery. The work is in <see cref="MonthlyDigests"/>.</summary>
public sealed class MonthlyDigestsJob(MonthlyDigests digests, DeliverNotificationsJob delivery, TimeProvider clock, IConfiguration configuration, ILogger<MonthlyDigestsJob> logger)
{
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var month = DigestMonth.JustEnded(clock.GetUtcNow().UtcDateTime, JobsSetup.Zone(configuration));
        var result = await digests.QueueAsync(month, cancellationToken);
        logger.LogInformation("monthly-digests for {Month}: {Queued} digests queued for {People} people", month.Key, result.Queued, result.People);
        if (result.Queued > 0) await delivery.RunAsync(cancellationToken);
    }
}
