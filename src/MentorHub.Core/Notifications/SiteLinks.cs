using System.Globalization;

namespace MentorHub.Core.Notifications;

/// <summary>Absolute links into MentorHub for mail, from the site's base address.</summary>
public sealed record SiteLinks(Uri Base)
{
    public string To(string path) => new Uri(Base, path.TrimStart('/')).ToString();

    public string Home => To("/");
    public string Preferences => To("/Account/Notifications");
    public string Mentorship(int id) => To(Invariant($"/Mentorships/{id}"));
    public string Messages(int mentorshipId) => To(Invariant($"/Mentorships/{mentorshipId}/Messages"));
    public string ScheduleMeeting(int mentorshipId) => To(Invariant($"/Mentorships/{mentorshipId}/Meetings/New"));
    public string Meeting(int id) => To(Invariant($"/Meetings/{id}"));
    public string Connections(int programId) => To(Invariant($"/Programs/{programId}/Connections"));
    public string Report(int programId) => To(Invariant($"/Programs/{programId}/Report"));
    public string CheckIn(int id) => To(Invariant($"/CheckIns/{id}"));
    public string Goal(int id) => To(Invariant($"/Goals/{id}"));
    public string Cohort(int programId, int cohortId) => To(Invariant($"/Programs/{programId}/Cohorts/{cohortId}"));

    public string Shortlist(int menteeEnrollmentId) => To(Invariant($"/Enrollments/{menteeEnrollmentId}/Shortlist"));
    public string Requests(int mentorEnrollmentId) => To(Invariant($"/Enrollments/{mentorEnrollmentId}/Requests"));

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Times in mail, always in the reader's own zone.</summary>
public static class MailTime
{
    public static TimeZoneInfo Zone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    public static DateTime ToLocal(DateTime utc, string? zoneId) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone(zoneId));

    /// <summary>e.g. "Sunday 28 March 2027, 10:00 (Europe/Berlin)".</summary>
    public static string Format(DateTime utc, string? zoneId) =>
        ToLocal(utc, zoneId).ToString("dddd d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture) + $" ({Zone(zoneId).Id})";

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
