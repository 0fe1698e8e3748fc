namespace MentorHub.Core.Notifications;

/// <summary>Mail about taking part in a program: being enrolled, an application decided, a match made.</summary>
public static class ProgramEmails
{
    private const string Preferences = "You can choose which messages you get on your MentorHub profile page.";

    public static EmailMessage Enrolled(string email, string name, string programName, string cohortName, string role, string link) => EmailLayout.Compose(email, name,
        $"You're in {programName}",
        $"You have been enrolled in {cohortName} of {programName} as a {role}. Fill in your matching profile so your coordinator can find you a good match.",
        "Open your matching profile", link, Preferences);

    public static EmailMessage ApplicationDecided(string email, string name, string programName, string cohortName, bool approved, string link) => EmailLayout.Compose(email, name,
        approved ? $"Your application to {programName} is approved" : $"Your application to {programName}",
        approved
            ? $"Your application to {cohortName} of {programName} has been approved. Fill in your matching profile so your coordinator can find you a good match."
            : $"Your application to {cohortName} of {programName} was not accepted this time. Your coordinator can tell you more, and future cohorts are listed in MentorHub.",
        approved ? "Open your matching profile" : "See open programs", link, Preferences);

    public static EmailMessage Matched(string email, string name, string programName, IReadOnlyList<string> partners, string link) => EmailLayout.Compose(email, name,
        $"You've been matched in {programName}",
        $"Your coordinator has matched you with {string.Join(" and ", partners)} in {programName}. Say hello and plan your first meeting.",
        "Open MentorHub", link, Preferences);
}
