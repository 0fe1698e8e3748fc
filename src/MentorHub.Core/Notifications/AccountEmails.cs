namespace MentorHub.Core.Notifications;

/// <summary>Security mail about a person's account. It cannot be turned off.</summary>
public static class AccountEmails
{
    public static EmailMessage PasswordReset(string email, string displayName, string link) => EmailLayout.Compose(email, displayName,
        "Reset your MentorHub password",
        "Someone (hopefully you) asked to reset the password of your MentorHub account.",
        "Choose a new password", link,
        "The link works for two hours. If you did not ask for this, ignore this message: your password stays as it is.");

    public static EmailMessage Invitation(string email, string displayName, string invitedBy, string link, string? context = null) => EmailLayout.Compose(email, displayName,
        "You are invited to MentorHub",
        $"{invitedBy} has invited you to MentorHub, where your library's mentoring programs run: meetings, goals and check-ins in one place.{(context is null ? "" : " " + context)}",
        "Accept the invitation", link,
        "The link works for seven days. Accepting it lets you choose your password.");
}
