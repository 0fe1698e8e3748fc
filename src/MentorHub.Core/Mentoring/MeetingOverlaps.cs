using MentorHub.Core.Data;
using MentorHub.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Core.Mentoring;

/// <summary>A scheduled meeting that clashes with a proposed time, and which of the mentorship's members it takes.</summary>
public sealed record MeetingOverlap(int MeetingId, DateTime StartsAtUtc, int DurationMinutes, string ProgramName, IReadOnlyList<string> People);

/// <summary>
/// Clashes for a proposed meeting: other scheduled meetings, in any mentorship, of the people who would attend. A clash
/// is a warning the person may override (two short check-ins can share an hour), never a refusal.
/// </summary>
public static class MeetingOverlaps
{
    /// <summary>The longest a meeting lasts (<see cref="Meeting"/> refuses more), so only meetings starting this long before can still be running.</summary>
    private static readonly TimeSpan LongestMeeting = TimeSpan.FromHours(8);

    public static async Task<IReadOnlyList<MeetingOverlap>> FindAsync(MentorHubDbContext db, int mentorshipId, DateTime startsAtUtc, int durationMinutes,
        int? exceptMeetingId, CancellationToken cancellationToken)
    {
        var endsAtUtc = startsAtUtc.AddMinutes(durationMinutes);
        var earliest = startsAtUtc - LongestMeeting;
        var attendees = db.MentorshipMembers.Where(mm => mm.MentorshipId == mentorshipId && mm.IsCurrent).Select(mm => mm.UserId);
        var rows = await db.MentorshipMembers.AsNoTracking()
            .Where(mm => mm.IsCurrent && attendees.Contains(mm.UserId))
            .SelectMany(mm => mm.Mentorship!.Meetings.Where(mt => mt.Status == MeetingStatus.Scheduled && mt.Id != exceptMeetingId
                    && mt.StartsAtUtc < endsAtUtc && mt.StartsAtUtc > earliest),
                (mm, mt) => new { mt.Id, mt.StartsAtUtc, mt.DurationMinutes, Program = mt.Mentorship!.Cohort!.Program!.Name, mm.User!.DisplayName })
            .ToListAsync(cancellationToken);
        return rows.Where(r => r.StartsAtUtc.AddMinutes(r.DurationMinutes) > startsAtUtc)
            .GroupBy(r => (r.Id, r.StartsAtUtc, r.DurationMinutes, r.Program))
            .OrderBy(g => g.Key.StartsAtUtc)
            .Select(g => new MeetingOverlap(g.Key.Id, g.Key.StartsAtUtc, g.Key.DurationMinutes, g.Key.Program, g.Select(r => r.DisplayName).Distinct().Order().ToList()))
            .ToList();
    }
}
