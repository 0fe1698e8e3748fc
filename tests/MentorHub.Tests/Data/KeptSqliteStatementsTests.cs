using System.Data;
using System.Net;
using MentorHub.Core.Data;
using MentorHub.Tests.Infrastructure;
using MentorHub.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using SQLitePCL;

namespace MentorHub.Tests.Data;

public sealed class KeptSqliteStatementsTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    [Fact]
    public async Task Pages_run_on_statements_compiled_by_earlier_requests_with_each_requests_own_values()
    {
        var (ada, ben) = (await app.CreateUserAsync("Ada Kept"), await app.CreateUserAsync("Ben Kept"));
        using var adaClient = app.CreateAppClient();
        using var benClient = app.CreateAppClient();
        await adaClient.SignInAsync(ada.Email!);
        await benClient.SignInAsync(ben.Email!);
        await adaClient.Http.GetAsync("/Account/ChangePassword");
        var before = KeptSqliteStatements.Reused;

        // Each page shows its own person although the session and menu queries now run on statements compiled before:
        // their values are bound again on every request.
        foreach (var (client, own, other) in new[] { (adaClient, "Ada Kept", "Ben Kept"), (benClient, "Ben Kept", "Ada Kept"), (adaClient, "Ada Kept", "Ben Kept") })
        {
            var page = await client.Http.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains(own, html);
            Assert.DoesNotContain(other, html);
        }
        Assert.True(KeptSqliteStatements.Reused > before, "no query ran on a statement compiled by an earlier request");
    }

    [Fact]
    public async Task A_pooled_context_keeps_its_connection_open_with_its_statements_for_its_next_use()
    {
        // The app's own options (the kept connection and the statement interceptor), in a pool of one.
        var options = app.Services.GetRequiredService<DbContextOptions<MentorHubDbContext>>();
        var factory = new PooledDbContextFactory<MentorHubDbContext>(options, poolSize: 1);
        var first = factory.CreateDbContext();
        await first.Database.OpenConnectionAsync();
        Assert.Equal(0, await first.Programs.CountAsync(p => p.Id == -1));
        var connection = first.Database.GetDbConnection();
        await first.Database.CloseConnectionAsync();
        await first.DisposeAsync(); // back to the pool

        Assert.Equal(ConnectionState.Open, connection.State);
        await using var again = factory.CreateDbContext();
        Assert.Same(first, again);
        Assert.Same(connection, again.Database.GetDbConnection());
        var before = KeptSqliteStatements.Reused;
        Assert.Equal(0, await again.Programs.CountAsync(p => p.Id == -1));
        Assert.True(KeptSqliteStatements.Reused > before);
    }

    [Fact]
    public async Task A_kept_statement_with_a_limit_is_not_compiled_again_when_the_next_limit_is_bound()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MentorHubDbContext>();
        await db.Database.OpenConnectionAsync();
        var kept = (SqliteConnection)db.Database.GetDbConnection();
        Assert.True(SqliteEngine.PlansIndependentlyOfValues(kept));
        Assert.Equal(0, TimesCompiledAgain(kept));

        // The same file on a connection of SQLite's defaults: every run compiles the statement again, the first one too
        // (its limit is bound after the statement was compiled).
        await using var plain = new SqliteConnection(kept.ConnectionString);
        await plain.OpenAsync();
        Assert.False(SqliteEngine.PlansIndependentlyOfValues(plain));
        Assert.Equal(3, TimesCompiledAgain(plain));
    }

    /// <summary>Runs one command three times, with limits 1, 2 and 3: how many times SQLite compiled its statement again.</summary>
    private static int TimesCompiledAgain(SqliteConnection connection)
    {
        const int statusRecompiled = 5; // SQLITE_STMTSTATUS_REPREPARE
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Id\" FROM \"Programs\" ORDER BY \"Name\" LIMIT @limit";
        var recompiled = 0;
        foreach (var limit in new[] { 1, 2, 3 })
        {
            command.Parameters.Clear();
            command.Parameters.AddWithValue("@limit", limit);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
            }
            recompiled = raw.sqlite3_stmt_status(reader.Handle, statusRecompiled, 0);
        }
        return recompiled;
    }
}
