using System.Security.Claims;
using MentorHub.Core.Data;
using MentorHub.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Web.Infrastructure;

public enum DatabaseProvider { Sqlite, SqlServer, PostgreSql }

public static class DataSetup
{
    public const string ConnectionStringName = "MentorHub";
    public const string DefaultSqliteConnectionString = "Data Source=App_Data/mentorhub.db";

    /// <summary>Registers the DbContext on the configured provider (<c>Database:Provider</c>), data-protection keys in the database, and the health check.</summary>
    public static WebApplicationBuilder AddMentorHubData(this WebApplicationBuilder builder)
    {
        var provider = ReadProvider(builder.Configuration);
        // Before any connection opens: SQLite takes its process-wide settings only until it starts.
        if (provider is DatabaseProvider.Sqlite) SqliteEngine.TurnOffMemoryStatistics();
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (provider is DatabaseProvider.Sqlite)
            connectionString = SqliteConnectionString(connectionString ?? DefaultSqliteConnectionString, builder.Environment.ContentRootPath);
        else if (string.IsNullOrWhiteSpace(connectionString))
            throw new StartupConfigurationException($"Database:Provider is {provider} but ConnectionStrings:{ConnectionStringName} is not set.");

        builder.Services.AddSingleton(new DatabaseSettings(provider, connectionString!));
        builder.Services.AddSingleton<IAuditActor, SignedInActor>();
        builder.Services.AddSingleton<DataVersion>();
        var keepFigures = builder.Configuration.GetValue("Figures:Keep", true);
        builder.Services.AddSingleton(services => new FiguresCache(services.GetRequiredService<DataVersion>(), services.GetRequiredService<TimeProvider>(), keepFigures));
        // Contexts are pooled: a request borrows one already built instead of building one (its services, its options
        // and the model's lookups), which under load was a tenth of a light page's time. What a context keeps between
        // requests is reset when it goes back (see MentorHubDbContext.Dispose), and its interceptors are singletons.
        // Diagnostics only: the values of a query's parameters in the SQL log (they may be personal data).
        var logParameterValues = builder.Configuration.GetValue("Database:LogParameterValues", false);
        // On SQLite, each pooled context keeps its connection open with the statements SQLite compiled for it (see
        // KeptSqliteStatements); Database:KeepSqliteStatements=false takes a connection from the driver's pool per request.
        var keepStatements = provider is DatabaseProvider.Sqlite && builder.Configuration.GetValue("Database:KeepSqliteStatements", true);
        builder.Services.AddDbContextPool<MentorHubDbContext>((services, options) =>
        {
            Configure(options, provider, connectionString!);
            options.EnableSensitiveDataLogging(logParameterValues);
            options.AddInterceptors(new AuditTrailInterceptor(services.GetRequiredService<IAuditActor>(), services.GetRequiredService<TimeProvider>()),
                new DataVersionInterceptor(services.GetRequiredService<DataVersion>()));
            if (keepStatements) KeepSqliteStatements(options);
        }, ContextPoolSize);
        builder.Services.AddDataProtection()
            .SetApplicationName("MentorHub")
            .PersistKeysToDbContext<MentorHubDbContext>();
        builder.Services.AddHealthChecks().AddDbContextCheck<MentorHubDbContext>("database");
        return builder;
    }

    /// <summary>
    /// The most contexts the pool keeps. On SQLite each keeps an open connection with its compiled statements, so this
    /// bounds them after a burst of requests; the connection of a context beyond it closes when the garbage collector
    /// reclaims it (EF Core disposes that context but not its connection).
    /// </summary>
    public const int ContextPoolSize = 128;

    /// <summary>On SQLite: connections stay open with their contexts and queries reuse their compiled statements (see <see cref="KeptSqliteStatements"/>).</summary>
    private static void KeepSqliteStatements(DbContextOptionsBuilder options)
    {
#pragma warning disable EF1001 // SQLite's connection service, extended only to stay open (see KeptOpenSqliteConnection).
        options.ReplaceService<Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal.ISqliteRelationalConnection, KeptOpenSqliteConnection>();
#pragma warning restore EF1001
        options.AddInterceptors(new KeptSqliteStatements());
    }

    /// <summary>
    /// On SQLite, a request to a page or endpoint opens one connection for all its queries (or finds its context's
    /// connection still open, see <see cref="KeptOpenSqliteConnection"/>). Taking one per query put every query of every
    /// request through the driver's pool lock: under 16 concurrent requests, half of a light page's time went to waiting for it.
    /// </summary>
    public static WebApplication UseOneSqliteConnectionPerRequest(this WebApplication app)
    {
        if (app.Services.GetRequiredService<DatabaseSettings>().Provider != DatabaseProvider.Sqlite) return app;
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint() is not null)
                await context.RequestServices.GetRequiredService<MentorHubDbContext>().Database.OpenConnectionAsync(context.RequestAborted);
            await next();
        });
        return app;
    }

    /// <remarks>
    /// A list in a query (<c>ids.Contains(x.Id)</c>) goes to the database as one array parameter (SQLite's
    /// <c>json_each</c>, SQL Server's <c>OPENJSON</c>, a PostgreSQL array) rather than one parameter per item: the SQL is
    /// then the same for any number of items, so EF Core keeps it instead of writing it again, one request at a time,
    /// on every execution (a quarter of a coordinator's home page under load), and SQL Server's limit of 2,100
    /// parameters cannot be reached.
    /// </remarks>
    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly("MentorHub.Migrations.Sqlite")
                    .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
                break;
            case DatabaseProvider.SqlServer:
                options.UseSqlServer(connectionString, sql => sql.MigrationsAssembly("MentorHub.Migrations.SqlServer").EnableRetryOnFailure()
                    .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
                break;
            default:
                options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly("MentorHub.Migrations.PostgreSql").EnableRetryOnFailure()
                    .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
                break;
        }
    }

    private static DatabaseProvider ReadProvider(IConfiguration configuration)
    {
        var value = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(value)) return DatabaseProvider.Sqlite;
        return Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new StartupConfigurationException($"Database:Provider '{value}' is not supported. Use Sqlite, SqlServer or PostgreSql.");
    }

    /// <summary>Resolves a relative SQLite file against the content root and makes sure its folder exists.</summary>
    private static string SqliteConnectionString(string connectionString, string contentRoot)
    {
        SqliteConnectionStringBuilder csb;
        try
        {
            csb = new SqliteConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new StartupConfigurationException($"ConnectionStrings:{ConnectionStringName} is not a valid SQLite connection string: {ex.Message}");
        }
        if (string.IsNullOrWhiteSpace(csb.DataSource))
            throw new StartupConfigurationException($"ConnectionStrings:{ConnectionStringName} names no SQLite file (Data Source=...).");
        if (csb.DataSource != ":memory:" && !Path.IsPathRooted(csb.DataSource))
            csb.DataSource = Path.Combine(contentRoot, csb.DataSource);
        var folder = Path.GetDirectoryName(csb.DataSource);
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        return csb.ToString();
    }
}

/// <summary>The person signed in on the current request; nobody (the system) in background jobs.</summary>
public sealed class SignedInActor(IHttpContextAccessor accessor) : IAuditActor
{
    public string? UserId => accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);
}

public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString);
