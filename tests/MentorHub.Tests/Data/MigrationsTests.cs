using MentorHub.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace MentorHub.Tests.Data;

public class MigrationsTests
{
    private static MentorHubDbContext SqliteContext() => new(new DbContextOptionsBuilder<MentorHubDbContext>()
        .UseSqlite("Data Source=:memory:", o => o.MigrationsAssembly("MentorHub.Migrations.Sqlite")).Options);

    private static MentorHubDbContext SqlServerContext() => new(new DbContextOptionsBuilder<MentorHubDbContext>()
        .UseSqlServer("Server=unused;Database=MentorHub", o => o.MigrationsAssembly("MentorHub.Migrations.SqlServer")).Options);

    private static MentorHubDbContext PostgreSqlContext() => new(new DbContextOptionsBuilder<MentorHubDbContext>()
        .UseNpgsql("Host=unused;Database=mentorhub", o => o.MigrationsAssembly("MentorHub.Migrations.PostgreSql")).Options);

    [Fact]
    public void Sqlite_migrations_cover_the_whole_model()
    {
        using var db = SqliteContext();

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes with no SQLite migration: run scripts/add-migration.sh.");
    }

    [Fact]
    public void SqlServer_migrations_cover_the_whole_model()
    {
        using var db = SqlServerContext();

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes with no SQL Server migration: run scripts/add-migration.sh.");
    }

    [Fact]
    public void PostgreSql_migrations_cover_the_whole_model()
    {
        using var db = PostgreSqlContext();

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes with no PostgreSQL migration: run scripts/add-migration.sh.");
    }

    private static List<string> Names(MentorHubDbContext db) => db.Database.GetMigrations().Select(m => m[(m.IndexOf('_') + 1)..]).ToList();

    [Fact]
    public void SQLite_and_SQL_Server_have_the_same_migrations()
    {
        using var sqlite = SqliteContext();
        using var sqlServer = SqlServerContext();

        Assert.Equal(Names(sqlite), Names(sqlServer));
    }

    [Fact]
    public void PostgreSQL_starts_from_the_whole_model_and_then_has_every_later_migration_of_the_others()
    {
        using var sqlite = SqliteContext();
        using var postgres = PostgreSqlContext();
        var others = sqlite.Database.GetMigrations().ToList();
        var ours = postgres.Database.GetMigrations().ToList();

        // PostgreSQL arrived with one migration for the model as it stood; every migration after it is added for all three.
        Assert.Equal("Initial", Names(postgres)[0]);
        var later = others.Where(m => string.CompareOrdinal(m, ours[0]) > 0).Select(m => m[(m.IndexOf('_') + 1)..]);
        Assert.Equal(later, Names(postgres).Skip(1));
    }

    [Fact]
    public void SqlServer_idempotent_script_is_valid_T_SQL()
    {
        using var db = SqlServerContext();
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(script);
        parser.Parse(reader, out var errors);

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"line {e.Line}: {e.Message}")));
        Assert.Contains("CREATE TABLE [Mentorships]", script);
        Assert.Contains("CREATE UNIQUE INDEX [IX_Notifications_DedupeKey]", script);
    }
}
