using MentorHub.Core.Mentoring;

namespace MentorHub.Web.Pages.Programs;

/// <summary>
/// The connections list of a cohort or program as shown: filtered (at risk, no meeting scheduled, running, ended),
/// sorted, one page of it, and counts for the filter buttons.
/// </summary>
public sealed record ConnectionsView(
    IReadOnlyList<Connection> Rows,
    Paging Paging,
    string? Show,
    string? Sort,
    int All,
    int AtRisk,
    int NoMeetingScheduled,
    int Ended,
    ProgramFormat Format,
    bool ShowCohort,
    string Path,
    IReadOnlyDictionary<string, string?> OtherQuery,
    DateTime NowUtc)
{
    public const int PageSize = 25;

    public static readonly (string Value, string Label)[] Filters =
        [("", "All"), ("at-risk", "At risk"), ("no-meeting", "No meeting scheduled"), ("running", "Running"), ("ended", "Ended")];

    public static readonly (string Value, string Label)[] Sorts =
        [("", "Health (at risk first)"), ("last-meeting", "Last meeting (oldest first)"), ("started", "Started (newest first)"), ("names", "Names")];

    /// <summary>"pair" or "group": what one connection is called in this program's format.</summary>
    public string Noun => Format is ProgramFormat.Group ? "group" : "pair";

    public static ConnectionsView Build(List<Connection> all, string? show, string? sort, int? page, ProgramFormat format, bool showCohort,
        string path, IReadOnlyDictionary<string, string?> otherQuery, DateTime nowUtc)
    {
        show = Filters.Any(f => f.Value == show) ? show : null;
        sort = Sorts.Any(s => s.Value == sort) ? sort : null;
        IEnumerable<Connection> rows = show switch
        {
            "at-risk" => all.Where(c => c.Health.IsAtRisk),
            "no-meeting" => all.Where(c => c.Status != MentorshipStatus.Closed && c.NextMeetingAtUtc is null),
            "running" => all.Where(c => c.Status != MentorshipStatus.Closed),
            "ended" => all.Where(c => c.Status == MentorshipStatus.Closed),
            _ => all,
        };
        rows = sort switch
        {
            "last-meeting" => rows.OrderBy(c => c.Status == MentorshipStatus.Closed).ThenBy(c => c.LastMeetingHeldAtUtc ?? DateTime.MinValue),
            "started" => rows.OrderByDescending(c => c.StartedOn),
            "names" => rows.OrderBy(c => c.Names, StringComparer.CurrentCultureIgnoreCase),
            _ => rows.OrderBy(c => c.Health.Status).ThenByDescending(c => c.Health.Flags.Count).ThenBy(c => c.Names, StringComparer.CurrentCultureIgnoreCase),
        };
        var filtered = rows.ToList();
        var query = new Dictionary<string, string?>(otherQuery) { ["show"] = show, ["sort"] = sort };
        var paging = new Paging(Paging.Normalize(page), PageSize, filtered.Count, path, query, "cpage", "connections");
        return new ConnectionsView(filtered.Skip(paging.Skip).Take(PageSize).ToList(), paging, show, sort, all.Count,
            all.Count(c => c.Health.IsAtRisk), all.Count(c => c.Status != MentorshipStatus.Closed && c.NextMeetingAtUtc is null),
            all.Count(c => c.Status == MentorshipStatus.Closed), format, showCohort, path, otherQuery, nowUtc);
    }

    /// <summary>Whether the pair can be nudged now (once a week at most).</summary>
    public bool MayNudge(Connection c) => c.Status != MentorshipStatus.Closed && (c.LastNudgedAtUtc is not { } last || last + Mentorship.NudgeInterval <= NowUtc);

    /// <summary>A link to this list with another filter (back to page 1, sort kept).</summary>
    public string FilterLink(string value) => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(Path,
        OtherQuery.Append(new("show", value)).Append(new("sort", Sort)).Where(q => !string.IsNullOrEmpty(q.Value)).ToDictionary(q => q.Key, q => q.Value)) + "#connections";
}

/// <summary>The nudge actions of a connections list (one pair, or every pair at risk), shared by the cohort and program pages.</summary>
public sealed class ConnectionsActions(MentorHubDbContext db, ConnectionNudges nudges, UserManager<AppUser> users, UserTime time, TimeProvider clock, FiguresCache cache)
{
    /// <summary>The pairs with their health as the pages show them (kept until the next write or minute; see <see cref="FiguresCache"/>).</summary>
    public Task<List<Connection>> LoadAsync(int programId, int? cohortId, CancellationToken ct) =>
        cache.GetAsync($"connections:{programId}:{cohortId}:{time.Zone.Id}", () => LoadFreshAsync(programId, cohortId, ct), ct);

    private Task<List<Connection>> LoadFreshAsync(int programId, int? cohortId, CancellationToken ct) =>
        Connections.LoadAsync(db, programId, cohortId, clock.GetUtcNow().UtcDateTime, utc => DateOnly.FromDateTime(time.ToLocal(utc)), ct);

    /// <summary>Nudges <paramref name="mentorshipId"/>, or every at-risk pair when null; returns what to tell the coordinator, or null when the pair is not in this list.</summary>
    public async Task<(bool Found, string Message)> NudgeAsync(System.Security.Claims.ClaimsPrincipal coordinator, int programId, int? cohortId, int? mentorshipId, CancellationToken ct)
    {
        var list = await LoadFreshAsync(programId, cohortId, ct);
        var chosen = mentorshipId is { } id ? list.Where(c => c.Id == id).ToList() : list.Where(c => c.Health.IsAtRisk).ToList();
        if (mentorshipId is not null && chosen.Count == 0) return (false, "");
        var me = await users.GetUserAsync(coordinator);
        var result = await nudges.NudgeAsync(chosen.ToDictionary(c => c.Id, c => (IReadOnlyList<string>)c.Health.Flags.Select(f => f.Reason).ToList()),
            me?.DisplayName ?? "Your coordinator", clock.GetUtcNow().UtcDateTime, time.Today, ct);
        await db.SaveChangesAsync(ct);
        var told = result.Nudged == 1 ? "1 pair nudged: its members have been sent a note." : $"{result.Nudged} pairs nudged: their members have been sent a note.";
        return (true, result.NudgedRecently == 0 ? told
            : result.Nudged == 0 && mentorshipId is not null ? "This pair was nudged less than a week ago; nudge again once a week has passed."
            : $"{told} {result.NudgedRecently} nudged less than a week ago {(result.NudgedRecently == 1 ? "was" : "were")} left alone.");
    }
}
