using System.Net.Mail;
using MentorHub.Core.Domain;

namespace MentorHub.Core.Import;

public sealed record ImportedCompetency(int CompetencyId, string Name, int? Level);

/// <summary>A row of a participant file, read and checked: what it says, and everything wrong with it.</summary>
public sealed record ImportRow(int Line, string Name, string Email, EnrollmentRole? Role, string? Branch, string? JobTitle,
    IReadOnlyList<ImportedCompetency> Competencies, IReadOnlyList<string> Errors)
{
    /// <summary>Mentors only: how many mentees they can take; null keeps the default of one.</summary>
    public int? Capacity { get; init; }

    /// <summary>Weekly availability as a <see cref="WeeklyAvailability"/> bit set; 0 when not given.</summary>
    public int AvailabilitySlots { get; init; }

    public Modality? Modality { get; init; }

    public bool IsValid => Errors.Count == 0;
}

public sealed record ImportCheck(IReadOnlyList<ImportRow> Rows, IReadOnlyList<string> FileErrors)
{
    public int ValidCount => Rows.Count(r => r.IsValid);
    public int InvalidCount => Rows.Count(r => !r.IsValid);
    public bool CanImportAll => FileErrors.Count == 0 && Rows.Count > 0 && InvalidCount == 0;
}

/// <summary>
/// Reads and checks a participant file (columns: name, email, role, branch, job title, competencies, capacity,
/// availability, modality) before anything is imported. Competencies are separated by semicolons, each optionally with
/// a level: <c>ILS administration:4; Digital preservation</c>. Capacity is a mentor's number of mentees (1 to 10);
/// availability is written as <c>Mon morning; Wed afternoon</c>; modality is in person, virtual or hybrid.
/// </summary>
public static class ParticipantImport
{
    public const int MaxRows = 5000;
    public const int MaxCapacity = 10;
    public static readonly string[] Columns = ["name", "email", "role", "branch", "job title", "competencies", "capacity", "availability", "modality"];

    public static ImportCheck Check(CsvTable table, IReadOnlyDictionary<string, int> competenciesByName, IReadOnlyCollection<EnrollmentRole> allowedRoles, IReadOnlySet<string> alreadyEnrolledEmails)
    {
        var columns = table.Header.Select(Normalize).ToList();
        var missing = new[] { "name", "email", "role" }.Where(c => !columns.Contains(c)).ToList();
        if (table.Header.Count == 0) return new ImportCheck([], ["The file is empty."]);
        if (missing.Count > 0)
            return new ImportCheck([], [$"The first line must name the columns; missing: {string.Join(", ", missing)}. Expected: {string.Join(", ", Columns)}."]);
        if (table.Rows.Count == 0) return new ImportCheck([], ["The file has a header but no rows."]);
        if (table.Rows.Count > MaxRows) return new ImportCheck([], [$"The file has {table.Rows.Count} rows; import at most {MaxRows} at a time."]);

        var byName = new Dictionary<string, int>(competenciesByName, StringComparer.OrdinalIgnoreCase);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var rows = new List<ImportRow>(table.Rows.Count);
        foreach (var row in table.Rows)
        {
            string Get(string column) => row.Get(columns, column);
            var errors = new List<string>();
            var name = Get("name");
            var email = Get("email");
            if (name.Length == 0) errors.Add("The name is missing.");
            else if (name.Length > 120) errors.Add("The name is longer than 120 characters.");
            if (email.Length == 0) errors.Add("The email is missing.");
            else if (!IsEmail(email)) errors.Add($"“{email}” is not a valid email address.");
            else if (seen.TryGetValue(email, out var firstLine)) errors.Add($"Duplicate: {email} is already on line {firstLine}.");
            else if (alreadyEnrolledEmails.Contains(email)) errors.Add($"{email} is already in this cohort.");
            if (email.Length > 0) seen.TryAdd(email, row.Line);

            var roleText = Get("role");
            EnrollmentRole? role = Enum.TryParse<EnrollmentRole>(roleText, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(roleText, out _) ? parsed : null;
            if (role is null) errors.Add(roleText.Length == 0 ? "The role is missing." : $"“{roleText}” is not a role; use {string.Join(" or ", allowedRoles).ToLowerInvariant()}.");
            else if (!allowedRoles.Contains(role.Value)) errors.Add($"This program has no {role.Value.ToString().ToLowerInvariant()}s; use {string.Join(" or ", allowedRoles).ToLowerInvariant()}.");

            var competencies = new List<ImportedCompetency>();
            foreach (var entry in Get("competencies").Split([';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var parts = entry.Split(':', 2, StringSplitOptions.TrimEntries);
                int? level = null;
                if (parts.Length == 2)
                {
                    if (int.TryParse(parts[1], out var l) && l is >= 1 and <= 5) level = l;
                    else errors.Add($"“{parts[1]}” is not a level for {parts[0]}; use 1 to 5.");
                }
                if (byName.TryGetValue(parts[0], out var id)) competencies.Add(new ImportedCompetency(id, parts[0], level));
                else errors.Add($"Unknown competency “{parts[0]}”.");
            }
            var branch = Get("branch");
            var jobTitle = Get("job title");
            if (branch.Length > 120) errors.Add("The branch is longer than 120 characters.");
            if (jobTitle.Length > 120) errors.Add("The job title is longer than 120 characters.");

            var capacityText = Get("capacity");
            int? capacity = null;
            if (capacityText.Length > 0)
            {
                if (!int.TryParse(capacityText, out var places) || places is < 1 or > MaxCapacity)
                    errors.Add($"“{capacityText}” is not a capacity; use a number of mentees from 1 to {MaxCapacity}.");
                else if (role is not null and not EnrollmentRole.Mentor)
                    errors.Add("Only mentors have a capacity; leave it empty for this row.");
                else capacity = places;
            }
            var (slots, unreadable) = WeeklyAvailability.Parse(Get("availability"));
            foreach (var entry in unreadable)
                errors.Add($"“{entry}” is not a time slot; write a day and a part of the day, e.g. Mon morning; Wed afternoon.");
            var modalityText = Get("modality");
            var modality = ModalityOf(modalityText);
            if (modalityText.Length > 0 && modality is null) errors.Add($"“{modalityText}” is not a modality; use in person, virtual or hybrid.");

            rows.Add(new ImportRow(row.Line, name, email, role, branch.Length == 0 ? null : branch, jobTitle.Length == 0 ? null : jobTitle, competencies, errors)
            {
                Capacity = capacity,
                AvailabilitySlots = slots,
                Modality = modality,
            });
        }
        return new ImportCheck(rows, []);
    }

    private static Modality? ModalityOf(string text) => text.Trim().ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal) switch
    {
        "in person" or "inperson" or "on site" or "onsite" => Modality.InPerson,
        "virtual" or "online" or "remote" => Modality.Virtual,
        "hybrid" or "either" or "both" => Modality.Hybrid,
        _ => null,
    };

    private static string Normalize(string column) => column.Trim().ToLowerInvariant().Replace('_', ' ') switch
    {
        "jobtitle" or "job" or "title" => "job title",
        "full name" or "display name" => "name",
        "e-mail" or "email address" => "email",
        "mentees" or "places" or "max mentees" => "capacity",
        "available" or "time slots" => "availability",
        "format preference" or "meeting preference" or "prefers" => "modality",
        var other => other,
    };

    internal static bool IsEmail(string value) =>
        value.Length <= 256 && MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);
}
