using Microsoft.EntityFrameworkCore;

namespace MentorHub.Core.Data;

/// <summary>
/// Keeps SQLite's query planner informed: <c>ANALYZE</c> gathers statistics (<c>sqlite_stat1</c>) on how selective each
/// index is, so the planner chooses between indexes by the data rather than by guesswork. <c>analysis_limit</c> makes
/// it read a sample of each index, so it takes milliseconds on a large library system. SQL Server and PostgreSQL keep
/// their own statistics up to date (auto-update statistics, autovacuum's analyze), so nothing runs there.
/// </summary>
/// <remarks>
/// SQLite's <c>PRAGMA optimize</c> analyses only tables the connection has used, or whose size changed many times over,
/// and left a new index on an older table without statistics; a sampled <c>ANALYZE</c> of everything is as cheap.
/// </remarks>
public static class QueryPlannerStatistics
{
    public const string SqliteProviderName = "Microsoft.EntityFrameworkCore.Sqlite";

    /// <summary>After migrations (new indexes have no statistics yet) and daily.</summary>
    public static async Task RefreshAsync(MentorHubDbContext db, CancellationToken ct = default)
    {
        if (db.Database.ProviderName != SqliteProviderName) return;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=1000;", ct);
            await db.Database.ExecuteSqlRawAsync("ANALYZE;", ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
