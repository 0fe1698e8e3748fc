using System.Globalization;
using MentorHub.Core.Data;
using MentorHub.Core.Domain;
using MentorHub.Core.Notifications.Templates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MentorHub.Core.Notifications;

/// <summary>An active mentorship that has gone quiet: nothing held within the program's cadence and nothing scheduled.</summary>
public sealed record StalledMentorship(int MentorshipId, int ProgramId, string ProgramName, int CadenceDays, DateTime QuietSinceUtc, IReadOnlyList<Recipient> Members)
{
    public string Names => string.Join(" & ", Members.Select(m => m.Name));
}

/// <summary>Finds stalled mentorships (for the weekly nudge and the coordinators' digest) and nudges their members.</summary>
public sealed class StalledMentorships(MentorHubDbContext db, NotificationOutbox outbox, TimeProvider clock, IOptions<NotificationOptions> options, ILogger<StalledMentorships> logger)
{
    /// <summary>
    /// Stalled mentorships, optionally only in some programs. Four flat queries (the mentorships, their last held
    /// meeting, those with one coming, the stalled ones' members): correlated per-mentorship subqueries would let SQLite
    /// scan every meeting once per mentorship.
    /// </summary>
    public static async Task<List<StalledMentorship>> FindAsync(MentorHubDbContext db, DateTime nowUtc, IReadOnlyCollection<int>? programIds, CancellationToken cancellationToken)
    {
        var mentorships = db.Mentorships.AsNoTracking().Where(m => m.Status == MentorshipStatus.Active);
        if (programIds is not null) mentorships = mentorships.Where(m => programIds.Contains(m.Cohort!.ProgramId));
        var rows = await mentorships.Select(m => new
        {
            m.Id,
            m.Cohort!.ProgramId,
            ProgramName = m.Cohort.Program!.Name,
            Cadence = m.Cohort.Program.MeetingCadenceDays,
            m.StartedOn,
        }).ToListAsync(cancellationToken);
        var lastHeld = await db.Meetings.Where(x => x.Status == MeetingStatus.Held && mentorships.Any(m => m.Id == x.MentorshipId))
            .GroupBy(x => x.MentorshipId).Select(g => new { g.Key, Last = g.Max(x => x.StartsAtUtc) })
            .ToDictionaryAsync(x => x.Key, x => x.Last, cancellationToken);
        var upcoming = (await db.Meetings.Where(x => x.Status == MeetingStatus.Scheduled && x.StartsAtUtc > nowUtc && mentorships.Any(m => m.Id == x.MentorshipId))
            .Select(x => x.MentorshipId).Distinct().ToListAsync(cancellationToken)).ToHashSet();

        var stalled = rows
            .Select(r => (Row: r, QuietSince: lastHeld.TryGetValue(r.Id, out var held) ? held : (r.StartedOn ?? DateOnly.FromDateTime(nowUtc)).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)))
            .Where(x => !upcoming.Contains(x.Row.Id) && x.QuietSince < nowUtc.AddDays(-x.Row.Cadence))
            .OrderBy(x => x.QuietSince)
            .ToList();
        var members = await Recipients.ByMentorshipAsync(db, stalled.Select(x => x.Row.Id).ToList(), cancellationToken);
        return stalled.Select(x => new StalledMentorship(x.Row.Id, x.Row.ProgramId, x.Row.ProgramName, x.Row.Cadence, x.QuietSince,
            members.TryGetValue(x.Row.Id, out var people) ? people : [])).ToList();
    }

    /// <summary>
    /// A friendly nudge to each member of each stalled mentorship. One nudge per quiet spell: the dedupe key carries
    /// the date the spell began, so a weekly run does not repeat itself, and a new spell after a meeting gets a new nudge.
    /// </summary>
    public async Task<int> NudgeAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var links = options.Value.Links;
        var stalled = await FindAsync(db, now, programIds: null, cancellationToken);
        var nudges = stalled.SelectMany(s => s.Members.Select(to => Nudge(s, to, links))).ToList();
        var written = nudges.Count == 0 ? 0 : await outbox.QueueNewAndSaveAsync(nudges, cancellationToken);
        logger.LogInformation("Stalled mentorships: {Stalled} found, {Written} nudges queued", stalled.Count, written);
        return written;
    }

    private static OutgoingEmail Nudge(StalledMentorship stalled, Recipient to, SiteLinks links)
    {
        var others = string.Join(" and ", stalled.Members.Where(m => m.UserId != to.UserId).Select(m => m.Name));
        var since = DateOnly.FromDateTime(MailTime.ToLocal(stalled.QuietSinceUtc, to.TimeZoneId));
        return new OutgoingEmail(NotificationKind.Nudge,
            string.Create(CultureInfo.InvariantCulture, $"nudge:mentorship:{stalled.MentorshipId}:since:{stalled.QuietSinceUtc:yyyy-MM-dd}:user:{to.UserId}"), to,
            new EmailContent($"Time to catch up with {(others.Length == 0 ? "your mentorship" : others)}?", to.Greeting,
            [
                new EmailParagraph($"Nothing has been held or scheduled in your {stalled.ProgramName} mentorship with {(others.Length == 0 ? "your partners" : others)} since {MailTime.Date(since)}. "
                    + $"The program suggests meeting every {stalled.CadenceDays} days: even a short check-in keeps things moving."),
                new EmailButton("Schedule a meeting", links.ScheduleMeeting(stalled.MentorshipId)),
            ])
            { PreferencesLink = links.Preferences });
    }
}
