using Hangfire;

namespace MentorHub.Web.Jobs;

/// <summary>Every recurring job's id and schedule, in one place, registered at start-up in <c>Jobs:TimeZone</c>.</summary>
public static class RecurringJobs
{
    public const string DeliverNotifications = "deliver-notifications";
    public const string SendDueReminders = "send-due-reminders";
    public const string MonthlyDigests = "monthly-digests";
    public const string NudgeStalledMentorships = "nudge-stalled-mentorships";
    public const string PurgeSentNotifications = "purge-sent-notifications";
    public const string RemindUnresponsiveMembers = "remind-unresponsive-members";
    public const string ExpireMentorRequests = "expire-mentor-requests";
    public const string RefreshPlannerStatistics = "refresh-planner-statistics";

    /// <summary>The outbox sweep: anything still pending (a lost enqueue, a failed attempt now due) goes out within a minute.</summary>
    public const string DeliverNotificationsCron = "* * * * *";

    /// <summary>Every five minutes, so a reminder is at most five minutes late.</summary>
    public const string SendDueRemindersCron = "*/5 * * * *";

    /// <summary>07:00 on the 1st of each month.</summary>
    public const string MonthlyDigestsCron = "0 7 1 * *";

    /// <summary>Mondays at 09:00.</summary>
    public const string NudgeStalledMentorshipsCron = "0 9 * * 1";

    /// <summary>Daily at 03:00.</summary>
    public const string PurgeSentNotificationsCron = "0 3 * * *";

    /// <summary>Daily at 08:00.</summary>
    public const string RemindUnresponsiveMembersCron = "0 8 * * *";

    /// <summary>Hourly, at a quarter past: a request expires at most an hour after its date.</summary>
    public const string ExpireMentorRequestsCron = "15 * * * *";

    /// <summary>Daily at 03:30, after the purge.</summary>
    public const string RefreshPlannerStatisticsCron = "30 3 * * *";

    public static void Register(IRecurringJobManager jobs, TimeZoneInfo zone)
    {
        var options = new RecurringJobOptions { TimeZone = zone };
        jobs.AddOrUpdate<DeliverNotificationsJob>(DeliverNotifications, job => job.RunAsync(CancellationToken.None), DeliverNotificationsCron, options);
        jobs.AddOrUpdate<SendDueRemindersJob>(SendDueReminders, job => job.RunAsync(CancellationToken.None), SendDueRemindersCron, options);
        jobs.AddOrUpdate<MonthlyDigestsJob>(MonthlyDigests, job => job.RunAsync(CancellationToken.None), MonthlyDigestsCron, options);
        jobs.AddOrUpdate<NudgeStalledMentorshipsJob>(NudgeStalledMentorships, job => job.RunAsync(CancellationToken.None), NudgeStalledMentorshipsCron, options);
        jobs.AddOrUpdate<PurgeSentNotificationsJob>(PurgeSentNotifications, job => job.RunAsync(CancellationToken.None), PurgeSentNotificationsCron, options);
        jobs.AddOrUpdate<RemindUnresponsiveMembersJob>(RemindUnresponsiveMembers, job => job.RunAsync(CancellationToken.None), RemindUnresponsiveMembersCron, options);
        jobs.AddOrUpdate<ExpireMentorRequestsJob>(ExpireMentorRequests, job => job.RunAsync(CancellationToken.None), ExpireMentorRequestsCron, options);
        jobs.AddOrUpdate<RefreshPlannerStatisticsJob>(RefreshPlannerStatistics, job => job.RunAsync(CancellationToken.None), RefreshPlannerStatisticsCron, options);
    }
}
