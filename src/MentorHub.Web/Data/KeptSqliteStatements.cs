using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;

namespace MentorHub.Web.Data;

// EF Core's SQLite connection service is public but marked internal API (EF1001): it is extended here only to keep its
// connection open, and everything else (the functions EF Core registers on a connection, its timeout) stays its own.
#pragma warning disable EF1001

/// <summary>
/// Keeps a pooled context's SQLite connection open from one request to the next, with the statements SQLite compiled for
/// it (see <see cref="KeptSqliteStatements"/>). EF Core would close it after each request, and closing a connection
/// discards its compiled statements.
/// </summary>
/// <remarks>
/// There are as many open connections as contexts the pool keeps (<see cref="Infrastructure.DataSetup.ContextPoolSize"/>
/// at most). A context the pool has no room for is disposed without EF Core disposing its connection; the connection is
/// then closed when the garbage collector reclaims it. A transaction left open is rolled back when the context goes
/// back to the pool, as before.
/// </remarks>
public sealed class KeptOpenSqliteConnection(RelationalConnectionDependencies dependencies, IRawSqlCommandBuilder rawSqlCommandBuilder,
    IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger) : SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
{
    protected override DbConnection CreateDbConnection()
    {
        var connection = (SqliteConnection)base.CreateDbConnection();
        KeptSqliteStatements.Track(connection);
        // Each time it opens: a kept statement is no use if SQLite compiles it again for the next values bound to it.
        connection.StateChange += (_, change) =>
        {
            if (change.CurrentState == ConnectionState.Open) SqliteEngine.PlanIndependentlyOfValues(connection);
        };
        return connection;
    }

    protected override void CloseDbConnection()
    {
        // Left open: EF Core then finds it open on the next request and leaves it so.
    }

    protected override Task CloseDbConnectionAsync() => Task.CompletedTask;
}
#pragma warning restore EF1001

/// <summary>
/// Hands EF Core the command that last ran the same SQL on the same connection, with its statement compiled by SQLite.
/// Microsoft.Data.Sqlite keeps a statement only as long as the command that compiled it, and EF Core disposes each
/// command after one use, so without this every query is compiled again on every request (about three fifths of
/// SQLite's time on a participant's home page, sampled under load).
/// </summary>
public sealed class KeptSqliteStatements : DbCommandInterceptor
{
    /// <summary>The most statements kept per connection (the least recently used go first).</summary>
    public const int PerConnection = 200;

    private static readonly ConditionalWeakTable<DbConnection, Cache> Caches = new();
    private static long _reused;

    /// <summary>How many times a query ran on a statement compiled before, in this process (for tests and diagnostics).</summary>
    public static long Reused => Interlocked.Read(ref _reused);

    internal static void Track(DbConnection connection) => Caches.AddOrUpdate(connection, new Cache());

    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result) =>
        result is SqliteCommand fresh && fresh.Connection is { } connection && Caches.TryGetValue(connection, out var cache) ? cache.Take(fresh) : result;

    /// <summary>A connection's most recently used commands, by SQL text. A connection is used by one request at a time.</summary>
    private sealed class Cache
    {
        private readonly Dictionary<string, LinkedListNode<KeptCommand>> _kept = new(StringComparer.Ordinal);
        private readonly LinkedList<KeptCommand> _recent = new();

        public DbCommand Take(SqliteCommand fresh)
        {
            if (_kept.TryGetValue(fresh.CommandText, out var node))
            {
                // The same SQL may still be reading (a query inside another's loop): this run gets its own command.
                if (node.Value.InUse) return fresh;
                Interlocked.Increment(ref _reused);
                _recent.Remove(node);
                _recent.AddFirst(node);
            }
            else
            {
                node = _recent.AddFirst(new KeptCommand(fresh.CommandText, fresh.Connection!));
                _kept[fresh.CommandText] = node;
                if (_kept.Count > PerConnection)
                {
                    var oldest = _recent.Last!;
                    _recent.RemoveLast();
                    _kept.Remove(oldest.Value.CommandText);
                    oldest.Value.Release();
                }
            }
            node.Value.TakeOver(fresh);
            return node.Value;
        }
    }

    /// <summary>A command EF Core may dispose after each use: it then lets go of its parameters and keeps its statement.</summary>
    private sealed class KeptCommand(string commandText, SqliteConnection connection) : SqliteCommand(commandText, connection)
    {
        private bool _released;

        public bool InUse { get; private set; }

        public void TakeOver(SqliteCommand fresh)
        {
            InUse = true;
            Transaction = fresh.Transaction;
            CommandTimeout = fresh.CommandTimeout;
            var parameters = fresh.Parameters.Cast<SqliteParameter>().ToArray();
            fresh.Parameters.Clear();
            Parameters.Clear();
            Parameters.AddRange(parameters);
            fresh.Dispose();
        }

        /// <summary>Disposes the command for good: now if it is idle, else when its reader is done with it.</summary>
        public void Release()
        {
            _released = true;
            if (!InUse) Dispose();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && !_released)
            {
                Parameters.Clear();
                Transaction = null;
                InUse = false;
                return;
            }
            base.Dispose(disposing);
        }
    }
}
