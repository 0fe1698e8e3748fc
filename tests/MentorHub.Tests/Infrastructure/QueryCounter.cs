using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MentorHub.Tests.Infrastructure;

/// <summary>Counts the SQL commands the app sends, so a test can check that a page's query count does not grow with its data.</summary>
public sealed class QueryCounter : DbCommandInterceptor
{
    private int _count;
    private volatile System.Collections.Concurrent.ConcurrentQueue<string>? _recording;

    public int Count => Volatile.Read(ref _count);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Interlocked.Increment(ref _count);
        _recording?.Enqueue(command.CommandText);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        _recording?.Enqueue(command.CommandText);
        return ValueTask.FromResult(result);
    }

    /// <summary>The text of the queries <paramref name="action"/> caused (with any other test's running on the host meanwhile).</summary>
    public async Task<IReadOnlyList<string>> RecordAsync(Func<Task> action)
    {
        var recording = new System.Collections.Concurrent.ConcurrentQueue<string>();
        _recording = recording;
        try
        {
            await action();
        }
        finally
        {
            _recording = null;
        }
        return recording.ToList();
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return ValueTask.FromResult(result);
    }

    /// <summary>How many commands <paramref name="action"/> caused.</summary>
    public async Task<int> MeasureAsync(Func<Task> action)
    {
        var before = Count;
        await action();
        return Count - before;
    }
}
