using MentorHub.Core.Data;
using MentorHub.Core.Domain;
using MentorHub.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace MentorHub.Tests.Infrastructure;

/// <summary>
/// The whole app on a fresh, migrated database of its own (a SQLite file, or a PostgreSQL database for the fixtures
/// that name that provider or when MENTORHUB_TEST_PROVIDER says so), with mail going to a pickup folder of its own and a
/// fake clock. One instance is shared by a test collection; tests give themselves their own users and data.
/// </summary>
public class MentorHubAppFactory : WebApplicationFactory<Program>
{
    public const string Password = "Correct-horse-battery-1";

    private readonly bool _ownsFolder;
    private TestDatabase? _database;

    public MentorHubAppFactory()
        : this(Path.Combine(Path.GetTempPath(), "mentorhub-tests", Guid.NewGuid().ToString("N")), ownsFolder: true)
    {
    }

    /// <param name="folder">Where the database (on SQLite) and mail live; a second instance of the app can share another's.</param>
    /// <param name="ownsFolder">Whether disposing deletes the folder and the database.</param>
    /// <param name="database">Another instance's database, for a second server of the same deployment.</param>
    protected MentorHubAppFactory(string folder, bool ownsFolder, TestDatabase? database = null)
    {
        Folder = folder;
        _ownsFolder = ownsFolder;
        _database = database;
    }

    public string Folder { get; }

    /// <summary>The provider this fixture's database is on.</summary>
    protected virtual DatabaseProvider Provider => TestDatabase.DefaultProvider;

    public TestDatabase Database => _database ??= TestDatabase.Create(Provider, Folder);

    public string MailFolder => Path.Combine(Folder, "mail");

    /// <summary>This host's log files (each host its own, even when two share a database).</summary>
    public string LogFolder => Path.Combine(Folder, "logs", GetHashCode().ToString(System.Globalization.CultureInfo.InvariantCulture));

    private FakeTimeProvider? _clock;

    public FakeTimeProvider Clock => _clock ??= new FakeTimeProvider(Start);

    /// <summary>The time zone of the people <see cref="CreateUserAsync"/> makes.</summary>
    public const string UserTimeZone = "Europe/Berlin";

    /// <summary>Today for those people, by the app's clock (a day ahead of UTC's in UTC's last hour).</summary>
    public DateOnly UsersToday => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(UserTimeZone)).DateTime);

    /// <summary>Where the fake clock starts; a fixture for date-sensitive jobs starts it on a chosen day.</summary>
    protected virtual DateTimeOffset Start => DateTimeOffset.UtcNow;

    /// <summary>Settings a derived fixture adds to the defaults.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Settings => [];

    public QueryCounter Queries { get; } = new();

    protected virtual string EnvironmentName => "Testing";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(Folder);
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("ConnectionStrings:MentorHub", Database.ConnectionString);
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Mail:PickupDirectory", MailFolder);
        builder.UseSetting("Mail:SmtpHost", "");
        builder.UseSetting("Logging:File:Path", Path.Combine(LogFolder, "mentorhub-.log"));
        builder.UseSetting("Demo:SeedOnStartup", "false");
        // Tests run jobs themselves, so the background worker never races them.
        builder.UseSetting("Jobs:RunServer", "false");
        builder.UseSetting("Notifications:SiteUrl", "https://mentorhub.test/");
        builder.UseSetting("Mail:FromAddress", "mentoring@mentorhub.test");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<Hangfire.IBackgroundJobClient>();
            services.AddSingleton<RecordingJobClient>();
            services.AddSingleton<Hangfire.IBackgroundJobClient>(provider => provider.GetRequiredService<RecordingJobClient>());
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, ClientAddresses>();
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.ConfigureDbContext<MentorHubDbContext>(options => options.AddInterceptors(Queries));
        });
    }

    /// <summary>
    /// A client that keeps cookies, does not follow redirects, talks https so Secure cookies flow, and connects from
    /// an internet address of its own (<paramref name="address"/>, or a new one).
    /// </summary>
    public AppClient CreateAppClient(string? address = null)
    {
        var http = CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri("https://localhost"),
            HandleCookies = true,
        });
        http.DefaultRequestHeaders.Add(ClientAddresses.Header, address ?? ClientAddresses.Next());
        return new AppClient(http);
    }

    /// <summary>Runs the outbox delivery as the job would (tests run no job server).</summary>
    public async Task DeliverMailAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MentorHub.Core.Notifications.NotificationDelivery>().DeliverDueAsync(1000, CancellationToken.None);
    }

    /// <summary>Creates a person with a password and the given global roles; each call gets a new, unique email.</summary>
    public Task<AppUser> CreateUserAsync(string? name = null, params string[] roles) => CreateUserAsync(name, canSignIn: true, roles);

    /// <param name="canSignIn">false skips the password (and its deliberately slow hashing) for people a test only needs as data.</param>
    public Task<AppUser> CreateUserAsync(string? name, bool canSignIn, params string[] roles) => CreateUserAsync(name, canSignIn, welcomed: true, roles);

    /// <param name="welcomed">false leaves the welcome step due, as for someone who has never signed in.</param>
    public async Task<AppUser> CreateUserAsync(string? name, bool canSignIn, bool welcomed, params string[] roles)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var id = Guid.NewGuid().ToString("N")[..10];
        var user = new AppUser
        {
            UserName = $"user-{id}@test.mentorhub.local",
            Email = $"user-{id}@test.mentorhub.local",
            EmailConfirmed = true,
            DisplayName = name ?? $"Test Person {id}",
            TimeZoneId = UserTimeZone,
            CreatedAtUtc = Clock.GetUtcNow().UtcDateTime,
        };
        if (welcomed) user.MarkWelcomed(user.CreatedAtUtc);
        Assert.True((canSignIn ? await users.CreateAsync(user, Password) : await users.CreateAsync(user)).Succeeded);
        foreach (var role in roles) Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user;
    }

    public async Task<T> WithDbAsync<T>(Func<MentorHubDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<MentorHubDbContext>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (!_ownsFolder) return;
        if (_database is not null) await _database.DisposeAsync();
        TempFolder.Delete(Folder);
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<MentorHubAppFactory>
{
    public const string Name = "app";
}

/// <summary>The app on PostgreSQL, for the tests whose behaviour depends on the database provider.</summary>
public sealed class PostgresAppFactory : MentorHubAppFactory
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

/// <summary>
/// The app on SQLite whatever <c>MENTORHUB_TEST_PROVIDER</c> says, for the tests that read SQLite's own answers (query
/// plans) or need a SQLite host beside a PostgreSQL one.
/// </summary>
public sealed class SqliteAppFactory : MentorHubAppFactory
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresAppFactory>
{
    public const string Name = "app on PostgreSQL";
}

