using System.Diagnostics;
using MentorHub.Tests.Infrastructure;
using MentorHub.Web.Data;
using MentorHub.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;

namespace MentorHub.Tests.Web;

public class StartupTests
{
    private static WebApplicationBuilder Builder(params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = Path.GetTempPath() });
        foreach (var (key, value) in settings) builder.Configuration[key] = value;
        return builder;
    }

    [Fact]
    public void An_unknown_provider_stops_start_up_with_one_clear_message()
    {
        var builder = Builder(("Database:Provider", "Oracle"));

        var error = Assert.Throws<StartupConfigurationException>(() => builder.AddMentorHubData());

        Assert.Equal("Database:Provider 'Oracle' is not supported. Use Sqlite, SqlServer or PostgreSql.", error.Message);
    }

    [Fact]
    public void SqlServer_without_a_connection_string_stops_start_up_with_one_clear_message()
    {
        var builder = Builder(("Database:Provider", "SqlServer"), ("ConnectionStrings:MentorHub", ""));

        var error = Assert.Throws<StartupConfigurationException>(() => builder.AddMentorHubData());

        Assert.Equal("Database:Provider is SqlServer but ConnectionStrings:MentorHub is not set.", error.Message);
    }

    [Fact]
    public async Task The_process_exits_with_the_message_alone_when_the_provider_is_unknown()
    {
        var (exitCode, _, error) = await RunAppAsync(["migrate"], ("Database__Provider", "Oracle"));

        Assert.Equal(1, exitCode);
        Assert.Equal("MentorHub cannot start: Database:Provider 'Oracle' is not supported. Use Sqlite, SqlServer or PostgreSql.", error.Trim());
    }

    [Fact]
    public async Task The_migrate_command_creates_the_schema_and_exits()
    {
        using var folder = new TempFolder("mentorhub-migrate-");
        var database = Path.Combine(folder.Path, "migrated.db");

        var (exitCode, output, error) = await RunAppAsync(["migrate"], ("ConnectionStrings__MentorHub", $"Data Source={database}"));

        Assert.True(exitCode == 0, output + error);
        // Turned off before the process's first connection, when SQLite still takes it (see SqliteEngine).
        Assert.Contains($"SQLite {SqliteEngine.Version}, memory statistics off", output, StringComparison.Ordinal);
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM __EFMigrationsHistory";
        Assert.True((long)(await command.ExecuteScalarAsync())! >= 1);
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task The_seed_demo_flag_leaves_the_next_argument_to_the_configuration()
    {
        // Before, --seed-demo took "--Notifications:SiteUrl=…" as its own value and the setting was silently lost.
        var (exitCode, _, error) = await RunAppAsync(["migrate", "--seed-demo", "--Notifications:SiteUrl=not-an-address"]);

        Assert.Equal(1, exitCode);
        Assert.Contains("Notifications:SiteUrl 'not-an-address' is not an http or https address", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_forwarded_headers_proxy_that_is_not_an_address_stops_start_up()
    {
        var builder = Builder(("ForwardedHeaders:KnownProxies", "10.0.0.5, proxy.local"));

        var error = Assert.Throws<StartupConfigurationException>(() => builder.AddMentorHubHosts());

        Assert.Equal("ForwardedHeaders:KnownProxies has 'proxy.local', which is not an IP address.", error.Message);
    }

    [Fact]
    public async Task Serving_outside_Development_with_the_default_site_and_sender_addresses_is_refused_with_one_message()
    {
        using var folder = new TempFolder("mentorhub-addresses-");
        var (exitCode, _, error) = await RunAppAsync([], ("ConnectionStrings__MentorHub", $"Data Source={Path.Combine(folder.Path, "app.db")}"), ("Urls", "http://127.0.0.1:0"));

        Assert.Equal(1, exitCode);
        Assert.Equal("MentorHub cannot start: Set Notifications:SiteUrl (the address people open MentorHub at, like https://mentoring.library.org/) and "
            + "Mail:FromAddress (the address mail comes from, like mentoring@library.org): mail would otherwise link to http://localhost:5000/ or come from mentorhub@localhost.", error.Trim());

        var (onlySender, _, senderError) = await RunAppAsync([], ("ConnectionStrings__MentorHub", $"Data Source={Path.Combine(folder.Path, "app.db")}"), ("Urls", "http://127.0.0.1:0"),
            ("Notifications__SiteUrl", "https://mentoring.library.example.org/"));
        Assert.Equal(1, onlySender);
        Assert.StartsWith("MentorHub cannot start: Set Mail:FromAddress", senderError.Trim(), StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAppAsync(string[] args, params (string Key, string Value)[] environment)
    {
        using var folder = new TempFolder("mentorhub-process-");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__File__Path"] = Path.Combine(folder.Path, "logs", "log-.txt");
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
