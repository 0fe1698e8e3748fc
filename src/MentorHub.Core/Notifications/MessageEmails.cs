using System.Globalization;
using MentorHub.Core.Notifications.Templates;

namespace MentorHub.Core.Notifications;

/// <summary>Mail about a mentorship's conversation.</summary>
public static class MessageEmails
{
    /// <summary>How much of a message the mail quotes; the rest is read in MentorHub.</summary>
    public const int Excerpt = 500;

    public static OutgoingEmail NewMessage(Recipient to, SiteLinks links, int memberId, int mentorshipId, string programName, string authorName, string body, DateTime sentAtUtc) =>
        new(NotificationKind.NewMessage,
        string.Create(CultureInfo.InvariantCulture, $"message:member:{memberId}:{sentAtUtc:yyyy-MM-ddTHH:mm:ss.fff}"), to,
        new EmailContent($"{authorName} wrote to you in {programName}", to.Greeting,
        [
            new EmailParagraph($"{authorName} sent a message in your {programName} mentorship:"),
            new EmailParagraph(body.Length <= Excerpt ? body : body[..Excerpt].TrimEnd() + "…"),
            new EmailButton("Read and reply", links.Messages(mentorshipId)),
        ])
        {
            Footnote = "Replies to this mail are not read; answer in MentorHub. While a conversation is busy you get at most one mail about it every 15 minutes.",
            PreferencesLink = links.Preferences,
        });
}
