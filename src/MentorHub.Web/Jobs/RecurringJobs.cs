using Hangfire;

namespace MentorHub.Web.Jobs;

/// <summary>Every recurring job's id and schedule, in one place, registered at start-up.</summary>
public static class RecurringJobs
{
    public const string DeliverNotifications = "deliver-notifications";

    /// <summary>The outbox sweep: anything still pending (a lost enqueue, a failed attempt now due) goes out within a minute.</summary>
    public const string DeliverNotificationsCron = "* * * * *";

    public static void Register(IRecurringJobManager jobs, TimeZoneInfo zone)
    {
        jobs.AddOrUpdate<DeliverNotificationsJob>(DeliverNotifications, job => job.RunAsync(CancellationToken.None), DeliverNotificationsCron,
            new RecurringJobOptions { TimeZone = zone });
    }
}
