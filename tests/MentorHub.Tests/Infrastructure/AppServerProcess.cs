using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace MentorHub.Tests.Infrastructure;

/// <summary>
/// MentorHub as a deployment runs it: its own process (<c>dotnet MentorHub.Web.dll</c>) in Production, Kestrel on a
/// loopback port, its own Hangfire server, on the database and mail server it is given.
/// </summary>
public sealed class AppServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private readonly string _folder;

    private AppServerProcess(string name, Process process, Uri address, string folder)
    {
        Name = name;
        _process = process;
        Address = address;
        _folder = folder;
    }

    public string Name { get; }

    public Uri Address { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>What the process wrote so far (for a failing test's message).</summary>
    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    public static async Task<AppServerProcess> StartAsync(string name, TestDatabase database, int smtpPort, params (string Key, string Value)[] settings)
    {
        var folder = Directory.CreateTempSubdirectory($"mentorhub-{name}-").FullName;
        var port = SmtpSink.FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["Database__Provider"] = database.Provider.ToString(),
            ["ConnectionStrings__MentorHub"] = database.ConnectionString,
            ["Mail__SmtpHost"] = "127.0.0.1",
            ["Mail__SmtpPort"] = smtpPort.ToString(CultureInfo.InvariantCulture),
            ["Mail__SmtpSecurity"] = "None",
            ["Mail__FromAddress"] = "mentoring@mentorhub.test",
            ["Notifications__SiteUrl"] = "https://mentorhub.test/",
            ["AllowedHosts"] = "127.0.0.1;localhost",
            ["Security__SecureCookies"] = "SameAsRequest",
            ["Logging__File__Path"] = Path.Combine(folder, "logs", "mentorhub-.log"),
        };
        foreach (var (key, value) in settings) environment[key] = value;
        foreach (var (key, value) in environment) start.Environment[key] = value;

        var process = Process.Start(start)!;
        var server = new AppServerProcess(name, process, new Uri($"http://127.0.0.1:{port}/"), folder);
        process.OutputDataReceived += (_, e) => server.Write(e.Data);
        process.ErrorDataReceived += (_, e) => server.Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitUntilHealthyAsync();
        return server;
    }

    /// <summary>A client of this server that keeps cookies in <paramref name="cookies"/> (share one to carry a sign-in to another server).</summary>
    public AppClient CreateClient(CookieContainer? cookies = null) =>
        new(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies ?? new CookieContainer() })
        {
            BaseAddress = Address,
        });

    /// <summary>Ends the process at once, as a crash or a killed container would: no shutdown, no finishing work.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        TempFolder.Delete(_folder);
    }

    private void Write(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}:\n{Output}");
            try
            {
                if ((await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{Name} did not become healthy:\n{Output}");
    }
}
