using System.Globalization;
using MentorHub.Core.Notifications.Templates;

namespace MentorHub.Core.Notifications;

/// <summary>Mail about taking part in a program: being enrolled, an application decided, a match made.</summary>
public static class ProgramEmails
{
    public static OutgoingEmail Enrolled(Recipient to, SiteLinks links, int cohortId, string programName, string cohortName, string role, string profileLink) => new(NotificationKind.Enrolled,
        string.Create(CultureInfo.InvariantCulture, $"enrolled:cohort:{cohortId}:user:{to.UserId}:{Guid.NewGuid():N}"), to,
        new EmailContent($"You're in {programName}", to.Greeting,
        [
            new EmailParagraph($"You have been enrolled in {cohortName} of {programName} as a {role}. Fill in your matching profile so your coordinator can find you a good match."),
            new EmailButton("Open your matching profile", profileLink),
        ])
        { PreferencesLink = links.Preferences });

    public static OutgoingEmail ApplicationDecided(Recipient to, SiteLinks links, int enrollmentId, string programName, string cohortName, bool approved, string link) => new(NotificationKind.ApplicationDecided,
        string.Create(CultureInfo.InvariantCulture, $"application:enrollment:{enrollmentId}:{(approved ? "approved" : "declined")}"), to,
        new EmailContent(approved ? $"Your application to {programName} is approved" : $"Your application to {programName}", to.Greeting,
        [
            new EmailParagraph(approved
                ? $"Your application to {cohortName} of {programName} has been approved. Fill in your matching profile so your coordinator can find you a good match."
                : $"Your application to {cohortName} of {programName} was not accepted this time. Your coordinator can tell you more, and future cohorts are listed in MentorHub."),
            new EmailButton(approved ? "Open your matching profile" : "See open programs", link),
        ])
        { PreferencesLink = links.Preferences });

    public static OutgoingEmail Matched(Recipient to, SiteLinks links, int mentorshipId, string programName, IReadOnlyList<string> partners) => new(NotificationKind.Matched,
        string.Create(CultureInfo.InvariantCulture, $"matched:mentorship:{mentorshipId}:user:{to.UserId}"), to,
        new EmailContent($"You've been matched in {programName}", to.Greeting,
        [
            new EmailParagraph($"Your coordinator has matched you with {string.Join(" and ", partners)} in {programName}. Say hello and plan your first meeting."),
            new EmailButton("Open your mentorship", links.Mentorship(mentorshipId)),
        ])
        { PreferencesLink = links.Preferences });

    /// <summary>The one automatic reminder to a member who has been away while things wait on them (see <c>Responsiveness</c>).</summary>
    public static OutgoingEmail WaitingOnYou(Recipient to, SiteLinks links, int memberId, DateTime silentSinceUtc, int mentorshipId, string programName,
        IReadOnlyList<string> partners, IReadOnlyList<EmailItem> waiting) => new(NotificationKind.WaitingOnYou,
        string.Create(CultureInfo.InvariantCulture, $"waiting:member:{memberId}:since:{silentSinceUtc:yyyy-MM-ddTHH:mm}"), to,
        new EmailContent($"Your {programName} mentorship is waiting on you", to.Greeting,
        [
            new EmailParagraph($"We have not seen you in MentorHub for a while, and your mentorship with {(partners.Count == 0 ? "your partners" : string.Join(" and ", partners))} has things waiting on you."),
            new EmailSection("Waiting on you", waiting),
            new EmailParagraph("It takes a minute to catch up. If something makes taking part hard right now, tell your coordinator: they can help."),
            new EmailButton("Open your mentorship", links.Mentorship(mentorshipId)),
        ])
        { PreferencesLink = links.Preferences });

    /// <summary>A coordinator checking in on a pair that looks stuck, with what they noticed.</summary>
    public static OutgoingEmail CoordinatorNudge(Recipient to, SiteLinks links, int mentorshipId, string programName, string coordinatorName,
        IReadOnlyList<string> partners, IReadOnlyList<string> reasons, DateOnly on) => new(NotificationKind.Nudge,
        string.Create(CultureInfo.InvariantCulture, $"nudge:coordinator:mentorship:{mentorshipId}:{on:yyyy-MM-dd}:user:{to.UserId}"), to,
        new EmailContent($"{coordinatorName} is checking in on your mentorship", to.Greeting,
        [
            new EmailParagraph($"{coordinatorName}, who coordinates {programName}, is checking in on your mentorship with {(partners.Count == 0 ? "your partners" : string.Join(" and ", partners))}."
                + (reasons.Count == 0 ? "" : $" They noticed: {string.Join("; ", reasons.Select(r => r.TrimEnd('.')))}.")
                + " A short meeting, a goal update or a quick reply to them keeps things moving."),
            new EmailButton("Open your mentorship", links.Mentorship(mentorshipId)),
        ])
        { PreferencesLink = links.Preferences });

    /// <summary>A workshop the person said they would attend is called off.</summary>
    public static OutgoingEmail WorkshopCancelled(Recipient to, SiteLinks links, int workshopId, string title, string when, string reason) => new(NotificationKind.WorkshopCancelled,
        string.Create(CultureInfo.InvariantCulture, $"workshop-cancelled:{workshopId}:user:{to.UserId}"), to,
        new EmailContent($"Cancelled: {title}", to.Greeting,
        [
            new EmailParagraph($"The workshop “{title}” on {when}, which you said you would attend, is cancelled. The reason given: {reason}"),
            new EmailButton("Open MentorHub", links.Home),
        ])
        { PreferencesLink = links.Preferences });

    /// <summary>A message a coordinator writes to selected participants of a cohort.</summary>
    public static OutgoingEmail CoordinatorMessage(Recipient to, SiteLinks links, int programId, int cohortId, string programName, string coordinatorName, string subject, string body) =>
        new(NotificationKind.CoordinatorMessage,
        string.Create(CultureInfo.InvariantCulture, $"coordinator-message:cohort:{cohortId}:user:{to.UserId}:{Guid.NewGuid():N}"), to,
        new EmailContent(subject, to.Greeting,
        [
            new EmailParagraph(body),
            new EmailParagraph($"— {coordinatorName}, {programName}"),
            new EmailButton("Open MentorHub", links.Home),
        ])
        { PreferencesLink = links.Preferences });

    /// <summary>A member asks the program's coordinator to end their mentorship.</summary>
    public static OutgoingEmail EndRequested(Recipient to, SiteLinks links, int mentorshipId, string programName, string memberName, string pair, string reason) =>
        new(NotificationKind.EndRequested,
        string.Create(CultureInfo.InvariantCulture, $"end-requested:mentorship:{mentorshipId}:user:{to.UserId}:{Guid.NewGuid():N}"), to,
        new EmailContent($"{memberName} asks to end their mentorship", to.Greeting,
        [
            new EmailParagraph($"{memberName} asks you to end the {programName} mentorship of {pair}. Their reason: {reason}"),
            new EmailButton("End or keep the mentorship", links.To(string.Create(CultureInfo.InvariantCulture, $"/Mentorships/{mentorshipId}/End"))),
        ])
        { PreferencesLink = links.Preferences });

    /// <summary>A mentee asks a mentor to mentor them, in a cohort where mentees choose.</summary>
    public static OutgoingEmail MentorRequested(Recipient to, SiteLinks links, int requestId, int mentorEnrollmentId, string programName, string menteeName, string? note, DateTime expiresAtUtc) =>
        new(NotificationKind.MentorRequested,
        string.Create(CultureInfo.InvariantCulture, $"mentor-requested:request:{requestId}"), to,
        new EmailContent($"{menteeName} asks you to be their mentor", to.Greeting,
        [
            new EmailParagraph($"{menteeName} chose you from their shortlist in {programName} and asks you to be their mentor."
                + (note is null ? "" : $" They wrote: “{note}”")),
            new EmailParagraph($"Please accept or decline by {MailTime.ToLocal(expiresAtUtc, to.TimeZoneId):d MMM yyyy, HH:mm}; after that the request expires and they choose someone else."),
            new EmailButton("Answer the request", links.Requests(mentorEnrollmentId)),
        ])
        { PreferencesLink = links.Preferences });

    /// <summary>A mentee's request was accepted, declined, left unanswered or not approved.</summary>
    public static OutgoingEmail RequestAnswered(Recipient to, SiteLinks links, int requestId, int menteeEnrollmentId, string programName, string mentorName, Domain.MentorRequestStatus status, string? reply) =>
        new(NotificationKind.RequestAnswered,
        string.Create(CultureInfo.InvariantCulture, $"request-answered:request:{requestId}:{status}"), to,
        new EmailContent(status is Domain.MentorRequestStatus.Accepted ? $"{mentorName} accepted your request" : $"Choose another mentor in {programName}", to.Greeting,
        [
            new EmailParagraph(status switch
            {
                Domain.MentorRequestStatus.Accepted => $"{mentorName} accepted your request to be your mentor in {programName}. Your coordinator approves the match next; you will hear when it is made.",
                Domain.MentorRequestStatus.Declined => $"{mentorName} cannot be your mentor in {programName}." + (reply is null ? "" : $" They wrote: “{reply}”") + " Your shortlist has a next suggestion.",
                Domain.MentorRequestStatus.Expired => $"{mentorName} did not answer your request in time, so it has expired. Your shortlist has a next suggestion.",
                _ => $"Your coordinator did not approve the match with {mentorName} in {programName}." + (reply is null ? "" : $" Their reason: “{reply}”") + " Your shortlist has a next suggestion.",
            }),
            new EmailButton("Open your shortlist", links.Shortlist(menteeEnrollmentId)),
        ])
        { PreferencesLink = links.Preferences });
}
