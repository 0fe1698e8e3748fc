using Hangfire;
using MentorHub.Core.Data;

namespace MentorHub.Web.Jobs;

/// <summary>Daily: refreshes the query planner's statistics on SQLite. The work is in <see cref="QueryPlannerStatistics"/>.</summary>
public sealed class RefreshPlannerStatisticsJob(MentorHubDbContext db)
{
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 3)]
    public Task RunAsync(CancellationToken cancellationToken) => QueryPlannerStatistics.RefreshAsync(db, cancellationToken);
}
