using MentorHub.Core.Data;
using MentorHub.Core.Domain;
using MentorHub.Core.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Web.Infrastructure;

/// <summary>A person a coordinator adds to a cohort, from the invite form or a row of an imported file.</summary>
public sealed record Newcomer(string Email, string Name, EnrollmentRole Role, string? Branch, string? JobTitle, IReadOnlyList<CompetencyLevelInput> Competencies)
{
    /// <summary>Mentors only; null keeps the default of one mentee.</summary>
    public int? Capacity { get; init; }
    public int AvailabilitySlots { get; init; }
    public Modality? Modality { get; init; }
}

public sealed record CompetencyLevelInput(int CompetencyId, int? Level);

/// <summary>
/// Enrolls people in a cohort by email: creates and invites the account when there is none, otherwise tells the
/// person they have been added. Shared by the invite page and the CSV import.
/// </summary>
public sealed class CohortEnrollment(
    MentorHubDbContext db,
    UserManager<AppUser> users,
    AccountInvitations invitations,
    NotificationOutbox outbox,
    AppUrls urls,
    TimeProvider clock)
{
    /// <returns>null when enrolled, otherwise why not (for the person reading the form or the import report).</returns>
    public async Task<string?> EnrollAsync(CohortInfo cohort, Newcomer person, AppUser by, CancellationToken ct)
    {
        string? problem = null;
        await db.InTransactionAsync(async ct =>
        {
            problem = await EnrollInTransactionAsync(cohort, person, by, ct);
            return problem is null;
        }, ct);
        return problem;
    }

    private async Task<string?> EnrollInTransactionAsync(CohortInfo cohort, Newcomer person, AppUser by, CancellationToken ct)
    {
        var email = person.Email.Trim();
        var user = await users.FindByEmailAsync(email);
        if (user is not null && await db.Enrollments.AnyAsync(e => e.CohortId == cohort.Id && e.UserId == user.Id, ct))
            return $"{email} is already in this cohort.";

        var created = false;
        if (user is null)
        {
            var (result, errors) = await invitations.InviteAsync(email, person.Name, role: null, by.Id, by.DisplayName, ct,
                context: $"You are enrolled in {cohort.Name} of {cohort.ProgramName} as a {person.Role.ToString().ToLowerInvariant()}.");
            if (result is null) return string.Join(" ", errors.Select(e => e.Description));
            user = result.User;
            created = true;
        }
        if (string.IsNullOrWhiteSpace(user.Branch) && !string.IsNullOrWhiteSpace(person.Branch)) user.Branch = person.Branch.Trim();
        if (string.IsNullOrWhiteSpace(user.JobTitle) && !string.IsNullOrWhiteSpace(person.JobTitle)) user.JobTitle = person.JobTitle.Trim();

        var enrollment = Enrollment.Enroll(cohort.Id, user.Id, person.Role, clock.GetUtcNow().UtcDateTime);
        enrollment.Branch = person.Branch?.Trim() ?? user.Branch;
        if (person.Capacity is { } capacity) enrollment.SetCapacity(capacity);
        enrollment.AvailabilitySlots = person.AvailabilitySlots;
        enrollment.ModalityPreference = person.Modality;
        var interest = person.Role is EnrollmentRole.Mentor ? CompetencyInterest.Expertise : CompetencyInterest.Development;
        foreach (var competency in person.Competencies)
            enrollment.SetCompetency(competency.CompetencyId, interest, competency.Level ?? (person.Role is EnrollmentRole.Mentor ? 4 : 1));
        db.Enrollments.Add(enrollment);
        db.Audit(nameof(Cohort), cohort.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "Enrolled", $"{email} as {person.Role}");
        await db.SaveChangesAsync(ct);

        if (!created)
        {
            await outbox.QueueAsync(ProgramEmails.Enrolled(Recipient.Of(user), urls.Links, cohort.Id, cohort.ProgramName, cohort.Name,
                person.Role.ToString().ToLowerInvariant(), ProfileLink(enrollment.Id)));
            await db.SaveChangesAsync(ct);
        }
        return null;
    }

    public string ProfileLink(int enrollmentId) => urls.Page("/Enrollments/Profile", new { enrollmentId });
}
