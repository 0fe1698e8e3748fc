using Microsoft.EntityFrameworkCore;

namespace MentorHub.Tests.Infrastructure;

/// <summary>SQLite's plan for a query the app sent (<c>EXPLAIN QUERY PLAN</c>), one line per step.</summary>
public static class QueryPlan
{
    /// <summary>
    /// The plan of <paramref name="sql"/> with every parameter bound to <paramref name="value"/> (SQLite plans without
    /// looking at the values, so null serves for any), made as SQLite plans without statistics. The statistics of the
    /// shared test database depend on what other tests left when they were gathered, and for a few rows they favour
    /// reading whole tables; a large library's statistics lead to the plans SQLite makes without any.
    /// </summary>
    public static Task<List<string>> ExplainAsync(MentorHubAppFactory app, string sql, object? value = null) => app.WithDbAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            // The statistics are set aside inside a transaction that is rolled back, so other connections keep them.
            await using var transaction = await connection.BeginTransactionAsync();
            var analyzed = await ScalarAsync(connection, "SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_stat1'") is long n && n > 0;
            if (analyzed) await ScalarAsync(connection, "DELETE FROM sqlite_stat1; ANALYZE sqlite_schema;");

            await using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + sql;
            foreach (var name in System.Text.RegularExpressions.Regex.Matches(sql, @"@\w+").Select(m => m.Value).Distinct())
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }
            var lines = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync()) lines.Add(reader.GetString(3));
            }

            await transaction.RollbackAsync();
            if (analyzed) await ScalarAsync(connection, "ANALYZE sqlite_schema;");
            return lines;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    });

    private static async Task<object?> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
