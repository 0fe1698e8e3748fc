using MentorHub.Core.Data;
using MentorHub.Core.Domain;
using MentorHub.Core.Import;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Core.Staff;

public enum RosterChange { New, Changed, Unchanged }

/// <summary>What importing a row will do (preview) or did (result): a new person, the changes to one, or nothing.</summary>
public sealed record RosterOutcome(int Line, string StaffNumber, string Name, RosterChange Change, IReadOnlyList<string> Changes);

/// <summary>
/// Keeps the staff roster in step with the organisation's staff file: re-importing updates people by staff id (new
/// leavers, role changes), says what changed, and links each person to their MentorHub account by email.
/// </summary>
public sealed class StaffRoster(MentorHubDbContext db)
{
    /// <summary>What importing these (valid) rows would do, without changing anything.</summary>
    public async Task<IReadOnlyList<RosterOutcome>> PreviewAsync(IReadOnlyList<RosterRow> rows, CancellationToken ct)
    {
        var existing = await ExistingAsync(rows, ct);
        return rows.Select(r => existing.TryGetValue(r.StaffNumber, out var person)
                ? Describe(r, StaffMember.Changes(person.Details, r.Details))
                : new RosterOutcome(r.Line, r.StaffNumber, r.Details.Name, RosterChange.New, []))
            .ToList();
    }

    /// <summary>Adds and updates the people of these (valid) rows; the caller saves. Audited as one import.</summary>
    public async Task<IReadOnlyList<RosterOutcome>> ImportAsync(IReadOnlyList<RosterRow> rows, DateTime nowUtc, CancellationToken ct)
    {
        var existing = await ExistingAsync(rows, ct);
        var emails = rows.Select(r => r.Details.Email).OfType<string>().Select(e => e.ToUpperInvariant()).Distinct().ToList();
        var accounts = (await db.Users.Where(u => emails.Contains(u.NormalizedEmail!)).Select(u => new { u.Id, u.NormalizedEmail }).ToListAsync(ct))
            .ToDictionary(u => u.NormalizedEmail!, u => u.Id);
        var outcomes = new List<RosterOutcome>(rows.Count);
        foreach (var row in rows)
        {
            if (!existing.TryGetValue(row.StaffNumber, out var person))
            {
                person = new StaffMember(row.StaffNumber, row.Details, nowUtc);
                db.StaffMembers.Add(person);
                outcomes.Add(new RosterOutcome(row.Line, row.StaffNumber, row.Details.Name, RosterChange.New, []));
            }
            else
            {
                outcomes.Add(Describe(row, person.Update(row.Details, nowUtc)));
            }
            person.LinkTo(person.Email is { } email && accounts.TryGetValue(email.ToUpperInvariant(), out var userId) ? userId : person.UserId);
        }
        db.Audit(nameof(StaffMember), "roster", "RosterImported",
            $"{outcomes.Count(o => o.Change is RosterChange.New)} added, {outcomes.Count(o => o.Change is RosterChange.Changed)} updated, {outcomes.Count(o => o.Change is RosterChange.Unchanged)} unchanged");
        return outcomes;
    }

    private async Task<Dictionary<string, StaffMember>> ExistingAsync(IReadOnlyList<RosterRow> rows, CancellationToken ct)
    {
        var numbers = rows.Select(r => r.StaffNumber).ToList();
        return await db.StaffMembers.Where(s => numbers.Contains(s.StaffNumber)).ToDictionaryAsync(s => s.StaffNumber, StringComparer.OrdinalIgnoreCase, ct);
    }

    private static RosterOutcome Describe(RosterRow row, IReadOnlyList<string> changes) =>
        new(row.Line, row.StaffNumber, row.Details.Name, changes.Count == 0 ? RosterChange.Unchanged : RosterChange.Changed, changes);
}
