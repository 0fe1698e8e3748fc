using MentorHub.Core.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;

namespace MentorHub.BrowserTests;

/// <summary>
/// The app on a real Kestrel port with the demo data, and one headless Debian Chromium, shared by every journey in
/// the collection. Each test opens its own browser context (its own cookies).
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly AppFactory _app;

    public BrowserFixture() => _app = new AppFactory(Clock);

    /// <summary>The app's clock: the real time when the fixture starts, moved on only by journeys of their own collection.</summary>
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>The app's services, for a journey that needs to look behind the pages (e.g. at the outbox).</summary>
    public IServiceProvider Services => _app.Services;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public static string ArtifactsFolder { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts");

    public async Task InitializeAsync()
    {
        _app.UseKestrel(0);
        _app.StartServer();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        // Chromium treats localhost as a secure origin, so the app's Secure cookies work over plain http here.
        BaseUrl = new UriBuilder(address) { Host = "localhost" }.Uri.ToString().TrimEnd('/');

        await using (var scope = _app.Services.CreateAsyncScope())
            await ActivatorUtilities.CreateInstance<DemoDataSeeder>(scope.ServiceProvider).SeedAsync();

        Directory.CreateDirectory(ArtifactsFolder);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A new person with a password, for a journey that changes their account (demo accounts stay as they are).</summary>
    public async Task<string> CreatePersonAsync(string name, string password)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<MentorHub.Core.Domain.AppUser>>();
        var email = $"person-{Guid.NewGuid():N}@browser.mentorhub.local";
        var user = new MentorHub.Core.Domain.AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, TimeZoneId = "Europe/Berlin", CreatedAtUtc = DateTime.UtcNow };
        user.MarkWelcomed(user.CreatedAtUtc);
        var created = await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        return email;
    }

    /// <param name="timezoneId">The browser's own time zone (what <c>Intl</c> reports), for pages that read it.</param>
    public async Task<IPage> NewPageAsync(string? timezoneId = null, int width = 1280)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            TimezoneId = timezoneId,
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await _app.DisposeAsync();
    }

    private sealed class AppFactory(TimeProvider clock) : WebApplicationFactory<Program>
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("mentorhub-browser-").FullName;

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            MentorHub.Tests.Infrastructure.TempFolder.Delete(_folder);
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:MentorHub", $"Data Source={Path.Combine(_folder, "mentorhub.db")}");
            builder.UseSetting("Mail:PickupDirectory", Path.Combine(_folder, "mail"));
            builder.UseSetting("Mail:FromAddress", "mentoring@browser.mentorhub.test");
            builder.UseSetting("Notifications:SiteUrl", "https://browser.mentorhub.test/");
            builder.UseSetting("Logging:File:Path", Path.Combine(_folder, "logs", "mentorhub-.log"));
            builder.UseSetting("Demo:SeedOnStartup", "false");
            // The self-registration page exists only when it is on; on here so every page can be checked.
            builder.UseSetting("Accounts:AllowSelfRegistration", "true");
            builder.UseSetting("Jobs:RunServer", "false");
            builder.UseSetting("Security:SecureCookies", "SameAsRequest");
            // Every journey signs in from 127.0.0.1: the per-address throttle of account forms is for attackers, not for this.
            builder.UseSetting("Security:AccountFormsPerMinute", "1000");
            builder.ConfigureServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton(clock);
            });
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>An app and browser of their own for journeys that move the clock on, so other journeys keep today's date.</summary>
public sealed class TimeTravelBrowserFixture : BrowserFixture;

[CollectionDefinition(Name)]
public sealed class TimeTravelCollection : ICollectionFixture<TimeTravelBrowserFixture>
{
    public const string Name = "browser with a moving clock";
}
