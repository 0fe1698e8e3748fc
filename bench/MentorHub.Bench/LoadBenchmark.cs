using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using MentorHub.Core.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace MentorHub.Bench;

/// <summary>
/// Every main page under load, as a deployment serves it: a large library system is generated into a fresh SQLite file
/// (<see cref="LargeLibrary"/>), the app is started as its own process in Production on loopback, each role signs in
/// through the login form, and each page is requested by <c>connections</c> concurrent clients for <c>seconds</c>
/// after a warm-up. <c>/health</c> is measured in the same run, so each page's throughput is also given as a share of
/// the framework's own ceiling on the machine at hand.
/// </summary>
public static partial class LoadBenchmark
{
    /// <param name="keep">A SQLite file to keep the generated library system in and to reuse on later runs (generated only
    /// when missing); each run serves a copy of it, so what a run writes is not in the next. Without it, a fresh file is
    /// generated and deleted afterwards.</param>
    public static async Task RunAsync(int people, int seconds, int connections, string? keep = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "mentorhub-load", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = keep is null ? Path.Combine(folder, "mentorhub.db") : Path.GetFullPath(keep);
        var idsFile = database + ".ids.json";
        var contentRoot = ContentRoot();
        LibraryIds ids;
        if (keep is not null && File.Exists(database) && File.Exists(idsFile))
        {
            ids = System.Text.Json.JsonSerializer.Deserialize<LibraryIds>(await File.ReadAllTextAsync(idsFile))!;
        }
        else
        {
            await using (var generator = new Generator(database, contentRoot))
                ids = await LargeLibrary.GenerateAsync(generator.Services, people);
            await File.WriteAllTextAsync(idsFile, System.Text.Json.JsonSerializer.Serialize(ids));
        }
        SqliteConnection.ClearAllPools();
        if (keep is not null)
        {
            // The app serves a copy: the comments of MENTORHUB_LOAD_WRITES (and the last-seen stamps) would otherwise pile
            // up in the kept file and grow the pages later runs measure.
            await using (var connection = new SqliteConnection($"Data Source={database}"))
            {
                await connection.OpenAsync();
                await using var checkpoint = connection.CreateCommand();
                checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                await checkpoint.ExecuteNonQueryAsync();
            }
            SqliteConnection.ClearAllPools();
            var copy = Path.Combine(folder, "mentorhub.db");
            File.Copy(database, copy);
            database = copy;
        }

        using var server = StartServer(database, contentRoot, folder, out var address);
        try
        {
            await WaitUntilHealthyAsync(address);
            var roles = new Dictionary<string, CookieContainer>();
            foreach (var account in LargeLibrary.Accounts) roles[account] = await SignInAsync(address, $"{account}@{LargeLibrary.Domain}");

            (string Name, string Role, string Url)[] pages =
            [
                ("/health", "", "/health"),
                ("/ as coordinator (20 programs)", "coordinator", "/"),
                ("/ as mentor (10 mentees)", "mentor", "/"),
                ("/ as mentee (400 meetings)", "mentee", "/"),
                ("/ as administrator", "admin", "/"),
                ("/Programs", "coordinator", "/Programs"),
                ("/Programs/{id}", "coordinator", $"/Programs/{ids.ProgramId}"),
                ("/Programs/{id}/Cohorts/{id}", "coordinator", $"/Programs/{ids.ProgramId}/Cohorts/{ids.CohortId}"),
                ("/Programs/{id}/Connections", "coordinator", $"/Programs/{ids.ProgramId}/Connections"),
                ("/Mentorships/{id} (mentor)", "mentor", $"/Mentorships/{ids.MentorshipId}"),
                ("/Mentorships/{id} (mentee, 400 meetings)", "mentee", $"/Mentorships/{ids.LongMentorshipId}"),
                ("/Meetings/{id}", "mentor", $"/Meetings/{ids.MeetingId}"),
                ("/Goals/{id}", "mentor", $"/Goals/{ids.GoalId}"),
                ("/Programs/{id}/Report", "coordinator", $"/Programs/{ids.ProgramId}/Report"),
                ("/Reports", "coordinator", "/Reports"),
                // What any page costs before the app's own work: the layout and a form for an anonymous visitor, then the
                // floor for a signed-in page (measured last, when the app is warmest): the session check, the menu's
                // unread count and a form, no queries of its own.
                ("/Account/Login (anonymous: layout and a form)", "", "/Account/Login"),
                ("/Account/ChangePassword (signed-in floor)", "mentee", "/Account/ChangePassword"),
            ];
            if (Environment.GetEnvironmentVariable("MENTORHUB_LOAD_PAGES") is { Length: > 0 } only)
            {
                // A focused run: only the pages whose names contain one of the comma-separated parts (and /health).
                var parts = only.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                pages = [.. pages.Where(p => p.Url == "/health" || parts.Any(part => p.Name.Contains(part, StringComparison.OrdinalIgnoreCase)))];
            }
            if (Environment.GetEnvironmentVariable("MENTORHUB_LOAD_PROFILE") is { Length: > 0 } profileLog)
            {
                // One request a page, with every SQL command and its time in the app's log, instead of the load.
                foreach (var (name, role, url) in pages)
                {
                    using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = address };
                    if (role.Length > 0) http.DefaultRequestHeaders.Add("Cookie", roles[role].GetCookieHeader(address));
                    await http.GetAsync(url); // warm
                    await Task.Delay(300);
                    File.AppendAllText(profileLog, $"==== {name} {url}\n");
                    var watch = Stopwatch.StartNew();
                    var response = await http.GetAsync(url);
                    await Task.Delay(300);
                    Console.WriteLine($"{name}: {(int)response.StatusCode} in {watch.Elapsed.TotalMilliseconds:F0} ms");
                }
                return;
            }
            // Two passes over every page warm the app as a whole, each followed by a pause: the runtime moves code that runs
            // often to its optimised tier on one background thread, which gets little of 2 busy cores, so without the pauses
            // it was still compiling (a sixth of the app's CPU time) during the first half of each page's measurement.
            // Then /health is measured before and after the pages; the faster of the two is the ceiling the shares refer to.
            for (var pass = 0; pass < 2; pass++)
            {
                foreach (var (_, role, url) in pages) await LoadAsync(address, url, role.Length == 0 ? null : roles[role], connections, TimeSpan.FromSeconds(2));
                await Task.Delay(TimeSpan.FromSeconds(5));
            }
            // With MENTORHUB_LOAD_WRITES=n, the mentor comments on a goal n times a second while the pages are measured:
            // every write drops the kept figures, so pages that keep them show what they cost on a busy day.
            var writesPerSecond = int.TryParse(Environment.GetEnvironmentVariable("MENTORHUB_LOAD_WRITES"), CultureInfo.InvariantCulture, out var rate) ? rate : 0;
            using var stopWriting = new CancellationTokenSource();
            var writing = writesPerSecond > 0 ? WriteAsync(address, roles["mentor"], ids, writesPerSecond, stopWriting.Token) : Task.FromResult((0, 0));
            var results = new List<(string Name, LoadResult Result)>();
            foreach (var (name, role, url) in pages.Append(("/health (again, after the pages)", "", "/health")))
            {
                var cookie = role.Length == 0 ? null : roles[role];
                await LoadAsync(address, url, cookie, connections, TimeSpan.FromSeconds(2));
                results.Add((name, await LoadAsync(address, url, cookie, connections, TimeSpan.FromSeconds(seconds))));
            }
            await stopWriting.CancelAsync();
            var (written, refused) = await writing;
            var health = results.Where(r => r.Name.StartsWith("/health", StringComparison.Ordinal)).Max(r => r.Result.PerSecond);
            Console.WriteLine($"{connections} connections, {seconds} s a page after a 2 s warm-up (and two 2 s passes over every page, each followed by a 5 s pause); the app in Production on SQLite, its own process");
            if (writesPerSecond > 0) Console.WriteLine($"Meanwhile {writesPerSecond} goal comments a second: {written} written, {refused} failed");
            Console.WriteLine();
            // A signed-in page that runs no queries of its own: what the session check, the menu and rendering cost alone.
            var floor = results.FirstOrDefault(r => r.Name.Contains("floor", StringComparison.Ordinal)).Result?.PerSecond;
            Console.WriteLine("| page | req/s | share of /health | share of the signed-in floor | p50 | p95 | p99 | errors |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|");
            foreach (var (name, result) in results)
            {
                var ofFloor = floor is { } f && !name.StartsWith("/health", StringComparison.Ordinal) ? (result.PerSecond / f).ToString("F2", CultureInfo.InvariantCulture) : "";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| `{name}` | {result.PerSecond:N0} | {result.PerSecond / health:F2} | {ofFloor} | {result.P50:F0} ms | {result.P95:F0} ms | {result.P99:F0} ms | {result.Errors} |"));
            }
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Comments on a goal of the mentor's mentorship through its form, <paramref name="perSecond"/> times a second, until
    /// stopped; returns how many were written and how many failed. The goal is not the one whose page is measured, so
    /// that page does not grow.
    /// </summary>
    private static async Task<(int Written, int Failed)> WriteAsync(Uri address, CookieContainer cookies, LibraryIds ids, int perSecond, CancellationToken stop)
    {
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = address };
        var goals = GoalLink().Matches(await http.GetStringAsync($"/Mentorships/{ids.MentorshipId}", stop)).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        var goalId = goals.Where(id => id != ids.GoalId).DefaultIfEmpty(ids.GoalId).First();
        var token = Token().Match(await http.GetStringAsync($"/Goals/{goalId}", stop)).Groups[1].Value;
        var (written, failed) = (0, 0);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / perSecond));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                using var response = await http.PostAsync($"/Goals/{goalId}?handler=Comment", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["text"] = $"Comment {written + failed + 1} while the pages are measured",
                    ["__RequestVerificationToken"] = token,
                }), stop);
                if (response.StatusCode == HttpStatusCode.Redirect) written++;
                else failed++;
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped with the measurements.
        }
        return (written, failed);
    }

    private sealed record LoadResult(double PerSecond, double P50, double P95, double P99, int Errors);

    /// <summary><paramref name="connections"/> clients, each sending its next request as soon as the last answered.</summary>
    /// <remarks>The clients share the role's cookies and, as a browser does, keep a session cookie the app re-issues.</remarks>
    private static async Task<LoadResult> LoadAsync(Uri address, string url, CookieContainer? cookies, int connections, TimeSpan duration)
    {
        using var handler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = connections };
        using var http = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var latencies = new List<double>[connections];
        var errors = 0;
        var stop = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async client =>
        {
            var mine = latencies[client] = [];
            while (stop.Elapsed < duration)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                if (cookies is not null) request.Headers.Add("Cookie", cookies.GetCookieHeader(address));
                var watch = Stopwatch.StartNew();
                try
                {
                    using var response = await http.SendAsync(request);
                    if (cookies is not null && response.Headers.TryGetValues("Set-Cookie", out var reissued))
                        foreach (var header in reissued) cookies.SetCookies(address, header);
                    await response.Content.ReadAsByteArrayAsync();
                    if (response.StatusCode != HttpStatusCode.OK) Interlocked.Increment(ref errors);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                }
                mine.Add(watch.Elapsed.TotalMilliseconds);
            }
        }));
        var elapsed = stop.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToList();
        double At(double p) => all.Count == 0 ? 0 : all[(int)Math.Min(all.Count - 1, Math.Ceiling(p * all.Count) - 1)];
        return new LoadResult(all.Count / elapsed, At(0.50), At(0.95), At(0.99), errors);
    }

    private static Process StartServer(string database, string contentRoot, string folder, out Uri address)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        address = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = contentRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(typeof(MentorHub.Web.Infrastructure.UserTime).Assembly.Location);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        start.Environment["ASPNETCORE_CONTENTROOT"] = contentRoot;
        start.Environment["ConnectionStrings__MentorHub"] = $"Data Source={database}";
        start.Environment["Notifications__SiteUrl"] = "https://mentoring.bench.example.org/";
        start.Environment["Mail__FromAddress"] = "mentoring@bench.example.org";
        start.Environment["Mail__PickupDirectory"] = Path.Combine(folder, "mail");
        start.Environment["Logging__File__Path"] = Path.Combine(folder, "logs", "mentorhub-.log");
        start.Environment["AllowedHosts"] = "127.0.0.1";
        start.Environment["Security__SecureCookies"] = "SameAsRequest";
        var profileLog = Environment.GetEnvironmentVariable("MENTORHUB_LOAD_PROFILE");
        if (profileLog is { Length: > 0 })
        {
            // Each SQL command in the app's JSON log, with the request it ran for.
            start.Environment["Serilog__MinimumLevel__Override__Microsoft.EntityFrameworkCore.Database.Command"] = "Information";
            start.Environment["Database__LogParameterValues"] = "true";
            start.Environment["Logging__File__Path"] = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(profileLog))!, "app-.log");
        }
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) =>
        {
            if (profileLog is { Length: > 0 } && e.Data is not null) File.AppendAllText(profileLog, e.Data + "\n");
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilHealthyAsync(Uri address)
    {
        using var http = new HttpClient { BaseAddress = address };
        for (var attempt = 0; attempt < 300; attempt++)
        {
            try
            {
                if ((await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("The app did not become healthy.");
    }

    /// <summary>Signs in through the login form (antiforgery token included) and returns the session's cookies.</summary>
    private static async Task<CookieContainer> SignInAsync(Uri address, string email)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = address };
        var token = Token().Match(await http.GetStringAsync("/Account/Login")).Groups[1].Value;
        var signedIn = await http.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = LargeLibrary.Password,
            ["__RequestVerificationToken"] = token,
        }));
        if (signedIn.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in as {email} failed: {signedIn.StatusCode}");
        await http.GetAsync("/"); // the first visit stamps the last-seen time, as a browser's would
        return cookies;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("href=\"/Goals/(\\d+)\"")]
    private static partial Regex GoalLink();

    private static string ContentRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "src", "MentorHub.Web", "MentorHub.Web.csproj"))) root = root.Parent;
        var web = Path.Combine(root?.FullName ?? ".", "src", "MentorHub.Web");
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_MENTORHUB_WEB", web);
        return web;
    }

    /// <summary>The app in process on the new file, only to migrate it and write the data through its services.</summary>
    private sealed class Generator(string database, string contentRoot) : WebApplicationFactory<MentorHub.Web.Infrastructure.UserTime>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseContentRoot(contentRoot);
            builder.UseSetting("ConnectionStrings:MentorHub", $"Data Source={database}");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Notifications:SiteUrl", "https://mentoring.bench.example.org/");
            builder.UseSetting("Mail:FromAddress", "mentoring@bench.example.org");
            builder.UseSetting("Mail:PickupDirectory", Path.Combine(Path.GetDirectoryName(database)!, "mail"));
            builder.UseSetting("Mail:SmtpHost", "");
            builder.UseSetting("Jobs:RunServer", "false");
            builder.UseSetting("Logging:File:Path", Path.Combine(Path.GetDirectoryName(database)!, "logs", "generator-.log"));
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        }
    }
}
