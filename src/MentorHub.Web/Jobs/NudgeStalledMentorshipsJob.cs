using Hangfire;
using MentorHub.Core.Notifications;

namespace MentorHub.Web.Jobs;

/// <summary>Weekly: nudges the members of mentorships gone quiet past their cadence. The work is in <see cref="StalledMentorships"/>.</summary>
public sealed class NudgeStalledMentorshipsJob(StalledMentorships stalled, DeliverNotificationsJob delivery, ILogger<NudgeStalledMentorshipsJob> logger)
{
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var queued = await stalled.NudgeAsync(cancellationToken);
        logger.LogInformation("nudge-stalled-mentorships queued {Count} nudges", queued);
        if (queued > 0) await delivery.RunAsync(cancellationToken);
    }
}
