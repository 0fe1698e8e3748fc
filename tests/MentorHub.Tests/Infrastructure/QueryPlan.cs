using Microsoft.EntityFrameworkCore;

namespace MentorHub.Tests.Infrastructure;

/// <summary>SQLite's plan for a query the app sent (<c>EXPLAIN QUERY PLAN</c>), one line per step.</summary>
public static class QueryPlan
{
    /// <summary>
    /// The plan of <paramref name="sql"/> with every parameter bound to <paramref name="value"/> (SQLite plans without
    /// looking at the values, so null serves for any).
    /// </summary>
    public static Task<List<string>> ExplainAsync(MentorHubAppFactory app, string sql, object? value = null) => app.WithDbAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + sql;
            foreach (var name in System.Text.RegularExpressions.Regex.Matches(sql, @"@\w+").Select(m => m.Value).Distinct())
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }
            await using var reader = await command.ExecuteReaderAsync();
            var lines = new List<string>();
            while (await reader.ReadAsync()) lines.Add(reader.GetString(3));
            return lines;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    });
}
