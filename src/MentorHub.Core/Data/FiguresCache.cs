using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.Memory;

namespace MentorHub.Core.Data;

/// <summary>
/// Moves on after every write this server makes to the database (a save, a bulk update or delete, a committed
/// transaction) except <see cref="Bookkeeping"/>. Figures computed from the data at one value stay right until it moves.
/// </summary>
public sealed class DataVersion
{
    private static readonly AsyncLocal<bool> InBookkeeping = new();

    /// <summary>
    /// Writes made within this scope do not move the version: bookkeeping that no kept figure shows more precisely than
    /// the minute figures are kept for, such as the hourly last-seen stamp. Moving the version on every such stamp would
    /// drop every kept figure each time someone opens their first page of the hour.
    /// </summary>
    public static BookkeepingScope Bookkeeping()
    {
        InBookkeeping.Value = true;
        return default;
    }

    /// <summary>Whether the current flow is inside <see cref="Bookkeeping"/>.</summary>
    public static bool IsBookkeeping => InBookkeeping.Value;

    public readonly struct BookkeepingScope : IDisposable
    {
        public void Dispose() => InBookkeeping.Value = false;
    }

    private long _value;

    public long Current => Interlocked.Read(ref _value);

    public void Advance() => Interlocked.Increment(ref _value);
}

/// <summary>Advances <see cref="DataVersion"/> after each write made through the context (more often is harmless).</summary>
public sealed class DataVersionInterceptor(DataVersion version) : DbCommandInterceptor, ISaveChangesInterceptor, IDbTransactionInterceptor
{
    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        if (!DataVersion.IsBookkeeping) version.Advance();
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (!DataVersion.IsBookkeeping) version.Advance();
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        version.Advance();
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        version.Advance();
        return ValueTask.FromResult(result);
    }

    // A reader that began between a save and its transaction's commit saw the data before it; its figures were kept
    // under the value the save moved to, so the commit moves it once more.
    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => version.Advance();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        version.Advance();
        return Task.CompletedTask;
    }
}

/// <summary>
/// Keeps figures that are costly to compute from many rows (the health of every pair of a program, a coordinator's
/// attention list, outcome reports) until this server writes to the database or the minute (of the app's clock)
/// turns, whichever comes first. A page then shows exactly what it would have computed, except for another server's
/// writes of the last minute and time-based rules that turned within it.
/// </summary>
/// <remarks>
/// Requests that ask for the same figures while they are computed wait for that one computation. Values are shared
/// between requests: callers must not change them. With <paramref name="keep"/> false (setting <c>Figures:Keep</c>),
/// every request computes its own: for measuring the computation, or a server that must show other servers' writes at once.
/// </remarks>
public sealed class FiguresCache(DataVersion version, TimeProvider clock, bool keep = true) : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 5_000 });
    private readonly Lock _gate = new();

    public async Task<T> GetAsync<T>(string name, Func<Task<T>> compute, CancellationToken ct)
    {
        if (!keep) return await compute();
        var key = new Key(name, version.Current, clock.GetUtcNow().UtcTicks / TimeSpan.TicksPerMinute);
        // The computation is announced before it starts. On SQLite a query runs synchronously inside its async call, so a
        // computation hands back its task only when it is nearly done: announcing that task let every request arriving
        // meanwhile start a computation of its own (32 at once after each write, under load).
        TaskCompletionSource<T>? mine = null;
        Task<T>? shared;
        lock (_gate)
        {
            if (!_cache.TryGetValue(key, out shared) || shared is null || shared.IsFaulted || shared.IsCanceled)
            {
                mine = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
                shared = mine.Task;
                _cache.Set<object>(key, shared, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(2) });
            }
        }
        if (mine is null)
        {
            try
            {
                return await shared.WaitAsync(ct);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                // The request that began the computation went away; compute for this one.
                return await compute();
            }
        }
        // The request that announced it computes, and waits for it whatever happens to itself: the computation uses its
        // database context.
        try
        {
            var value = await compute();
            mine.SetResult(value);
            return value;
        }
        catch (Exception ex)
        {
            lock (_gate)
            {
                if (_cache.TryGetValue(key, out object? current) && ReferenceEquals(current, shared)) _cache.Remove(key);
            }
            if (ex is OperationCanceledException) mine.SetCanceled(CancellationToken.None);
            else mine.SetException(ex);
            throw;
        }
    }

    /// <summary>
    /// <paramref name="name"/> with what figures kept now are kept under (this server's data version and the minute); null
    /// when figures are not kept. Output rendered from kept figures may be kept under it too (the <c>cache</c> tag helper's
    /// <c>vary-by</c>), so it goes stale exactly when they do. Take it before loading the figures: a write made meanwhile
    /// then moves the stamp past it.
    /// </summary>
    public string? Stamp(string name) => keep
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{name}|{version.Current}:{clock.GetUtcNow().UtcTicks / TimeSpan.TicksPerMinute}")
        : null;

    public void Dispose() => _cache.Dispose();

    private readonly record struct Key(string Name, long Version, long Minute);
}
