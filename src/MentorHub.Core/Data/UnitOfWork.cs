using Microsoft.EntityFrameworkCore;

namespace MentorHub.Core.Data;

public static class UnitOfWork
{
    /// <summary>
    /// Runs <paramref name="work"/> (which may save several times, e.g. to learn a new row's id before writing the mail
    /// about it) in one transaction, under the provider's execution strategy so SQL Server's retry-on-failure allows it.
    /// The work says how it ends: true commits; false rolls back everything it wrote and forgets what it tracked.
    /// </summary>
    /// <remarks>
    /// The work must make all its changes itself, from loading onwards: a retry starts again on an empty change
    /// tracker, since what the failed attempt tracked never reached the database. Inside a transaction already begun,
    /// the work joins it and its answer goes to the caller.
    /// </remarks>
    public static async Task<bool> InTransactionAsync(this MentorHubDbContext db, Func<CancellationToken, Task<bool>> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null) return await work(cancellationToken);
        var attempt = 0;
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            if (attempt++ > 0) db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            bool commit;
            try
            {
                commit = await work(ct);
            }
            catch
            {
                // Nothing of a failed attempt reached the database; nothing of it stays tracked either.
                db.ChangeTracker.Clear();
                throw;
            }
            if (!commit)
            {
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return false;
            }
            await transaction.CommitAsync(ct);
            return true;
        }, cancellationToken);
    }

    /// <summary>Work that always commits when it finishes (an exception rolls it back).</summary>
    public static Task InTransactionAsync(this MentorHubDbContext db, Func<CancellationToken, Task> work, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async ct =>
        {
            await work(ct);
            return true;
        }, cancellationToken);
}
