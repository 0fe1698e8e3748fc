using MentorHub.Web.Infrastructure;
using Npgsql;

namespace MentorHub.Tests.Infrastructure;

/// <summary>A database of one test fixture's own, on SQLite (a file) or on the test PostgreSQL server (a new database).</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public abstract DatabaseProvider Provider { get; }

    public abstract string ConnectionString { get; }

    /// <summary>
    /// The provider every fixture uses unless it names one: <c>MENTORHUB_TEST_PROVIDER</c> (Sqlite by default), so the
    /// whole suite can be run on PostgreSQL too.
    /// </summary>
    public static DatabaseProvider DefaultProvider =>
        Enum.TryParse<DatabaseProvider>(Environment.GetEnvironmentVariable("MENTORHUB_TEST_PROVIDER"), ignoreCase: true, out var provider)
            ? provider
            : DatabaseProvider.Sqlite;

    public static TestDatabase Create(DatabaseProvider provider, string folder) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteTestDatabase(Path.Combine(folder, "mentorhub.db")),
        DatabaseProvider.PostgreSql => PostgresTestDatabase.Create(),
        _ => throw new NotSupportedException($"Tests run on SQLite and PostgreSQL, not {provider}."),
    };

    public abstract ValueTask DisposeAsync();
}

public sealed class SqliteTestDatabase(string path) : TestDatabase
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override string ConnectionString => $"Data Source={path}";

    public override ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// A new, empty database on the test server (<c>MENTORHUB_TEST_POSTGRES</c>, by default the cluster
/// scripts/test-postgres.sh starts), dropped when disposed.
/// </summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    /// <summary>Test-only credentials of the role scripts/test-postgres.sh creates; never a deployment's.</summary>
    public const string DefaultServer = "Host=127.0.0.1;Port=5432;Username=mentorhub_tests;Password=mentorhub-tests";

    private PostgresTestDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    public override string ConnectionString { get; }

    public static string Server => Environment.GetEnvironmentVariable("MENTORHUB_TEST_POSTGRES") is { Length: > 0 } server ? server : DefaultServer;

    public static PostgresTestDatabase Create()
    {
        var name = "mentorhub_test_" + Guid.NewGuid().ToString("N")[..12];
        using (var connection = OpenServer())
        using (var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection))
            create.ExecuteNonQuery();
        var builder = new NpgsqlConnectionStringBuilder(Server) { Database = name, IncludeErrorDetail = true };
        return new PostgresTestDatabase(name, builder.ConnectionString);
    }

    public override async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = OpenServer();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static NpgsqlConnection OpenServer()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres", Pooling = false }.ConnectionString);
        try
        {
            connection.Open();
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException)
        {
            connection.Dispose();
            throw new InvalidOperationException(
                "The PostgreSQL tests need a server: run `bash scripts/test-postgres.sh start` (or set MENTORHUB_TEST_POSTGRES). " + ex.Message, ex);
        }
        return connection;
    }
}
