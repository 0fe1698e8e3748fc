using System.Net;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage;
using MentorHub.Core.Data;
using MentorHub.Tests.Infrastructure;
using MentorHub.Tests.Jobs;
using MentorHub.Tests.Notifications;
using MentorHub.Tests.Pages.Admin.Users;
using MentorHub.Tests.Pages.Home;
using MentorHub.Tests.Pages.Mentorships;
using MentorHub.Tests.Pages.Programs;
using MentorHub.Web.Infrastructure;
using MentorHub.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MentorHub.Tests.Data;

// The tests whose outcome depends on the database provider, run again on PostgreSQL: concurrency tokens, transactions
// and the audit rows written inside them, the unique indexes that settle races, the outbox claim and its index, job
// storage and searches that ignore case. Digests and reminders run on PostgreSQL in TwoServersTests (every query of
// their composition, whatever a person's content).

[Collection(PostgresCollection.Name)]
public sealed class ConcurrencyOnPostgreSqlTests(PostgresAppFactory app) : ConcurrencyTests(app);

[Collection(PostgresCollection.Name)]
public sealed class UnitOfWorkOnPostgreSqlTests(PostgresAppFactory app) : UnitOfWorkTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AuditTrailOnPostgreSqlTests(PostgresAppFactory app) : AuditTrailTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AggregateRaceOnPostgreSqlTests(PostgresAppFactory app) : AggregateRaceTests(app);

[Collection(PostgresCollection.Name)]
public sealed class DeliveryClaimOnPostgreSqlTests(PostgresAppFactory app) : DeliveryClaimTests(app);

[Collection(PostgresCollection.Name)]
public sealed class JobsOnPostgreSqlTests(PostgresAppFactory app) : JobsTests(app)
{
    [Fact]
    public async Task Jobs_are_stored_in_the_database_where_every_app_server_sees_them()
    {
        var storage = app.Services.GetRequiredService<JobStorage>();
        Assert.IsType<PostgreSqlStorage>(storage);

        using var connection = storage.GetConnection();
        var recurring = connection.GetRecurringJobs().Select(j => j.Id).ToList();
        Assert.Contains(RecurringJobs.DeliverNotifications, recurring);

        // Another storage over the same database (as on a second server) sees a job the first enqueued.
        var jobId = new BackgroundJobClient(storage).Enqueue<DeliverNotificationsJob>(job => job.RunAsync(CancellationToken.None));
        var other = new PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(app.Database.ConnectionString, new PostgreSqlStorageOptions()));
        using var otherConnection = other.GetConnection();
        Assert.Equal("Enqueued", otherConnection.GetStateData(jobId)?.Name);
        var tables = await app.WithDbAsync(db => db.Database.SqlQueryRaw<string>(
            "SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'hangfire'").ToListAsync());
        Assert.Contains("job", tables);
    }
}

[Collection(PostgresCollection.Name)]
public sealed class UsersOnPostgreSqlTests(PostgresAppFactory app) : UsersTests(app);

// The home page's and the mentorship history's compiled queries: lists of ids as array parameters, and the history's
// first page read from the end of time (DateTime.MaxValue, which PostgreSQL reads as infinity).
[Collection(PostgresCollection.Name)]
public sealed class HomeOnPostgreSqlTests(PostgresAppFactory app) : HomeTests(app);

[Collection(PostgresCollection.Name)]
public sealed class TimelineOnPostgreSqlTests(PostgresAppFactory app) : TimelineTests(app);

// The cohort page's compiled queries: nullable role and status parameters, the search box's ILIKE, the compiled access check.
[Collection(PostgresCollection.Name)]
public sealed class CohortsOnPostgreSqlTests(PostgresAppFactory app) : CohortsTests(app);

/// <summary>The PostgreSQL migrations on a real server: they apply to an empty database and leave nothing pending.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlMigrationsTests(PostgresAppFactory app)
{
    [Fact]
    public async Task Every_migration_is_applied_on_start_and_the_database_matches_the_model()
    {
        var (all, applied, pending) = await app.WithDbAsync(async db => (db.Database.GetMigrations().ToList(),
            (await db.Database.GetAppliedMigrationsAsync()).ToList(), (await db.Database.GetPendingMigrationsAsync()).ToList()));

        Assert.Empty(pending);
        Assert.NotEmpty(applied);
        Assert.Equal(all, applied);
        var filter = await app.WithDbAsync(db => db.Database.SqlQueryRaw<string>(
            "SELECT indexdef AS \"Value\" FROM pg_indexes WHERE indexname = 'IX_MentorshipMembers_OneRunningMentorship'").SingleAsync());
        Assert.Contains("WHERE (\"IsCurrent\" AND ((\"Role\")::text <> 'Mentor'::text))", filter);
    }
}

/// <summary>
/// The queries compiled for every signed-in request (the session's stamps, the unread count in the menu) serve hosts
/// on both providers in one process, as this suite runs them: EF Core ties a compiled query to one model, and each
/// provider builds its own.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CompiledQueriesOnBothProvidersTests(PostgresAppFactory postgres, SqliteAppFactory sqlite) : IClassFixture<SqliteAppFactory>
{
    [Fact]
    public async Task A_signed_in_page_is_served_on_SQLite_and_on_PostgreSQL_in_one_process()
    {
        foreach (var app in new MentorHubAppFactory[] { sqlite, postgres, sqlite })
        {
            var person = await app.CreateUserAsync();
            using var client = app.CreateAppClient();
            await client.SignInAsync(person.Email!);
            var home = await client.Http.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            Assert.Contains(person.DisplayName, await home.Content.ReadAsStringAsync());
        }
    }
}
