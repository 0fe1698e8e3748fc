using Microsoft.EntityFrameworkCore;

namespace MentorHub.Core.Data;

public static class UnitOfWork
{
    /// <summary>
    /// Runs <paramref name="work"/> (which may save several times, e.g. to learn a new row's id before writing the mail
    /// about it) in one transaction, under the provider's execution strategy so SQL Server's retry-on-failure allows it.
    /// </summary>
    /// <remarks>Inside a transaction already begun, the work simply joins it.</remarks>
    public static Task InTransactionAsync(this MentorHubDbContext db, Func<CancellationToken, Task> work, CancellationToken cancellationToken) =>
        db.Database.CurrentTransaction is not null ? work(cancellationToken) : db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await work(ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);
}
