using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using MentorHub.Core.Data;
using MentorHub.Core.Domain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MentorHub.Bench;

/// <summary>
/// The cohort page with its connections list, rendered end to end (routing, sign-in cookie, queries, Razor) for a
/// coordinator of a cohort with many pairs, each with a month of meetings, feedback, a goal and check-ins. Runs the
/// app in Production on a fresh SQLite file, in process; reports the median, 95th percentile and query count.
/// </summary>
public static partial class ConnectionsBenchmark
{
    private const string Password = "Quiet-harbour-lantern-42";

    /// <param name="report">Measure the program's outcome report instead, over a staff roster with as many colleagues
    /// as participants and about 40 meetings per pair.</param>
    public static async Task RunAsync(int pairs, int runs, bool report = false)
    {
        var folder = PrepareFolder();
        await using var app = new App(folder);
        var (programId, cohortId, email) = await SeedAsync(app.Services, pairs, report);

        using var client = await SignInAsync(app, email);

        var url = report ? $"/Programs/{programId}/Report" : $"/Programs/{programId}/Cohorts/{cohortId}";
        var (times, size) = await MeasureAsync(client, url, report ? "id=\"retention-table\"" : "id=\"connections\"", runs);
        if (report)
        {
            Console.WriteLine($"outcome report of a program with {pairs * 2} participants and {pairs * 2} colleagues on the roster ({runs} requests, {size / 1024} KB each):");
            Console.WriteLine($"  median {Percentile(times, 0.50):F1} ms · p95 {Percentile(times, 0.95):F1} ms · fastest {times[0]:F1} ms");
            var (all, allSize) = await MeasureAsync(client, "/Reports", "id=\"retention-table\"", runs);
            Console.WriteLine($"/Reports, the coordinator's programs together (the same program) ({runs} requests, {allSize / 1024} KB each):");
            Console.WriteLine($"  median {Percentile(all, 0.50):F1} ms · p95 {Percentile(all, 0.95):F1} ms · fastest {all[0]:F1} ms");
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
            return;
        }
        var atRisk = await client.GetStringAsync(url + "?show=at-risk");
        Console.WriteLine($"cohort page with {pairs} pairs ({runs} requests, {size / 1024} KB each, first page of 25 connections and 25 participants):");
        Console.WriteLine($"  median {Percentile(times, 0.50):F1} ms · p95 {Percentile(times, 0.95):F1} ms · fastest {times[0]:F1} ms · at-risk filter page {atRisk.Length / 1024} KB");
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>
    /// A mentorship page whose history holds <paramref name="entries"/> entries (held meetings, goal comments and messages
    /// in turn), read by its mentor: the first page of the timeline, an older page, and the conversation.
    /// </summary>
    public static async Task RunMentorshipAsync(int entries, int runs)
    {
        var folder = PrepareFolder();
        await using var app = new App(folder);
        await SeedAsync(app.Services, 1, report: false);
        int mentorshipId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MentorHubDbContext>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var mentor = await users.FindByEmailAsync("Mentor0@bench.example.org") ?? throw new InvalidOperationException("No mentor.");
            mentor.MarkWelcomed(DateTime.UtcNow);
            await users.AddPasswordAsync(mentor, Password);
            var mentorship = await db.Mentorships.Include(m => m.Members).SingleAsync();
            mentorshipId = mentorship.Id;
            var mentee = mentorship.Members.Single(m => m.Role == MemberRole.Mentee);
            var goal = await db.Goals.Include(g => g.Updates).SingleAsync(g => g.MentorshipId == mentorship.Id);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var start = DateTime.UtcNow.AddHours(-entries * 6);
            for (var i = 0; i < entries; i++)
            {
                var at = start.AddHours(i * 6);
                switch (i % 3)
                {
                    case 0:
                        var meeting = new Meeting(mentorship.Id, at, 45, Modality.Virtual, null, "https://meet.example.org/bench", null, mentor.Id);
                        meeting.LogAsHeld("Agreed actions:\n- one\n- two", [mentor.Id, mentee.UserId], [], mentor.Id, at.AddHours(1));
                        db.Meetings.Add(meeting);
                        break;
                    case 1:
                        goal.Comment($"Comment {i} on the **plan**", mentee.UserId, at);
                        break;
                    default:
                        db.Messages.Add(new Message(mentorship.Id, i % 2 == 0 ? mentor.Id : mentee.UserId, $"Message {i}: see https://example.org/{i}", at));
                        break;
                }
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
        }

        using var client = await SignInAsync(app, "Mentor0@bench.example.org");

        var url = $"/Mentorships/{mentorshipId}";
        var (times, size) = await MeasureAsync(client, url, "id=\"timeline-entries\"", runs);
        Console.WriteLine($"mentorship page with {entries} timeline entries ({runs} requests, {size / 1024} KB each, 20 entries shown):");
        Console.WriteLine($"  median {Percentile(times, 0.50):F1} ms · p95 {Percentile(times, 0.95):F1} ms · fastest {times[0]:F1} ms");
        var older = OlderLink().Match(await client.GetStringAsync(url)).Groups[1].Value.Replace("&amp;", "&", StringComparison.Ordinal);
        var (olderTimes, _) = await MeasureAsync(client, older, "id=\"timeline-entries\"", runs);
        Console.WriteLine($"  an older page ({older}): median {Percentile(olderTimes, 0.50):F1} ms · p95 {Percentile(olderTimes, 0.95):F1} ms");
        var (messageTimes, messageSize) = await MeasureAsync(client, url + "/Messages", "message-list", runs);
        Console.WriteLine($"  its conversation ({entries / 3} messages, 30 a page, {messageSize / 1024} KB): median {Percentile(messageTimes, 0.50):F1} ms · p95 {Percentile(messageTimes, 0.95):F1} ms");
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>A fresh folder for the app's SQLite file, with the app's content root (views, static files) found from where the benchmark runs.</summary>
    private static string PrepareFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mentorhub-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "src", "MentorHub.Web", "MentorHub.Web.csproj"))) root = root.Parent;
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_MENTORHUB_WEB", Path.Combine(root?.FullName ?? ".", "src", "MentorHub.Web"));
        return folder;
    }

    /// <summary>A client signed in through the real form (antiforgery token included), not following redirects.</summary>
    private static async Task<HttpClient> SignInAsync(App app, string email)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });
        var token = Token().Match(await client.GetStringAsync("/Account/Login")).Groups[1].Value;
        var signedIn = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
            ["__RequestVerificationToken"] = token,
        }));
        if (signedIn.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in failed: {signedIn.StatusCode}");
        return client;
    }

    [GeneratedRegex("href=\"([^\"]+)\" id=\"timeline-older\"")]
    private static partial Regex OlderLink();

    /// <summary>Times <paramref name="runs"/> requests for the page after five to warm up (JIT, Razor, query plans), sorted.</summary>
    private static async Task<(List<double> Times, int Size)> MeasureAsync(HttpClient client, string url, string mark, int runs)
    {
        for (var i = 0; i < 5; i++) await client.GetStringAsync(url);
        var times = new List<double>();
        var size = 0;
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            var html = await client.GetStringAsync(url);
            times.Add(watch.Elapsed.TotalMilliseconds);
            size = html.Length;
            if (!html.Contains(mark, StringComparison.Ordinal)) throw new InvalidOperationException($"{url} has no {mark}.");
        }
        times.Sort();
        return (times, size);
    }

    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    private static async Task<(int ProgramId, int CohortId, string Email)> SeedAsync(IServiceProvider services, int pairs, bool report)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MentorHubDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now);
        var coordinator = new AppUser { UserName = "coordinator@bench.example.org", Email = "coordinator@bench.example.org", DisplayName = "Bench Coordinator", TimeZoneId = "Europe/Berlin", CreatedAtUtc = now };
        coordinator.MarkWelcomed(now);
        var created = await users.CreateAsync(coordinator, Password);
        if (created.Succeeded) created = await users.AddToRoleAsync(coordinator, Roles.Coordinator);
        if (!created.Succeeded) throw new InvalidOperationException("Could not create the coordinator: " + string.Join(" ", created.Errors.Select(e => e.Description)));

        var program = new MentorshipProgram("Bench program", ProgramFormat.OneToOne, 14, 12, Modality.Hybrid, now.AddMonths(-3)) { Description = "Benchmark" };
        program.Activate();
        program.AddCoordinator(coordinator.Id);
        db.Programs.Add(program);
        await db.SaveChangesAsync();
        var cohort = new Cohort(program.Id, "Spring", today.AddDays(-60), today.AddDays(200), today.AddDays(-90), today.AddDays(-65));
        db.Cohorts.Add(cohort);
        await db.SaveChangesAsync();

        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var random = new Random(11);
        var people = new List<(AppUser Mentor, AppUser Mentee, Enrollment MentorEnrollment, Enrollment MenteeEnrollment)>();
        for (var i = 0; i < pairs; i++)
        {
            AppUser Person(string role) => new()
            {
                UserName = $"{role}{i}@bench.example.org",
                NormalizedUserName = $"{role}{i}@BENCH.EXAMPLE.ORG".ToUpperInvariant(),
                Email = $"{role}{i}@bench.example.org",
                NormalizedEmail = $"{role}{i}@BENCH.EXAMPLE.ORG".ToUpperInvariant(),
                DisplayName = $"{role} {i}",
                TimeZoneId = "Europe/Berlin",
                SecurityStamp = Guid.NewGuid().ToString(),
                CreatedAtUtc = now,
            };
            var (mentor, mentee) = (Person("Mentor"), Person("Mentee"));
            db.Users.AddRange(mentor, mentee);
            var pair = (mentor, mentee, Enrollment.Enroll(cohort.Id, mentor.Id, EnrollmentRole.Mentor, now), Enrollment.Enroll(cohort.Id, mentee.Id, EnrollmentRole.Mentee, now));
            db.Enrollments.AddRange(pair.Item3, pair.Item4);
            people.Add(pair);
        }
        await db.SaveChangesAsync();
        var mentorships = new List<Mentorship>();
        foreach (var (_, _, mentorEnrollment, menteeEnrollment) in people)
        {
            var mentorship = new Mentorship(cohort.Id, now.AddDays(-60));
            mentorship.AddMember(mentorEnrollment, MemberRole.Mentor, cohort.StartsOn);
            mentorship.AddMember(menteeEnrollment, MemberRole.Mentee, cohort.StartsOn);
            mentorship.Activate(cohort.StartsOn);
            mentorships.Add(mentorship);
        }
        db.Mentorships.AddRange(mentorships);
        await db.SaveChangesAsync();
        foreach (var (mentorship, (mentor, mentee, _, _)) in mentorships.Zip(people))
        {
            // A quarter of the pairs went quiet a month ago: the list has risks to show.
            var quiet = random.Next(4) == 0;
            for (var day = 3; day < (quiet ? 30 : 60); day += 14)
            {
                var meeting = new Meeting(mentorship.Id, now.AddDays(-60 + day), 45, Modality.Virtual, null, null, null, mentor.Id);
                meeting.LogAsHeld("Notes", [mentor.Id, mentee.Id], [], mentor.Id, now.AddDays(-60 + day).AddHours(1));
                meeting.LeaveFeedback(mentee.Id, 2 + random.Next(4), null, now.AddDays(-60 + day).AddHours(2));
                db.Meetings.Add(meeting);
            }
            if (!quiet) db.Meetings.Add(new Meeting(mentorship.Id, now.AddDays(5), 45, Modality.Virtual, null, null, null, mentor.Id));
            var menteeMember = mentorship.Members.Single(m => m.Role == MemberRole.Mentee);
            var goal = new Goal(mentorship.Id, menteeMember.Id, "Learn the new ILS", null, null, today.AddDays(90), mentee.Id, now.AddDays(-55));
            goal.RecordProgress(30, null, mentee.Id, now.AddDays(quiet ? -40 : -5));
            db.Goals.Add(goal);
            var baseline = new Assessment(menteeMember.Id, AssessmentKind.Baseline, cohort.StartsOn.AddDays(7));
            baseline.Submit(new Dictionary<int, int>(), 3, 4, null, now.AddDays(-50));
            db.Assessments.Add(baseline);
            db.Assessments.Add(new Assessment(menteeMember.Id, AssessmentKind.Midpoint, today.AddDays(quiet ? -20 : 10)));
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        if (report) await SeedOutcomesAsync(db, cohort, mentorships, people.Select(p => (p.Mentor, p.Mentee)).ToList(), random, now);
        return (program.Id, cohort.Id, coordinator.Email!);
    }

    /// <summary>
    /// What the outcome report reads: a roster with every participant and as many colleagues (a fifth of whom left),
    /// promotions, mentees' baseline and exit check-ins with scores, and about 40 meetings per pair in all.
    /// </summary>
    private static async Task SeedOutcomesAsync(MentorHubDbContext db, Cohort cohort, List<Mentorship> mentorships, List<(AppUser Mentor, AppUser Mentee)> people, Random random, DateTime now)
    {
        var today = DateOnly.FromDateTime(now);
        var competencies = await db.Competencies.OrderBy(c => c.Id).Select(c => c.Id).Take(3).ToListAsync();
        var number = 0;
        StaffMember Staff(string name, string? userId, bool leaves)
        {
            var person = new StaffMember($"S{++number}", new StaffDetails(name, null, $"Branch {random.Next(8)}", "Technician", (CareerStage)(1 + random.Next(4)),
                today.AddDays(-400 - random.Next(4000)), leaves ? today.AddDays(-random.Next(55)) : null, leaves ? "Left" : null), now);
            person.LinkTo(userId);
            return person;
        }
        var roster = people.SelectMany(p => new[] { Staff(p.Mentor.DisplayName, p.Mentor.Id, random.Next(20) == 0), Staff(p.Mentee.DisplayName, p.Mentee.Id, random.Next(20) == 0) })
            .Concat(Enumerable.Range(0, people.Count * 2).Select(i => Staff($"Colleague {i}", null, random.Next(5) == 0)))
            .ToList();
        db.StaffMembers.AddRange(roster);
        await db.SaveChangesAsync();
        foreach (var person in roster.Where(_ => random.Next(10) == 0))
            db.OutcomeEvents.Add(new OutcomeEvent(person.UserId, person.Id, OutcomeKind.Promoted, today.AddDays(-random.Next(50)), null, null, null, now));
        foreach (var (mentorship, (mentor, mentee)) in mentorships.Zip(people))
        {
            var member = mentorship.Members.Single(m => m.Role == MemberRole.Mentee);
            var exit = new Assessment(member.Id, AssessmentKind.Exit, today.AddDays(-1));
            exit.Submit(competencies.ToDictionary(c => c, _ => 2 + random.Next(4)), 2 + random.Next(4), 2 + random.Next(4), null, now.AddDays(-1));
            db.Assessments.Add(exit);
            for (var i = 0; i < 36; i++)
            {
                var meeting = new Meeting(mentorship.Id, now.AddDays(-400 + i * 9), 45, Modality.InPerson, null, null, null, mentor.Id);
                meeting.LogAsHeld(null, [mentor.Id, mentee.Id], [], mentor.Id, now.AddDays(-399 + i * 9));
                db.Meetings.Add(meeting);
            }
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        // The baselines were submitted without scores; the report pairs them with the exits per competency.
        foreach (var baseline in await db.Assessments.Include(a => a.Scores).Where(a => a.Kind == AssessmentKind.Baseline).ToListAsync())
            baseline.Scores.AddRange(competencies.Select(c => new AssessmentScore(c, 1 + random.Next(3))));
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
    }

    private sealed class App(string folder) : WebApplicationFactory<MentorHub.Web.Infrastructure.UserTime>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:MentorHub", $"Data Source={Path.Combine(folder, "mentorhub.db")}");
            builder.UseSetting("Database:Provider", "Sqlite");
            // The computation is what is measured: requests repeat without writes, so kept figures would be measured instead.
            builder.UseSetting("Figures:Keep", "false");
            builder.UseSetting("Notifications:SiteUrl", "https://localhost/");
            builder.UseSetting("Mail:FromAddress", "mentoring@bench.example.org");
            builder.UseSetting("Mail:PickupDirectory", Path.Combine(folder, "mail"));
            builder.UseSetting("Mail:SmtpHost", "");
            builder.UseSetting("Jobs:RunServer", "false");
            builder.UseSetting("Demo:SeedOnStartup", "false");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Logging:File:Path", Path.Combine(folder, "logs", "mentorhub-.log"));
        }
    }
}
