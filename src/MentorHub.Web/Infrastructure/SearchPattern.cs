using System.Linq.Expressions;
using System.Reflection;
using MentorHub.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace MentorHub.Web.Infrastructure;

/// <summary>
/// Search boxes: what people type matches anywhere in any of the given fields, ignoring case, with % and _ matching
/// themselves. LIKE ignores ASCII case on SQLite and SQL Server's default collations; PostgreSQL's ignores none, so
/// there the same filter is ILIKE.
/// </summary>
public static class SearchPattern
{
    public const string Escape = "\\";

    private static readonly MethodInfo Like = typeof(DbFunctionsExtensions).GetMethod(nameof(DbFunctionsExtensions.Like),
        [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    private static readonly MethodInfo ILike = typeof(NpgsqlDbFunctionsExtensions).GetMethod(nameof(NpgsqlDbFunctionsExtensions.ILike),
        [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    public static string Contains(string text) =>
        "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";

    /// <summary>Rows where any of <paramref name="fields"/> contains <paramref name="text"/>.</summary>
    public static IQueryable<T> WhereAnyContains<T>(this IQueryable<T> query, DatabaseFacade database, string text, params Expression<Func<T, string?>>[] fields)
    {
        var like = database.ProviderName == MentorHubDbContext.PostgreSqlProviderName ? ILike : Like;
        // A member of a captured object, so EF sends the pattern as a parameter rather than into the SQL text.
        var pattern = Expression.Property(Expression.Constant(new Captured(Contains(text))), nameof(Captured.Pattern));
        var row = Expression.Parameter(typeof(T), "row");
        var any = fields
            .Select(field => (Expression)Expression.Call(like, Expression.Constant(EF.Functions), new Rebind(field.Parameters[0], row).Visit(field.Body),
                pattern, Expression.Constant(Escape)))
            .Aggregate(Expression.OrElse);
        return query.Where(Expression.Lambda<Func<T, bool>>(any, row));
    }

    private sealed record Captured(string Pattern);

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
