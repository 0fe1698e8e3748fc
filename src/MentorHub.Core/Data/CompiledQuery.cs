using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace MentorHub.Core.Data;

/// <summary>
/// A query compiled once per model, for the few that run on every signed-in request. EF Core ties a compiled query to
/// the model of the first context it ran on, and each database provider builds its own model: one process can hold
/// several (the test suite runs SQLite and PostgreSQL hosts side by side), so one compiled query is kept for each.
/// </summary>
public sealed class CompiledQuery<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConcurrentDictionary<IModel, TQuery> byModel = new(ReferenceEqualityComparer.Instance);

    public TQuery For(DbContext db) => byModel.GetOrAdd(db.Model, _ => compile());
}
