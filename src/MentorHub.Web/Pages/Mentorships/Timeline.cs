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
        // Without a cursor, the first page: everything before the end of time.
        var (at, order, id) = before ?? new TimelineCursor(DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc), int.MaxValue, int.MaxValue);
        var rows = new List<Row>();
        bool Shows(TimelineShow kind) => show == TimelineShow.All || show == kind;
        if (Shows(TimelineShow.Meetings))
            rows.AddRange(await Query.Meetings.For(db)(db, mentorshipId, at, order, id).ToListAsync(ct));
        if (Shows(TimelineShow.Goals) || Shows(TimelineShow.Comments))
            rows.AddRange(await Query.GoalUpdates.For(db)(db, mentorshipId, show != TimelineShow.Comments, show != TimelineShow.Goals, at, order, id).ToListAsync(ct));
        if (Shows(TimelineShow.CheckIns))
            rows.AddRange(await Query.CheckIns.For(db)(db, mentorshipId, reader.Manages, reader.UserId, at, order, id).ToListAsync(ct));
        if (Shows(TimelineShow.Messages) && reader.IsMember)
            rows.AddRange(await Query.Messages.For(db)(db, mentorshipId, reader.UserId, at, order, id).ToListAsync(ct));
        var newest = rows.OrderByDescending(r => r.AtUtc).ThenByDescending(r => r.Order).ThenByDescending(r => r.Id).ToList();
        var page = newest.Take(PageSize).Select(r => Entry(mentorshipId, r)).ToList();
        return new Page(page, newest.Count > PageSize ? page[^1].At : null);
    }

    /// <summary>
    /// The timeline's queries, compiled once (a mentorship's page runs all four on every view). Each reads the newest
    /// page-and-one of its kind older than the cursor (the extra row says whether there is an older page): an entry is
    /// older if it is earlier, or at the same moment and of an earlier kind, or of the same kind with a lower id.
    /// </summary>
    private static class Query
    {
        public static readonly CompiledQuery<Func<MentorHubDbContext, int, DateTime, int, int, IAsyncEnumerable<Row>>> Meetings = new(() => EF.CompileAsyncQuery(
            (MentorHubDbContext db, int mentorshipId, DateTime at, int order, int id) => db.Meetings.AsNoTracking()
                .Where(mt => mt.MentorshipId == mentorshipId && mt.Status != MeetingStatus.Scheduled)
                .Select(mt => new Row
                {
                    Order = MeetingOrder,
                    Id = mt.Id,
                    AtUtc = mt.Status == MeetingStatus.Cancelled && mt.CancelledAtUtc != null ? mt.CancelledAtUtc.Value : mt.StartsAtUtc,
                    Meeting = mt.Status,
                    MeetingStartsAtUtc = mt.StartsAtUtc,
                    Text = mt.Status == MeetingStatus.Cancelled ? mt.CancellationReason : mt.Notes,
                })
                .Where(r => r.AtUtc < at || (r.AtUtc == at && (MeetingOrder < order || (MeetingOrder == order && r.Id < id))))
                .OrderByDescending(r => r.AtUtc).ThenByDescending(r => r.Id).Take(PageSize + 1)));

        /// <summary>From the mentorship's goals to their updates by index (filtering all updates by goal read every one).</summary>
        public static readonly CompiledQuery<Func<MentorHubDbContext, int, bool, bool, DateTime, int, int, IAsyncEnumerable<Row>>> GoalUpdates = new(() => EF.CompileAsyncQuery(
            (MentorHubDbContext db, int mentorshipId, bool progress, bool comments, DateTime at, int order, int id) => db.Goals.AsNoTracking()
                .Where(g => g.MentorshipId == mentorshipId)
                .SelectMany(g => g.Updates, (g, u) => new { u, g.Title })
                .Where(x => x.u.Kind == GoalUpdateKind.Comment ? comments : progress)
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
                })
                .Where(r => r.AtUtc < at || (r.AtUtc == at && (GoalOrder < order || (GoalOrder == order && r.Id < id))))
                .OrderByDescending(r => r.AtUtc).ThenByDescending(r => r.Id).Take(PageSize + 1)));

        /// <summary>Submitted check-ins: a coordinator reads everyone's, a member their own.</summary>
        public static readonly CompiledQuery<Func<MentorHubDbContext, int, bool, string, DateTime, int, int, IAsyncEnumerable<Row>>> CheckIns = new(() => EF.CompileAsyncQuery(
            (MentorHubDbContext db, int mentorshipId, bool everyones, string userId, DateTime at, int order, int id) => db.Assessments.AsNoTracking()
                .Where(a => a.Member!.MentorshipId == mentorshipId && a.SubmittedAtUtc != null && (everyones || a.Member.UserId == userId))
                .Select(a => new Row { Order = CheckInOrder, Id = a.Id, AtUtc = a.SubmittedAtUtc!.Value, Who = a.Member!.User!.DisplayName, CheckIn = a.Kind })
                .Where(r => r.AtUtc < at || (r.AtUtc == at && (CheckInOrder < order || (CheckInOrder == order && r.Id < id))))
                .OrderByDescending(r => r.AtUtc).ThenByDescending(r => r.Id).Take(PageSize + 1)));

        /// <summary>Messages, for members only; the reader's own have no author name ("You wrote").</summary>
        public static readonly CompiledQuery<Func<MentorHubDbContext, int, string, DateTime, int, int, IAsyncEnumerable<Row>>> Messages = new(() => EF.CompileAsyncQuery(
            (MentorHubDbContext db, int mentorshipId, string userId, DateTime at, int order, int id) => db.Messages.AsNoTracking()
                .Where(m => m.MentorshipId == mentorshipId)
                .Select(m => new Row { Order = MessageOrder, Id = m.Id, AtUtc = m.SentAtUtc, Who = m.AuthorUserId == userId ? null : m.Author!.DisplayName, Text = m.Body })
                .Where(r => r.AtUtc < at || (r.AtUtc == at && (MessageOrder < order || (MessageOrder == order && r.Id < id))))
                .OrderByDescending(r => r.AtUtc).ThenByDescending(r => r.Id).Take(PageSize + 1)));
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
