using System.Globalization;

namespace MentorHub.Core.Domain;

/// <summary>What the organisation's staff list says about a person.</summary>
/// <param name="ManagerStaffNumber">The staff id of the person's line manager, when the list gives it.</param>
public sealed record StaffDetails(string Name, string? Email, string? Branch, string? JobTitle, CareerStage? CareerStage, DateOnly? HiredOn, DateOnly? LeftOn, string? LeaveReason,
    string? ManagerStaffNumber = null);

/// <summary>
/// A person on the organisation's staff roster, imported from HR and identified by their staff id. People on the roster
/// need no account; those who never took part in a program are the comparison group of the outcome reports.
/// </summary>
public class StaffMember : IVersioned
{
    private StaffMember() { }

    public StaffMember(string staffNumber, StaffDetails details, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(staffNumber)) throw new DomainException("A staff id is required.");
        StaffNumber = staffNumber.Trim();
        Set(details);
        CreatedAtUtc = UpdatedAtUtc = nowUtc;
    }

    public int Id { get; private set; }

    /// <summary>The organisation's own staff id: a re-import updates the person with the same one.</summary>
    public string StaffNumber { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string? Email { get; private set; }
    public string? Branch { get; private set; }
    public string? JobTitle { get; private set; }
    public CareerStage? CareerStage { get; private set; }
    public DateOnly? HiredOn { get; private set; }
    public DateOnly? LeftOn { get; private set; }
    public string? LeaveReason { get; private set; }

    /// <summary>The staff id of the person's line manager: matching never pairs the two.</summary>
    public string? ManagerStaffNumber { get; private set; }

    /// <summary>The person's MentorHub account, matched by email, when they have one.</summary>
    public string? UserId { get; private set; }
    public AppUser? User { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }
    public Guid Version { get; set; }

    public StaffDetails Details => new(Name, Email, Branch, JobTitle, CareerStage, HiredOn, LeftOn, LeaveReason, ManagerStaffNumber);

    /// <summary>Takes what a newer staff list says and tells what changed, in words (nothing: an empty list).</summary>
    public IReadOnlyList<string> Update(StaffDetails details, DateTime nowUtc)
    {
        var changes = Changes(Details, details);
        if (changes.Count == 0) return changes;
        Set(details);
        UpdatedAtUtc = nowUtc;
        return changes;
    }

    public void LinkTo(string? userId) => UserId = userId;

    public static IReadOnlyList<string> Changes(StaffDetails before, StaffDetails after)
    {
        var changes = new List<string>();
        void Compare(string what, string? old, string? now)
        {
            if (!string.Equals(old ?? "", now ?? "", StringComparison.Ordinal))
                changes.Add(old is null or "" ? $"{what} set to {now}" : now is null or "" ? $"{what} removed (was {old})" : $"{what}: {old} → {now}");
        }
        Compare("name", before.Name, after.Name);
        Compare("email", before.Email, after.Email);
        Compare("branch", before.Branch, after.Branch);
        Compare("job title", before.JobTitle, after.JobTitle);
        Compare("career stage", Words(before.CareerStage), Words(after.CareerStage));
        Compare("hire date", Date(before.HiredOn), Date(after.HiredOn));
        if (before.LeftOn != after.LeftOn)
            changes.Add(after.LeftOn is { } left ? $"left on {Date(left)}{(after.LeaveReason is { Length: > 0 } why ? $" ({why})" : "")}" : $"back on staff (had left on {Date(before.LeftOn)})");
        else Compare("leave reason", before.LeaveReason, after.LeaveReason);
        Compare("manager", before.ManagerStaffNumber, after.ManagerStaffNumber);
        return changes;
    }

    private void Set(StaffDetails details)
    {
        if (string.IsNullOrWhiteSpace(details.Name)) throw new DomainException("A name is required.");
        if (details.HiredOn is { } hired && details.LeftOn is { } left && left < hired) throw new DomainException("The leave date is before the hire date.");
        Name = details.Name.Trim();
        Email = Blank(details.Email);
        Branch = Blank(details.Branch);
        JobTitle = Blank(details.JobTitle);
        CareerStage = details.CareerStage;
        HiredOn = details.HiredOn;
        LeftOn = details.LeftOn;
        LeaveReason = details.LeftOn is null ? null : Blank(details.LeaveReason);
        ManagerStaffNumber = Blank(details.ManagerStaffNumber);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? Date(DateOnly? date) => date?.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    private static string? Words(CareerStage? stage) => stage switch
    {
        Domain.CareerStage.EarlyCareer => "early career",
        null => null,
        var other => other.ToString()!.ToLowerInvariant(),
    };
}
