using System.Globalization;

namespace MentorHub.Web.Pages.Mentorships;

/// <summary>What the timeline shows: everything, or one kind of entry.</summary>
public enum TimelineShow { All, Meetings, Goals, Comments, CheckIns, Messages }

/// <summary>
/// A place in the timeline: the next page holds the entries strictly older than it. Entries at the same moment are
/// ordered by kind and id, so paging never skips or repeats one.
/// </summary>
public readonly record struct TimelineCursor(DateTime AtUtc, int Order, int Id)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{AtUtc.Ticks}-{Order}-{Id}");

    /// <summary>A cursor from a link; null for anything that is not one (a hand-edited link shows the latest page).</summary>
    public static TimelineCursor? Parse(string? text)
    {
        var parts = text?.Split('-');
        return parts is [var ticks, var order, var id]
            && long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var t) && t >= DateTime.MinValue.Ticks && t <= DateTime.MaxValue.Ticks
            && int.TryParse(order, NumberStyles.None, CultureInfo.InvariantCulture, out var o) && int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var i)
            ? new TimelineCursor(new DateTime(t, DateTimeKind.Utc), o, i)
            : null;
    }
}

/// <summary>One entry: when, a title linking to where it happened, and what was written (Markdown), if anything.</summary>
/// <param name="PlannedForUtc">For a cancelled meeting, when it would have been.</param>
public sealed record TimelineEntry(TimelineCursor At, TimelineShow Kind, string Link, string Title, string? Detail, DateTime? PlannedForUtc = null)
{
    public DateTime AtUtc => At.AtUtc;
}

/// <summary>
/// A mentorship's history, newest first, a page at a time: logged and cancelled meetings (at the moment they were
/// called off, not their planned date), goal progress and comments, submitted check-ins (a member sees their own, a
/// coordinator everyone's) and, for members only, messages. One query per kind of entry whatever the history's length.
/// </summary>
public sealed class Timeline(MentorHubDbContext db)
{
    public const int PageSize = 20;

    private const int MeetingOrder = 0, GoalOrder = 1, CheckInOrder = 2, MessageOrder = 3;

    /// <summary>Who reads the timeline decides which check-ins and whether messages are in it.</summary>
    public sealed record Reader(string UserId, bool IsMember, bool Manages);

    public sealed record Page(IReadOnlyList<TimelineEntry> Entries, TimelineCursor? Older);

    public async Task<Page> LoadAsync(int mentorshipId, TimelineShow show, TimelineCursor? before, Reader reader, CancellationToken ct)
    {
        var rows = new List<Row>();
        bool Shows(TimelineShow kind) => show == TimelineShow.All || show == kind;
        if (Shows(TimelineShow.Meetings))
        {
            rows.AddRange(await Newest(db.Meetings.AsNoTracking().Where(mt => mt.MentorshipId == mentorshipId && mt.Status != MeetingStatus.Scheduled)
                .Select(mt => new Row
                {
                    Order = MeetingOrder,
                    Id = mt.Id,
                    AtUtc = mt.Status == MeetingStatus.Cancelled && mt.CancelledAtUtc != null ? mt.CancelledAtUtc.Value : mt.StartsAtUtc,
                    Meeting = mt.Status,
                    MeetingStartsAtUtc = mt.StartsAtUtc,
                    Text = mt.Status == MeetingStatus.Cancelled ? mt.CancellationReason : mt.Notes,
                }), MeetingOrder, before).ToListAsync(ct));
        }
        if (Shows(TimelineShow.Goals) || Shows(TimelineShow.Comments))
        {
            // From the mentorship's goals to their updates by index (filtering all updates by goal read every one).
            var updates = db.Goals.AsNoTracking().Where(g => g.MentorshipId == mentorshipId).SelectMany(g => g.Updates, (g, u) => new { u, g.Title });
            if (show == TimelineShow.Goals) updates = updates.Where(x => x.u.Kind != GoalUpdateKind.Comment);
            if (show == TimelineShow.Comments) updates = updates.Where(x => x.u.Kind == GoalUpdateKind.Comment);
            rows.AddRange(await Newest(updates
                .Join(db.Users, x => x.u.AuthorUserId, a => a.Id, (x, a) => new Row
                {
                    Order = GoalOrder,
                    Id = x.u.Id,
                    AtUtc = x.u.CreatedAtUtc,
                    TargetId = x.u.GoalId,
                    Title = x.Title,
                    Who = a.DisplayName,
                    Update = x.u.Kind,
                    Number = x.u.Percent,
                    Text = x.u.Text,
                }), GoalOrder, before).ToListAsync(ct));
        }
        if (Shows(TimelineShow.CheckIns))
        {
            rows.AddRange(await Newest(db.Assessments.AsNoTracking()
                .Where(a => a.Member!.MentorshipId == mentorshipId && a.SubmittedAtUtc != null && (reader.Manages || a.Member.UserId == reader.UserId))
                .Select(a => new Row { Order = CheckInOrder, Id = a.Id, AtUtc = a.SubmittedAtUtc!.Value, Who = a.Member!.User!.DisplayName, CheckIn = a.Kind }),
                CheckInOrder, before).ToListAsync(ct));
        }
        if (Shows(TimelineShow.Messages) && reader.IsMember)
        {
            rows.AddRange(await Newest(db.Messages.AsNoTracking().Where(m => m.MentorshipId == mentorshipId)
                .Select(m => new Row { Order = MessageOrder, Id = m.Id, AtUtc = m.SentAtUtc, Who = m.AuthorUserId == reader.UserId ? null : m.Author!.DisplayName, Text = m.Body }),
                MessageOrder, before).ToListAsync(ct));
        }
        var newest = rows.OrderByDescending(r => r.AtUtc).ThenByDescending(r => r.Order).ThenByDescending(r => r.Id).ToList();
        var page = newest.Take(PageSize).Select(r => Entry(mentorshipId, r)).ToList();
        return new Page(page, newest.Count > PageSize ? page[^1].At : null);
    }

    /// <summary>The newest page-and-one of a kind older than the cursor (the extra row says whether there is an older page).</summary>
    private static IQueryable<Row> Newest(IQueryable<Row> rows, int order, TimelineCursor? before)
    {
        if (before is { } c)
        {
            rows = order < c.Order ? rows.Where(r => r.AtUtc <= c.AtUtc)
                : order > c.Order ? rows.Where(r => r.AtUtc < c.AtUtc)
                : rows.Where(r => r.AtUtc < c.AtUtc || (r.AtUtc == c.AtUtc && r.Id < c.Id));
        }
        return rows.OrderByDescending(r => r.AtUtc).ThenByDescending(r => r.Id).Take(PageSize + 1);
    }

    private static TimelineEntry Entry(int mentorshipId, Row r)
    {
        var at = new TimelineCursor(r.AtUtc, r.Order, r.Id);
        return r.Order switch
        {
            MeetingOrder => new TimelineEntry(at, TimelineShow.Meetings, $"/Meetings/{r.Id}", r.Meeting switch
            {
                MeetingStatus.Held => "Meeting held",
                MeetingStatus.Missed => "Meeting missed",
                _ => "Meeting cancelled",
            }, r.Text, r.Meeting == MeetingStatus.Cancelled ? r.MeetingStartsAtUtc : null),
            GoalOrder => new TimelineEntry(at, r.Update == GoalUpdateKind.Comment ? TimelineShow.Comments : TimelineShow.Goals, $"/Goals/{r.TargetId}", r.Update switch
            {
                GoalUpdateKind.Comment => $"{r.Who} commented on “{r.Title}”",
                GoalUpdateKind.Progress => $"{r.Who} recorded {r.Number}% on “{r.Title}”",
                _ => $"“{r.Title}”: {r.Text}",
            }, r.Update == GoalUpdateKind.StatusChange ? null : r.Text),
            CheckInOrder => new TimelineEntry(at, TimelineShow.CheckIns, $"/CheckIns/{r.Id}", $"{r.Who} submitted the {Labels.Words(r.CheckIn!.Value).ToLowerInvariant()} check-in", null),
            _ => new TimelineEntry(at, TimelineShow.Messages, $"/Mentorships/{mentorshipId}/Messages#message-{r.Id}", r.Who is null ? "You wrote" : $"{r.Who} wrote", r.Text),
        };
    }

    /// <summary>The shape every kind of entry is read into; each query fills what its kind has.</summary>
    private sealed class Row
    {
        public int Order { get; init; }
        public int Id { get; init; }
        public DateTime AtUtc { get; init; }
        public int TargetId { get; init; }
        public string? Title { get; init; }
        public string? Who { get; init; }
        public int? Number { get; init; }
        public string? Text { get; init; }
        public MeetingStatus? Meeting { get; init; }
        public DateTime MeetingStartsAtUtc { get; init; }
        public GoalUpdateKind? Update { get; init; }
        public AssessmentKind? CheckIn { get; init; }
    }
}
