using MentorHub.Core.Notifications.Templates;

namespace MentorHub.Core.Notifications;

/// <summary>Security mail about a person's account. It cannot be turned off, so it carries no preferences link.</summary>
public static class AccountEmails
{
    public static OutgoingEmail PasswordReset(Recipient to, string link) => new(NotificationKind.PasswordReset,
        $"password-reset:user:{to.UserId}:{Guid.NewGuid():N}", to,
        new EmailContent("Reset your MentorHub password", to.Greeting,
        [
            new EmailParagraph("Someone (hopefully you) asked to reset the password of your MentorHub account."),
            new EmailButton("Choose a new password", link),
        ])
        { Footnote = "The link works for two hours. If you did not ask for this, ignore this message: your password stays as it is." });

    public static OutgoingEmail Invitation(Recipient to, string invitedBy, string link, string? context = null) => new(NotificationKind.Invitation,
        $"invitation:user:{to.UserId}:{Guid.NewGuid():N}", to,
        new EmailContent("You are invited to MentorHub", to.Greeting,
        [
            new EmailParagraph($"{invitedBy} has invited you to MentorHub, where your library's mentoring programs run: meetings, goals and check-ins in one place.{(context is null ? "" : " " + context)}"),
            new EmailButton("Accept the invitation", link),
        ])
        { Footnote = "The link works for seven days. Accepting it lets you choose your password." });
}
