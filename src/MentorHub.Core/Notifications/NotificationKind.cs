using MentorHub.Core.Data;
using MentorHub.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Core.Notifications;

/// <summary>The kinds of message MentorHub sends, as stored on <see cref="Notification.Kind"/>, and the preference each answers to.</summary>
public static class NotificationKind
{
    public const string Invitation = "invitation";
    public const string PasswordReset = "password-reset";
    public const string Enrolled = "enrolled";
    public const string ApplicationDecided = "application-decided";
    public const string Matched = "matched";
    public const string MeetingInvite = "meeting-invite";
    public const string MeetingCancelled = "meeting-cancelled";
    public const string MeetingReminder = "meeting-reminder";
    public const string MonthlyDigest = "monthly-digest";
    public const string Nudge = "nudge";
    public const string WorkshopCancelled = "workshop-cancelled";
    public const string CoordinatorMessage = "coordinator-message";
    public const string EndRequested = "end-requested";
    public const string WaitingOnYou = "waiting-on-you";
    public const string NewMessage = "new-message";
    public const string MentorRequested = "mentor-requested";
    public const string RequestAnswered = "request-answered";

    /// <summary>What a kind is called on screen (the outbox), e.g. "Meeting reminder" for <c>meeting-reminder</c>.</summary>
    public static string Label(string kind) => kind switch
    {
        Invitation => "Invitation",
        PasswordReset => "Password reset",
        Enrolled => "Enrolled",
        ApplicationDecided => "Application decided",
        Matched => "Match announcement",
        MeetingInvite => "Meeting invite",
        MeetingCancelled => "Meeting cancelled",
        MeetingReminder => "Meeting reminder",
        MonthlyDigest => "Monthly digest",
        Nudge => "Nudge",
        WorkshopCancelled => "Workshop cancelled",
        CoordinatorMessage => "Message from a coordinator",
        EndRequested => "Request to end a mentorship",
        WaitingOnYou => "Waiting on you",
        NewMessage => "New message",
        MentorRequested => "Request to be a mentor",
        RequestAnswered => "Mentor request answered",
        _ => kind,
    };

    /// <summary>The preference that can turn a kind off; <see cref="NotificationKinds.None"/> for security mail, which always goes.</summary>
    public static NotificationKinds Preference(string kind) => kind switch
    {
        Enrolled or ApplicationDecided or CoordinatorMessage or EndRequested or MentorRequested or RequestAnswered => NotificationKinds.ProgramUpdates,
        Matched => NotificationKinds.MatchAnnouncements,
        MeetingInvite or MeetingCancelled or WorkshopCancelled => NotificationKinds.MeetingChanges,
        MeetingReminder => NotificationKinds.MeetingReminders,
        MonthlyDigest => NotificationKinds.MonthlyDigest,
        Nudge or WaitingOnYou => NotificationKinds.Nudges,
        NewMessage => NotificationKinds.Messages,
        _ => NotificationKinds.None,
    };

    /// <summary>The choices on the preferences page, in the order shown, with what each covers.</summary>
    public static readonly IReadOnlyList<(NotificationKinds Kind, string Label, string Hint)> Choices =
    [
        (NotificationKinds.MeetingReminders, "Meeting reminders", "A day and an hour before each meeting, with a calendar invite."),
        (NotificationKinds.MeetingChanges, "Meeting invites and changes", "When a meeting is scheduled, moved or cancelled."),
        (NotificationKinds.Messages, "Messages", "When someone in your mentorship writes to you: one mail per conversation every 15 minutes at most."),
        (NotificationKinds.MonthlyDigest, "Monthly digest", "On the 1st: your goals, meetings and what comes next."),
        (NotificationKinds.Nudges, "Nudges", "When a mentorship has gone quiet for longer than its meeting cadence, or has waited on you for two weeks."),
        (NotificationKinds.MatchAnnouncements, "Match announcements", "When your coordinator matches you with someone."),
        (NotificationKinds.ProgramUpdates, "Program updates", "Enrollments, decisions on your applications and messages from your coordinator."),
    ];
}

/// <summary>Who a message goes to, with what is needed to address it and respect their choices.</summary>
public sealed record Recipient(string UserId, string Email, string Name, string TimeZoneId, NotificationKinds Muted)
{
    public static Recipient Of(AppUser user) => new(user.Id, user.Email ?? "", user.DisplayName, user.TimeZoneId, user.MutedNotifications);

    public string Greeting => string.IsNullOrWhiteSpace(Name) ? Email : Name;

    public bool Wants(string kind)
    {
        var preference = NotificationKind.Preference(kind);
        return preference is NotificationKinds.None || (Muted & preference) == 0;
    }
}

public static class Recipients
{
    /// <summary>The members of these mentorships (those still in it, or all of a closed one) as recipients, by mentorship, in one query.</summary>
    public static async Task<Dictionary<int, List<Recipient>>> ByMentorshipAsync(MentorHubDbContext db, IReadOnlyCollection<int> mentorshipIds, CancellationToken cancellationToken)
    {
        if (mentorshipIds.Count == 0) return [];
        var rows = await db.MentorshipMembers.AsNoTracking()
            .Where(mm => mentorshipIds.Contains(mm.MentorshipId) && mm.Enrollment!.Status == EnrollmentStatus.Active
                && (mm.IsCurrent || mm.Mentorship!.Status == MentorshipStatus.Closed))
            // Mentor first, then by name: the order in which members are named in every subject and calendar title.
            .OrderBy(mm => mm.Role == MemberRole.Mentor ? 0 : 1).ThenBy(mm => mm.User!.DisplayName).ThenBy(mm => mm.Id)
            .Select(mm => new { mm.MentorshipId, mm.User!.Id, mm.User.Email, mm.User.DisplayName, mm.User.TimeZoneId, mm.User.MutedNotifications })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.MentorshipId).ToDictionary(g => g.Key,
            g => g.Select(u => new Recipient(u.Id, u.Email ?? "", u.DisplayName, u.TimeZoneId, u.MutedNotifications)).ToList());
    }
}
