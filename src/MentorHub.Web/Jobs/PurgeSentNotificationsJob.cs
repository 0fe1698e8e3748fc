using Hangfire;
using MentorHub.Core.Notifications;

namespace MentorHub.Web.Jobs;

/// <summary>Daily: deletes sent messages past their retention. The work is in <see cref="OutboxRetention"/>.</summary>
public sealed class PurgeSentNotificationsJob(OutboxRetention retention)
{
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 3)]
    public Task RunAsync(CancellationToken cancellationToken) => retention.PurgeSentAsync(cancellationToken);
}
