namespace MentorHub.Core.Domain;

/// <summary>
/// One message in a mentorship's conversation. Only the mentorship's current members read and write them; coordinators
/// do not. Messages are kept as written: the conversation is a record the members share.
/// </summary>
public class Message
{
    public const int MaxLength = 4000;

    private Message() { }

    public Message(int mentorshipId, string authorUserId, string body, DateTime sentAtUtc)
    {
        body = body.Trim();
        if (body.Length == 0) throw new DomainException("Write something before sending.");
        if (body.Length > MaxLength) throw new DomainException($"Keep a message under {MaxLength:N0} characters.");
        MentorshipId = mentorshipId;
        AuthorUserId = authorUserId;
        Body = body;
        SentAtUtc = sentAtUtc;
    }

    public int Id { get; private set; }
    public int MentorshipId { get; private set; }
    public Mentorship? Mentorship { get; private set; }
    public string AuthorUserId { get; private set; } = "";
    public AppUser? Author { get; private set; }
    public string Body { get; private set; } = "";
    public DateTime SentAtUtc { get; private set; }
}
