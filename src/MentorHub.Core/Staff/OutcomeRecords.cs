using MentorHub.Core.Data;
using MentorHub.Core.Domain;
using MentorHub.Core.Import;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Core.Staff;

public enum OutcomeRecordResult { New, AlreadyRecorded, NotOnRoster }

/// <summary>What importing an outcome row will do (preview) or did: record it, skip it as already recorded, or refuse it.</summary>
public sealed record OutcomeRecordOutcome(int Line, string? Name, OutcomeRecordResult Result);

/// <summary>
/// Records outcomes from a file against people on the staff roster, found by staff id. Re-importing the same file
/// records nothing twice: an outcome of the same kind on the same day for the same person is already there.
/// </summary>
public sealed class OutcomeRecords(MentorHubDbContext db)
{
    public async Task<IReadOnlyList<OutcomeRecordOutcome>> PreviewAsync(IReadOnlyList<OutcomeRow> rows, CancellationToken ct) =>
        (await PlanAsync(rows, ct)).Select(p => p.Outcome).ToList();

    /// <summary>Adds the new records of these (valid) rows; the caller saves. Audited as one import.</summary>
    public async Task<IReadOnlyList<OutcomeRecordOutcome>> ImportAsync(IReadOnlyList<OutcomeRow> rows, string? recordedBy, DateTime nowUtc, CancellationToken ct)
    {
        var plan = await PlanAsync(rows, ct);
        foreach (var (row, person, outcome) in plan.Where(p => p.Outcome.Result == OutcomeRecordResult.New))
            db.OutcomeEvents.Add(new OutcomeEvent(person!.UserId, person.Id, row.Kind!.Value, row.OccurredOn!.Value, row.Note, null, recordedBy, nowUtc));
        db.Audit(nameof(OutcomeEvent), "import", "OutcomesImported",
            $"{plan.Count(p => p.Outcome.Result == OutcomeRecordResult.New)} recorded, {plan.Count(p => p.Outcome.Result == OutcomeRecordResult.AlreadyRecorded)} already recorded, {plan.Count(p => p.Outcome.Result == OutcomeRecordResult.NotOnRoster)} not on the roster");
        return plan.Select(p => p.Outcome).ToList();
    }

    private sealed record Person(int Id, string Name, string? UserId);

    private async Task<List<(OutcomeRow Row, Person? Person, OutcomeRecordOutcome Outcome)>> PlanAsync(IReadOnlyList<OutcomeRow> rows, CancellationToken ct)
    {
        var numbers = rows.Select(r => r.StaffNumber).Distinct().ToList();
        var people = await db.StaffMembers.AsNoTracking().Where(s => numbers.Contains(s.StaffNumber))
            .ToDictionaryAsync(s => s.StaffNumber, s => new Person(s.Id, s.Name, s.UserId), StringComparer.OrdinalIgnoreCase, ct);
        var ids = people.Values.Select(p => p.Id).ToList();
        var userIds = people.Values.Select(p => p.UserId).OfType<string>().ToList();
        var recorded = (await db.OutcomeEvents.AsNoTracking()
                .Where(o => (o.StaffMemberId != null && ids.Contains(o.StaffMemberId.Value)) || (o.UserId != null && userIds.Contains(o.UserId)))
                .Select(o => new { o.StaffMemberId, o.UserId, o.Kind, o.OccurredOn }).ToListAsync(ct))
            .SelectMany(o => new[] { o.StaffMemberId is { } s ? $"s{s}|{o.Kind}|{o.OccurredOn}" : null, o.UserId is { } u ? $"u{u}|{o.Kind}|{o.OccurredOn}" : null })
            .OfType<string>().ToHashSet();
        return rows.Select(row =>
        {
            if (!people.TryGetValue(row.StaffNumber, out var person))
                return (row, (Person?)null, new OutcomeRecordOutcome(row.Line, null, OutcomeRecordResult.NotOnRoster));
            var already = recorded.Contains($"s{person.Id}|{row.Kind}|{row.OccurredOn}") || (person.UserId is { } u && recorded.Contains($"u{u}|{row.Kind}|{row.OccurredOn}"));
            return (row, person, new OutcomeRecordOutcome(row.Line, person.Name, already ? OutcomeRecordResult.AlreadyRecorded : OutcomeRecordResult.New));
        }).ToList();
    }
}
