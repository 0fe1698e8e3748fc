using MentorHub.Core.Data;
using MentorHub.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Core.Mentoring;

public enum ResponsivenessState
{
    /// <summary>Nothing waits on the member, or they have been here since it began to wait (or recently enough).</summary>
    Responsive,

    /// <summary>Silent for <see cref="Responsiveness.SilenceBeforeReminder"/> while something waits: one reminder is due.</summary>
    ReminderDue,

    /// <summary>Reminded during this silence; the pair is flagged if the reminder goes unanswered for <see cref="Responsiveness.FlagAfterReminder"/>.</summary>
    Reminded,

    /// <summary>Reminded, and still silent a week later: the pair is at risk.</summary>
    Unresponsive,
}

/// <summary>What decides a member's responsiveness: the oldest thing waiting on them, their last visit, their last reminder.</summary>
/// <param name="WaitingSinceUtc">When the oldest item waiting on the member began to wait (a meeting to log, a check-in due); null when nothing does.</param>
/// <param name="LastSeenAtUtc">The member's last signed-in visit; null if never.</param>
/// <param name="RemindedAtUtc">The last automatic reminder to this member in this mentorship.</param>
public sealed record MemberActivity(DateTime? WaitingSinceUtc, DateTime? LastSeenAtUtc, DateTime? RemindedAtUtc)
{
    /// <summary>The start of the current silence: the later of the first wait and the last visit.</summary>
    public DateTime? SilentSinceUtc => WaitingSinceUtc is not { } waiting ? null
        : LastSeenAtUtc is { } seen && seen > waiting ? seen : waiting;
}

/// <summary>
/// The one rule for members who do not respond. A member who has not been here for 14 days while a meeting waits to be
/// logged or a check-in is due gets one automatic reminder per silence; if the silence goes on 7 days past the reminder,
/// the connection is flagged. A visit ends the silence; a new one later can earn a new reminder.
/// </summary>
public static class Responsiveness
{
    public static readonly TimeSpan SilenceBeforeReminder = TimeSpan.FromDays(14);
    public static readonly TimeSpan FlagAfterReminder = TimeSpan.FromDays(7);

    public static ResponsivenessState Assess(MemberActivity activity, DateTime nowUtc)
    {
        if (activity.SilentSinceUtc is not { } silentSince || nowUtc - silentSince < SilenceBeforeReminder) return ResponsivenessState.Responsive;
        if (activity.RemindedAtUtc is not { } reminded || reminded < silentSince) return ResponsivenessState.ReminderDue;
        return nowUtc - reminded < FlagAfterReminder ? ResponsivenessState.Reminded : ResponsivenessState.Unresponsive;
    }
}

/// <summary>A meeting that has started and is still not logged: it waits on every current member.</summary>
public sealed record UnloggedMeeting(int MeetingId, int MentorshipId, DateTime StartsAtUtc);

/// <summary>A member's check-in that is due and not submitted.</summary>
public sealed record DueCheckIn(int AssessmentId, int MemberId, AssessmentKind Kind, DateOnly DueOn)
{
    public DateTime DueAtUtc => DueOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}

/// <summary>What waits on the members of some mentorships, in two flat queries whatever their number.</summary>
public sealed record WaitingWork(ILookup<int, UnloggedMeeting> MeetingsByMentorship, ILookup<int, DueCheckIn> CheckInsByMember)
{
    /// <summary>When the oldest item waiting on this member began to wait; null when nothing does.</summary>
    public DateTime? Since(int mentorshipId, int memberId)
    {
        var meetings = MeetingsByMentorship[mentorshipId].Select(m => (DateTime?)m.StartsAtUtc);
        var checkIns = CheckInsByMember[memberId].Select(c => (DateTime?)c.DueAtUtc);
        return meetings.Concat(checkIns).Min();
    }

    public static async Task<WaitingWork> LoadAsync(MentorHubDbContext db, IQueryable<Mentorship> mentorships, DateTime nowUtc, DateOnly today, CancellationToken ct)
    {
        // Joined from the mentorships to their rows by index (filtering whole tables by the scope reads every row).
        var meetings = await mentorships.AsNoTracking().SelectMany(m => m.Meetings)
            .Where(mt => mt.Status == MeetingStatus.Scheduled && mt.StartsAtUtc <= nowUtc)
            .Select(mt => new UnloggedMeeting(mt.Id, mt.MentorshipId, mt.StartsAtUtc))
            .ToListAsync(ct);
        var checkIns = await mentorships.AsNoTracking().SelectMany(m => m.Members).Where(mm => mm.IsCurrent)
            .Join(db.Assessments, mm => mm.Id, a => a.MentorshipMemberId, (mm, a) => a)
            .Where(a => a.SubmittedAtUtc == null && a.DueOn <= today)
            .Select(a => new DueCheckIn(a.Id, a.MentorshipMemberId, a.Kind, a.DueOn))
            .ToListAsync(ct);
        return new WaitingWork(meetings.OrderBy(m => m.StartsAtUtc).ToLookup(m => m.MentorshipId), checkIns.OrderBy(c => c.DueOn).ToLookup(c => c.MemberId));
    }
}
