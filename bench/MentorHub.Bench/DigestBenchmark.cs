using System.Data.Common;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MentorHub.Core.Data;
using MentorHub.Core.Domain;
using MentorHub.Core.Notifications;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MentorHub.Bench;

/// <summary>
/// The monthly digests end to end: a SQLite file with people in one-to-one mentorships (meetings held and coming,
/// goals with milestones and progress) and coordinators, composed in batches and delivered over SMTP to a loopback server.
/// </summary>
public static class DigestBenchmark
{
    private static readonly DateTimeOffset Now = new(2027, 4, 1, 14, 0, 0, TimeSpan.Zero);

    public static async Task RunAsync(int people, int batchSize)
    {
        var folder = Path.Combine(Path.GetTempPath(), "mentorhub-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var connectionString = $"Data Source={Path.Combine(folder, "bench.db")}";
        var counter = new CommandCounter();
        var clock = new FixedClock(Now);
        // Configured as the app configures SQLite (its connection settings included).
        MentorHubDbContext NewContext()
        {
            var options = new DbContextOptionsBuilder<MentorHubDbContext>();
            MentorHub.Web.Infrastructure.DataSetup.Configure(options, MentorHub.Web.Infrastructure.DatabaseProvider.Sqlite, connectionString);
            return new(options.AddInterceptors(counter).Options);
        }

        var watch = Stopwatch.StartNew();
        await using (var db = NewContext())
        {
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            await SeedAsync(db, people);
        }
        Console.WriteLine($"seeded {people:N0} people in {watch.Elapsed.TotalSeconds:F1} s");

        var sink = new CountingSmtpSink();
        await sink.StartAsync();
        var options = Options.Create(new NotificationOptions { SiteUrl = "https://mentorhub.example.org/" });
        var month = DigestMonth.Of(2027, 3, TimeZoneInfo.Utc);

        counter.Reset();
        watch.Restart();
        DigestRunResult composed;
        await using (var db = NewContext())
        {
            var digests = new MonthlyDigests(db, new NotificationOutbox(db, clock), clock, options, Options.Create(new MentorHub.Core.Outcomes.ReportOptions()), NullLogger<MonthlyDigests>.Instance);
            composed = await digests.QueueAsync(month, CancellationToken.None, batchSize);
        }
        var composeTime = watch.Elapsed;
        var (composeReads, composeWrites) = (counter.Reads, counter.Writes);

        counter.Reset();
        watch.Restart();
        var sender = new SmtpEmailSender(Options.Create(new MailOptions { SmtpHost = "127.0.0.1", SmtpPort = sink.Port, SmtpSecurity = "None", FromAddress = "mentorhub@example.org" }));
        int delivered = 0, sweeps = 0;
        while (true)
        {
            await using var db = NewContext();
            var result = await new NotificationDelivery(db, sender, clock, options, NullLogger<NotificationDelivery>.Instance).DeliverDueAsync(200, CancellationToken.None);
            if (result.Claimed == 0) break;
            delivered += result.Sent;
            sweeps++;
        }
        var deliverTime = watch.Elapsed;
        await sink.StopAsync();

        var total = composeTime + deliverTime;
        Console.WriteLine($"digests for {month.Name}: {composed.Queued:N0} composed for {composed.People:N0} people in {composed.Batches} batches of up to {batchSize}");
        Console.WriteLine($"  compose + queue : {composeTime.TotalSeconds,7:F2} s  {composed.Queued / composeTime.TotalSeconds,8:N0} digests/s  {composeReads / (double)composed.Batches:F1} SQL queries per batch, {composeWrites:N0} inserts");
        Console.WriteLine($"  deliver (SMTP)  : {deliverTime.TotalSeconds,7:F2} s  {delivered / deliverTime.TotalSeconds,8:N0} messages/s  {counter.Reads / (double)Math.Max(1, sweeps):F1} SQL queries and {counter.Writes / (double)Math.Max(1, sweeps):F1} updates per sweep of 200");
        Console.WriteLine($"  end to end      : {total.TotalSeconds,7:F2} s  {delivered / total.TotalSeconds,8:N0} digests/s  ({sink.Received:N0} received by the SMTP server)");
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    public static async Task SmtpOnlyAsync(int count)
    {
        var sink = new CountingSmtpSink();
        await sink.StartAsync();
        var sender = new SmtpEmailSender(Options.Create(new MailOptions { SmtpHost = "127.0.0.1", SmtpPort = sink.Port, SmtpSecurity = "None", FromAddress = "mentorhub@example.org" }));
        var watch = Stopwatch.StartNew();
        await using (var session = sender.OpenSession())
        {
            for (var i = 0; i < count; i++)
                await session.SendAsync(new EmailMessage($"p{i}@example.org", null, "Subject", "<p>Hello</p>", "Hello"), CancellationToken.None);
        }
        Console.WriteLine($"smtp only: {count} in {watch.Elapsed.TotalSeconds:F2} s");
        await sink.StopAsync();
    }

    /// <summary>20 programs with two coordinators each; everyone else in one-to-one pairs with a realistic month behind them.</summary>
    private static async Task SeedAsync(MentorHubDbContext db, int people)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var now = Now.UtcDateTime;
        var random = new Random(7);
        var users = Enumerable.Range(0, people).Select(i => new AppUser
        {
            Id = $"u{i:D6}",
            UserName = $"person{i}@library.example.org",
            NormalizedUserName = $"PERSON{i}@LIBRARY.EXAMPLE.ORG",
            Email = $"person{i}@library.example.org",
            NormalizedEmail = $"PERSON{i}@LIBRARY.EXAMPLE.ORG",
            DisplayName = $"Person {i}",
            TimeZoneId = (i % 3) switch { 0 => "America/Chicago", 1 => "Europe/Berlin", _ => "America/Los_Angeles" },
            SecurityStamp = Guid.NewGuid().ToString(),
            CreatedAtUtc = now.AddYears(-1),
        }).ToList();
        db.Users.AddRange(users);
        await db.SaveChangesAsync();

        const int programCount = 20;
        var cohorts = new List<Cohort>();
        for (var p = 0; p < programCount; p++)
        {
            var program = new MentorshipProgram($"Program {p}", ProgramFormat.OneToOne, 14, 12, Modality.Hybrid, now.AddMonths(-6));
            program.Activate();
            program.AddCoordinator(users[2 * p].Id);
            program.AddCoordinator(users[2 * p + 1].Id);
            db.Programs.Add(program);
            await db.SaveChangesAsync();
            var start = DateOnly.FromDateTime(now.AddMonths(-3));
            var cohort = new Cohort(program.Id, "Spring", start, start.AddMonths(9), start.AddDays(-30), start.AddDays(-5));
            db.Cohorts.Add(cohort);
            cohorts.Add(cohort);
        }
        await db.SaveChangesAsync();

        var members = users.Skip(2 * programCount).ToList();
        for (var chunk = 0; chunk < members.Count / 2; chunk += 500)
        {
            var pairs = Enumerable.Range(chunk, Math.Min(500, members.Count / 2 - chunk)).ToList();
            var enrollments = new List<(Enrollment Mentor, Enrollment Mentee, Cohort Cohort)>();
            foreach (var pair in pairs)
            {
                var cohort = cohorts[pair % cohorts.Count];
                enrollments.Add((Enrollment.Enroll(cohort.Id, members[2 * pair].Id, EnrollmentRole.Mentor, now.AddMonths(-3)),
                    Enrollment.Enroll(cohort.Id, members[2 * pair + 1].Id, EnrollmentRole.Mentee, now.AddMonths(-3)), cohort));
            }
            db.Enrollments.AddRange(enrollments.SelectMany(e => new[] { e.Mentor, e.Mentee }));
            await db.SaveChangesAsync();

            var mentorships = enrollments.Select(e =>
            {
                var mentorship = new Mentorship(e.Cohort.Id, now.AddMonths(-3));
                var started = DateOnly.FromDateTime(now.AddMonths(-3));
                mentorship.AddMember(e.Mentor, MemberRole.Mentor, started);
                mentorship.AddMember(e.Mentee, MemberRole.Mentee, started);
                mentorship.Activate(started);
                return mentorship;
            }).ToList();
            db.Mentorships.AddRange(mentorships);
            await db.SaveChangesAsync();

            foreach (var (mentorship, index) in mentorships.Select((m, i) => (m, i)))
            {
                var mentor = mentorship.Members.First(m => m.Role == MemberRole.Mentor);
                var mentee = mentorship.Members.First(m => m.Role == MemberRole.Mentee);
                var quiet = index % 10 == 0; // one pair in ten has gone quiet: nothing this month, nothing planned
                var held = quiet ? [now.AddDays(-50)] : new[] { now.AddDays(-50), now.AddDays(-24 - random.Next(3)), now.AddDays(-10 + random.Next(3)) };
                foreach (var at in held)
                {
                    var meeting = new Meeting(mentorship.Id, at, 60, Modality.Virtual, null, "https://meet.example.org/room", "Progress check", mentor.UserId);
                    meeting.LogAsHeld("Notes", [mentor.UserId, mentee.UserId], [], mentor.UserId, at.AddHours(1));
                    db.Meetings.Add(meeting);
                }
                if (!quiet) db.Meetings.Add(new Meeting(mentorship.Id, now.AddDays(4 + random.Next(10)), 60, Modality.InPerson, "Main library, room 2", null, "Cataloguing practice", mentor.UserId));

                var goal = new Goal(mentorship.Id, mentee.Id, "Catalogue e-resources in the new ILS", null, null, DateOnly.FromDateTime(now.AddMonths(3)), mentee.UserId, now.AddMonths(-2));
                goal.Milestones.Add(new Milestone("Shadow a batch load", DateOnly.FromDateTime(now.AddDays(10))));
                goal.Milestones.Add(new Milestone("Run a batch load alone", DateOnly.FromDateTime(now.AddDays(40))));
                if (!quiet) goal.RecordProgress(20 + random.Next(60), "Steady progress", mentee.UserId, now.AddDays(-12));
                var second = new Goal(mentorship.Id, mentee.Id, "Present at the branch meeting", null, null, DateOnly.FromDateTime(now.AddDays(-3)), mentee.UserId, now.AddMonths(-2));
                db.Goals.AddRange(goal, second);
                db.Assessments.Add(new Assessment(mentee.Id, AssessmentKind.Midpoint, DateOnly.FromDateTime(now.AddDays(-7))));
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>Counts SQL commands, telling the writes (one per inserted or updated row on SQLite) from the reads.</summary>
    private sealed class CommandCounter : DbCommandInterceptor
    {
        private int _reads;
        private int _writes;

        public int Reads => Volatile.Read(ref _reads);

        public int Writes => Volatile.Read(ref _writes);

        public void Reset() => (_reads, _writes) = (0, 0);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Count(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (eventData.Duration.TotalMilliseconds > 50 && Environment.GetEnvironmentVariable("BENCH_SLOW") is not null)
                Console.WriteLine($"slow reader ({eventData.Duration.TotalMilliseconds:F0} ms to first row): {command.CommandText}");
            return ValueTask.FromResult(result);
        }

        private void Count(DbCommand command)
        {
            var text = command.CommandText.TrimStart();
            if (text.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase) || text.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)) Interlocked.Increment(ref _writes);
            else Interlocked.Increment(ref _reads);
        }
    }

    /// <summary>
    /// A minimal SMTP server on loopback that accepts every message and counts it: just enough protocol for a client
    /// to deliver, and quick to answer (no Nagle delay), so the numbers measure MentorHub rather than the sink.
    /// </summary>
    private sealed class CountingSmtpSink
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private int _received;

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public int Received => Volatile.Read(ref _received);

        public Task StartAsync()
        {
            _listener.Start();
            _ = AcceptAsync();
            return Task.CompletedTask;
        }

        public async Task StopAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
        }

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
                catch (OperationCanceledException) { return; }
                catch (SocketException) { return; }
                _ = ServeAsync(client);
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            using (client)
            {
                client.NoDelay = true;
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, System.Text.Encoding.ASCII);
                await using var writer = new StreamWriter(stream, System.Text.Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
                await writer.WriteLineAsync("220 localhost MentorHub bench sink");
                var inData = false;
                while (await reader.ReadLineAsync() is { } line)
                {
                    if (inData)
                    {
                        if (line != ".") continue;
                        inData = false;
                        Interlocked.Increment(ref _received);
                        await writer.WriteLineAsync("250 OK");
                        continue;
                    }
                    var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                    switch (verb)
                    {
                        case "EHLO": await writer.WriteAsync("250-localhost\r\n250 8BITMIME\r\n"); break;
                        case "DATA": inData = true; await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>"); break;
                        case "QUIT": await writer.WriteLineAsync("221 Bye"); return;
                        default: await writer.WriteLineAsync("250 OK"); break;
                    }
                }
            }
        }
    }
}
