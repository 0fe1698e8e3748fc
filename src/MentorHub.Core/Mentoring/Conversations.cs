using MentorHub.Core.Data;
using MentorHub.Core.Domain;
using MentorHub.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Core.Mentoring;

/// <summary>Unread messages in one mentorship's conversation.</summary>
public sealed record UnreadConversation(int MentorshipId, int Count);

/// <summary>
/// A mentorship's conversation: its current members write and read it; coordinators do not. A new message tells the
/// other members by mail through the outbox, at most once per conversation per person every
/// <see cref="MentorshipMember.MessageMailInterval"/>, and never to someone who turned message mail off.
/// </summary>
public sealed class Conversations(MentorHubDbContext db, NotificationOutbox outbox, TimeProvider clock)
{
    /// <summary>Adds a message from a current member and queues the mail it earns, in one save.</summary>
    public async Task<Message> SendAsync(int mentorshipId, string authorUserId, string body, SiteLinks links, CancellationToken ct)
    {
        var members = await db.MentorshipMembers.Include(m => m.User)
            .Where(m => m.MentorshipId == mentorshipId && m.IsCurrent && m.Mentorship!.Status != MentorshipStatus.Closed)
            .ToListAsync(ct);
        var author = members.SingleOrDefault(m => m.UserId == authorUserId)
            ?? throw new DomainException("Only the current members of a running mentorship write in its conversation.");
        var programName = await db.Mentorships.Where(m => m.Id == mentorshipId).Select(m => m.Cohort!.Program!.Name).SingleAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var message = new Message(mentorshipId, authorUserId, body, now);
        db.Messages.Add(message);
        foreach (var other in members.Where(m => m != author && m.User!.Wants(NotificationKinds.Messages)))
        {
            if (other.TryRecordMessageMail(now))
                await outbox.QueueAsync(MessageEmails.NewMessage(Recipient.Of(other.User!), links, other.Id, mentorshipId, programName, author.User!.DisplayName, message.Body, now));
        }
        await db.SaveChangesAsync(ct);
        return message;
    }

    /// <summary>Marks the conversation read for the person up to a message they have been shown.</summary>
    public async Task MarkReadAsync(int mentorshipId, string userId, int upToMessageId, CancellationToken ct)
    {
        var member = await db.MentorshipMembers.SingleOrDefaultAsync(m => m.MentorshipId == mentorshipId && m.UserId == userId && m.IsCurrent, ct);
        if (member is null || member.LastReadMessageId >= upToMessageId) return;
        member.ReadUpTo(upToMessageId);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Messages by others the person has not read, in the mentorships they are a current member of; one query. It starts
    /// from the person's memberships and reaches each conversation's messages by index: starting from the messages, as it
    /// did, SQLite read every message of the library on every page (64 ms at 100,000 messages, for the count in the menu).
    /// </summary>
    public IQueryable<Message> UnreadBy(string userId) =>
        db.MentorshipMembers.Where(mm => mm.UserId == userId && mm.IsCurrent)
            .Join(db.Messages, mm => mm.MentorshipId, msg => msg.MentorshipId, (mm, msg) => new { mm.LastReadMessageId, Message = msg })
            .Where(x => x.Message.AuthorUserId != userId && (x.LastReadMessageId == null || x.Message.Id > x.LastReadMessageId))
            .Select(x => x.Message);

    /// <summary>
    /// How many messages <see cref="UnreadBy"/> holds: the count in every signed-in page's menu, so the query is compiled
    /// once and EF Core's per-query preparation is skipped.
    /// </summary>
    public Task<int> UnreadCountAsync(string userId, CancellationToken ct) => UnreadCount.For(db)(db, userId, ct);

    private static readonly CompiledQuery<Func<MentorHubDbContext, string, CancellationToken, Task<int>>> UnreadCount = new(() => EF.CompileAsyncQuery(
        (MentorHubDbContext db, string userId, CancellationToken ct) => db.MentorshipMembers.Where(mm => mm.UserId == userId && mm.IsCurrent)
            .Join(db.Messages, mm => mm.MentorshipId, msg => msg.MentorshipId, (mm, msg) => new { mm.LastReadMessageId, Message = msg })
            .Count(x => x.Message.AuthorUserId != userId && (x.LastReadMessageId == null || x.Message.Id > x.LastReadMessageId))));

    public async Task<IReadOnlyList<UnreadConversation>> UnreadPerConversationAsync(string userId, CancellationToken ct) =>
        await UnreadBy(userId).GroupBy(m => m.MentorshipId).Select(g => new UnreadConversation(g.Key, g.Count())).ToListAsync(ct);
}
