using MentorHub.Core.Data;
using MentorHub.Core.Domain;
using MentorHub.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Web.Infrastructure;

public static class DatabaseInitializer
{
    /// <summary>
    /// Applies migrations (always on SQLite; on SQL Server when <c>Database:MigrateOnStartup</c> is true), adds the
    /// reference data, and the demo data in Development (<c>Demo:SeedOnStartup</c>) or when asked with --seed-demo.
    /// </summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app, bool seedDemo)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var settings = services.GetRequiredService<DatabaseSettings>();
        var db = services.GetRequiredService<MentorHubDbContext>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("MentorHub.Database");

        if (settings.Provider is DatabaseProvider.Sqlite || app.Configuration.GetValue<bool>("Database:MigrateOnStartup"))
            await MigrateAsync(services, logger);

        await ReferenceDataSeeder.SeedAsync(db, services.GetRequiredService<RoleManager<IdentityRole>>());

        var seedInDevelopment = app.Environment.IsDevelopment() && app.Configuration.GetValue("Demo:SeedOnStartup", true);
        if (seedDemo || seedInDevelopment)
        {
            var created = await ActivatorUtilities.CreateInstance<DemoDataSeeder>(services).SeedAsync();
            logger.LogInformation(created ? "Demo data created; demo accounts use the password {Password}" : "Demo data already present; nothing added",
                DemoDataSeeder.Password);
        }
    }

    /// <summary>
    /// Applies the migrations, then makes sure the data-protection key ring (kept in the database) has a key, so app
    /// servers started together after a migration all use that one rather than each making its own.
    /// </summary>
    public static async Task MigrateAsync(IServiceProvider services, ILogger logger)
    {
        var db = services.GetRequiredService<MentorHubDbContext>();
        var settings = services.GetRequiredService<DatabaseSettings>();
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        await db.Database.MigrateAsync();
        if (settings.Provider is DatabaseProvider.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            await QueryPlannerStatistics.RefreshAsync(db);
            logger.LogInformation("SQLite {Version}, memory statistics {Statistics}", SqliteEngine.Version,
                SqliteEngine.MemoryStatisticsOff ? "off" : "on (SQLite had started before they could be turned off)");
        }
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("MentorHub.KeyRing").Protect([1]);
        logger.LogInformation("Database migrated ({Provider}): {Count} migrations applied", settings.Provider, pending.Count);
    }
}
