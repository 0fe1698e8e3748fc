using System.Collections.Concurrent;
using System.Threading.Channels;
using MentorHub.Core.Domain;
using MentorHub.Core.Import;
using Microsoft.AspNetCore.Identity;

namespace MentorHub.Web.Infrastructure;

/// <summary>An import the coordinator confirmed: the checked rows to enroll, and who asked.</summary>
public sealed record ImportRun(Guid Id, CohortInfo Cohort, IReadOnlyList<ImportRow> Rows, string ByUserId);

/// <summary>How far an import has got; the import page shows it and refreshes until it is done.</summary>
public sealed class ImportProgress(Guid id, int cohortId, int total)
{
    private readonly ConcurrentQueue<(int Line, string Email, string Error)> _failures = new();
    private int _processed;
    private int _imported;

    public Guid Id { get; } = id;
    public int CohortId { get; } = cohortId;
    public int Total { get; } = total;
    public int Processed => _processed;
    public int Imported => _imported;
    public bool IsDone => _processed >= Total;
    public IReadOnlyList<(int Line, string Email, string Error)> Failures => [.. _failures];
    public int Percent => Total == 0 ? 100 : _processed * 100 / Total;

    internal void Record(ImportRow row, string? error)
    {
        if (error is null) Interlocked.Increment(ref _imported);
        else _failures.Enqueue((row.Line, row.Email, error));
        Interlocked.Increment(ref _processed);
    }
}

/// <summary>
/// Runs confirmed participant imports in the background, one row at a time (each new person gets an account and an
/// invitation), so a large file does not hold a request open. Progress is kept in memory: after a restart, re-upload
/// the file and import the valid rows; people already enrolled are reported and skipped.
/// </summary>
public sealed class ParticipantImports(IServiceScopeFactory scopes, ILogger<ParticipantImports> logger) : BackgroundService
{
    private const int RowsPerScope = 50;
    private readonly Channel<ImportRun> _queue = Channel.CreateUnbounded<ImportRun>();
    private readonly ConcurrentDictionary<Guid, ImportProgress> _progress = new();

    public ImportProgress Start(ImportRun run)
    {
        var progress = new ImportProgress(run.Id, run.Cohort.Id, run.Rows.Count);
        _progress[run.Id] = progress;
        _queue.Writer.TryWrite(run);
        return progress;
    }

    public ImportProgress? Find(Guid id) => _progress.GetValueOrDefault(id);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var run in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            var progress = _progress[run.Id];
            logger.LogInformation("Import {ImportId} into cohort {CohortId}: {Rows} rows", run.Id, run.Cohort.Id, run.Rows.Count);
            foreach (var batch in run.Rows.Chunk(RowsPerScope))
            {
                // A fresh scope per batch keeps the change tracker small and isolates a failed row's state.
                var scope = scopes.CreateAsyncScope();
                try
                {
                    foreach (var row in batch)
                    {
                        var error = await EnrollAsync(scope, run, row, stoppingToken);
                        progress.Record(row, error);
                        if (error is not null && error.StartsWith("Could not be imported", StringComparison.Ordinal))
                        {
                            await scope.DisposeAsync();
                            scope = scopes.CreateAsyncScope();
                        }
                    }
                }
                finally
                {
                    await scope.DisposeAsync();
                }
            }
            logger.LogInformation("Import {ImportId} done: {Imported} imported, {Failed} not", run.Id, progress.Imported, progress.Failures.Count);
        }
    }

    private async Task<string?> EnrollAsync(AsyncServiceScope scope, ImportRun run, ImportRow row, CancellationToken ct)
    {
        try
        {
            var by = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(run.ByUserId)
                ?? throw new InvalidOperationException("The coordinator's account no longer exists.");
            var person = new Newcomer(row.Email, row.Name, row.Role!.Value, row.Branch, row.JobTitle,
                row.Competencies.Select(c => new CompetencyLevelInput(c.CompetencyId, c.Level)).ToList())
            {
                Capacity = row.Capacity,
                AvailabilitySlots = row.AvailabilitySlots,
                Modality = row.Modality,
            };
            return await scope.ServiceProvider.GetRequiredService<CohortEnrollment>().EnrollAsync(run.Cohort, person, by, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Import {ImportId} failed on line {Line}", run.Id, row.Line);
            return "Could not be imported: " + ex.Message;
        }
    }
}
