using System.Diagnostics;
using MentorHub.Core.Data;
using MentorHub.Core.Domain;
using MentorHub.Core.Import;
using MentorHub.Core.Mentoring;
using MentorHub.Core.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MentorHub.Bench;

/// <summary>What the load benchmark visits in a generated library system.</summary>
public sealed record LibraryIds(int ProgramId, int CohortId, int MentorshipId, int LongMentorshipId, int MeetingId, int GoalId);

/// <summary>
/// A large library system written through the domain's constructors and methods (in bulk, without change detection):
/// 10,000 staff in 22 programs of 9-10 cohorts each (the latest running, the others completed through
/// <see cref="CohortCompletion"/>), 5,000 one-to-one mentorships with about 20 meetings and 20 messages each, two goals with milestones
/// per mentee, baseline, midpoint and exit check-ins, certifications and promotions on record, and the staff roster. Four accounts sign in
/// with <see cref="Password"/>: <c>coordinator@</c> (20 programs), <c>mentor@</c> (10 mentees in one cohort),
/// <c>mentee@</c> (a mentorship with 400 meetings) and <c>admin@</c>, all at bench.example.org.
/// </summary>
public static class LargeLibrary
{
    public const string Password = "Quiet-harbour-lantern-42";
    public const string Domain = "bench.example.org";
    public static readonly string[] Accounts = ["admin", "coordinator", "mentor", "mentee"];

    private const int Programs = 22;
    private const int CoordinatedByOne = 20;
    private const int Cohorts = 207;
    private const int MeetingsPerPair = 20;
    private const int MessagesPerPair = 20;

    public static async Task<LibraryIds> GenerateAsync(IServiceProvider services, int people)
    {
        var watch = Stopwatch.StartNew();
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now);
        var random = new Random(2026);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MentorHubDbContext>();
        var accounts = await CreateAccountsAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), now);
        var competencies = await db.Competencies.OrderBy(c => c.Id).Select(c => c.Id).Take(6).ToListAsync();

        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var staff = Enumerable.Range(0, people).Select(i => new AppUser
        {
            Id = $"staff{i:D6}",
            UserName = $"staff{i}@{Domain}",
            NormalizedUserName = $"STAFF{i}@{Domain}".ToUpperInvariant(),
            Email = $"staff{i}@{Domain}",
            NormalizedEmail = $"STAFF{i}@{Domain}".ToUpperInvariant(),
            DisplayName = $"{FirstNames[i % FirstNames.Length]} {LastNames[i / FirstNames.Length % LastNames.Length]} {i}",
            Branch = Branches[i % Branches.Length],
            JobTitle = i % 4 == 0 ? "Senior library technician" : "Library technician",
            TimeZoneId = i % 5 == 0 ? "America/Chicago" : "America/New_York",
            SecurityStamp = Guid.NewGuid().ToString(),
            CreatedAtUtc = now.AddYears(-4),
        }).ToList();
        foreach (var user in staff) user.MarkWelcomed(user.CreatedAtUtc);
        db.Users.AddRange(staff);
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        // The staff roster, imported as the Staff page imports HR's file (linked to the accounts by email): hired over the
        // last 20 years, one in fifteen gone in the last three. The outcome reports compare participants with the rest of it.
        var roster = new StaffRoster(db);
        for (var chunk = 0; chunk < people; chunk += 1_000)
        {
            var rows = Enumerable.Range(chunk, Math.Min(1_000, people - chunk)).Select(i =>
            {
                var hiredDaysAgo = random.Next(180, 20 * 365);
                DateOnly? left = i % 15 == 3 ? today.AddDays(-random.Next(1, Math.Min(3 * 365, hiredDaysAgo))) : null;
                return new RosterRow(i + 2, $"S{i:D6}", new StaffDetails(staff[i].DisplayName, staff[i].Email, staff[i].Branch, staff[i].JobTitle,
                    (CareerStage)(1 + i % 4), today.AddDays(-hiredDaysAgo), left, left is null ? null : "Resigned"), []);
            }).ToList();
            await roster.ImportAsync(rows, now, CancellationToken.None);
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        // Programs and their cohorts, four months apart going back from the running one.
        var programs = new List<MentorshipProgram>();
        for (var p = 0; p < Programs; p++)
        {
            var program = new MentorshipProgram($"{Topics[p % Topics.Length]} mentoring {p + 1}", ProgramFormat.OneToOne, 14, 10, Modality.Hybrid, now.AddYears(-4))
            {
                Description = "Staff learn a new system alongside a colleague who knows it.",
            };
            program.SetTargetCompetencies(competencies.Take(3));
            program.Activate();
            program.AddCoordinator(p < CoordinatedByOne ? accounts["coordinator"].Id : staff[p].Id);
            programs.Add(program);
        }
        db.Programs.AddRange(programs);
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        var cohorts = new List<Cohort>();
        for (var c = 0; c < Cohorts; c++)
        {
            var program = programs[c % Programs];
            var age = c / Programs; // 0 = running
            var starts = today.AddMonths(-1 - 4 * age);
            cohorts.Add(new Cohort(program.Id, $"Cohort {starts:MMM yyyy}", starts, starts.AddMonths(4).AddDays(-1), starts.AddDays(-30), starts.AddDays(-5)));
        }
        db.Cohorts.AddRange(cohorts);
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        // Pairs: the first half of the staff mentor the second half, spread over the cohorts.
        var pairs = people / 2;
        var mentorCohort = cohorts[0]; // the first program's running cohort: the mentor account's ten mentees are there
        var longCohort = cohorts[1];   // the second program's running cohort: the mentee account's long mentorship
        int mentorshipId = 0, longMentorshipId = 0, meetingId = 0, goalId = 0;
        Enrollment? mentorEnrollment = null;
        for (var chunk = 0; chunk < pairs; chunk += 250)
        {
            var batch = Enumerable.Range(chunk, Math.Min(250, pairs - chunk)).ToList();
            var enrollments = new List<(Enrollment Mentor, Enrollment Mentee, Cohort Cohort, int Pair)>();
            foreach (var pair in batch)
            {
                var cohort = pair < 10 ? mentorCohort : pair == 10 ? longCohort : cohorts[pair % Cohorts];
                var enrolledAt = cohort.EnrollmentClosesOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
                Enrollment mentor;
                if (pair < 10)
                {
                    mentor = mentorEnrollment ??= Enrollment.Enroll(cohort.Id, accounts["mentor"].Id, EnrollmentRole.Mentor, enrolledAt);
                    mentor.SetCapacity(10);
                }
                else
                {
                    mentor = Enrollment.Enroll(cohort.Id, staff[pair].Id, EnrollmentRole.Mentor, enrolledAt);
                }
                var menteeId = pair == 10 ? accounts["mentee"].Id : staff[pairs + pair].Id;
                enrollments.Add((mentor, Enrollment.Enroll(cohort.Id, menteeId, EnrollmentRole.Mentee, enrolledAt), cohort, pair));
            }
            db.Enrollments.AddRange(enrollments.SelectMany(e => new[] { e.Mentor, e.Mentee }).Distinct());
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();

            var mentorships = new List<(Mentorship Mentorship, Cohort Cohort, int Pair)>();
            foreach (var (mentor, mentee, cohort, pair) in enrollments)
            {
                var mentorship = new Mentorship(cohort.Id, cohort.StartsOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), 0.8, "Shares the competencies the mentee wants to grow.");
                mentorship.AddMember(mentor, MemberRole.Mentor, cohort.StartsOn);
                mentorship.AddMember(mentee, MemberRole.Mentee, cohort.StartsOn);
                mentorship.Activate(cohort.StartsOn);
                mentorships.Add((mentorship, cohort, pair));
            }
            db.Mentorships.AddRange(mentorships.Select(m => m.Mentorship));
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();

            foreach (var (mentorship, cohort, pair) in mentorships)
            {
                var mentor = mentorship.Members.Single(m => m.Role == MemberRole.Mentor);
                var mentee = mentorship.Members.Single(m => m.Role == MemberRole.Mentee);
                var start = cohort.StartsOn.ToDateTime(new TimeOnly(14, 0), DateTimeKind.Utc);
                var running = cohort.StartsOn > today.AddMonths(-2);
                var count = pair == 10 ? 400 : MeetingsPerPair;
                var every = pair == 10 ? TimeSpan.FromDays(1) : TimeSpan.FromDays(6);
                var first = pair == 10 ? now.AddDays(-395) : start;
                for (var m = 0; m < count; m++)
                {
                    var at = first + every * m + TimeSpan.FromMinutes(random.Next(0, 4) * 30);
                    var meeting = new Meeting(mentorship.Id, at, 60, m % 3 == 0 ? Modality.InPerson : Modality.Virtual, m % 3 == 0 ? "Main library, room 2" : null,
                        m % 3 == 0 ? null : "https://meet.example.org/room", $"Session {m + 1}", mentor.UserId);
                    if (at < now.AddHours(-2))
                    {
                        meeting.LogAsHeld("Worked through the next batch of records.", [mentor.UserId, mentee.UserId], [competencies[m % 3]], mentor.UserId, at.AddHours(1));
                        // The mentee rates every other meeting held, as the feedback prompt after each meeting asks.
                        if (m % 2 == 0) meeting.LeaveFeedback(mentee.UserId, random.Next(3, 6), null, at.AddHours(2));
                    }
                    db.Meetings.Add(meeting);
                }

                for (var m = 0; m < MessagesPerPair; m++)
                    db.Messages.Add(new Message(mentorship.Id, m % 2 == 0 ? mentee.UserId : mentor.UserId, $"Notes on batch load {m + 1}.", start + TimeSpan.FromDays(3 * m)));

                var goal = new Goal(mentorship.Id, mentee.Id, "Catalogue e-resources in the new ILS", null, competencies[0], cohort.EndsOn, mentee.UserId, start);
                goal.Milestones.Add(new Milestone("Shadow a batch load", cohort.StartsOn.AddDays(20)));
                goal.Milestones.Add(new Milestone("Run a batch load alone", cohort.StartsOn.AddDays(60)));
                goal.RecordProgress(running ? 20 + random.Next(50) : 100, "Steady progress", mentee.UserId, start.AddDays(30));
                var second = new Goal(mentorship.Id, mentee.Id, "Present the new workflow at the branch meeting", null, competencies[1], cohort.StartsOn.AddDays(45), mentee.UserId, start);
                db.Goals.AddRange(goal, second);

                var scores = competencies.Take(3).ToDictionary(c => c, _ => 1 + random.Next(3));
                var baseline = new Assessment(mentee.Id, AssessmentKind.Baseline, cohort.StartsOn);
                baseline.Submit(scores, 2 + random.Next(2), 3, null, start);
                var midpoint = new Assessment(mentee.Id, AssessmentKind.Midpoint, cohort.StartsOn.AddDays(60));
                if (!running) midpoint.Submit(scores.ToDictionary(s => s.Key, s => Math.Min(5, s.Value + 1)), 3, 4, "More confident with batch loads.", start.AddDays(60));
                db.Assessments.AddRange(baseline, midpoint);
                if (!running && pair % 5 == 0)
                    db.OutcomeEvents.Add(new OutcomeEvent(mentee.UserId, null, OutcomeKind.CertificationEarned, cohort.EndsOn.AddDays(-10), "Digital preservation certificate", cohort.ProgramId, null, now));
                if (!running && pair % 20 == 0)
                    db.OutcomeEvents.Add(new OutcomeEvent(mentee.UserId, null, OutcomeKind.Promoted, cohort.EndsOn.AddDays(30), null, cohort.ProgramId, null, now));
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
            if (chunk == 0)
            {
                mentorshipId = mentorships[0].Mentorship.Id;
                longMentorshipId = mentorships[10].Mentorship.Id;
                meetingId = await db.Meetings.Where(m => m.MentorshipId == mentorshipId).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
                goalId = await db.Goals.Where(g => g.MentorshipId == mentorshipId).OrderBy(g => g.Id).Select(g => g.Id).FirstAsync();
            }
            db.ChangeTracker.Clear();
        }

        // Every cohort but the running ones is completed as a coordinator would: mentorships end, exit check-ins open.
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        var completion = new CohortCompletion(db, TimeProvider.System);
        foreach (var cohort in cohorts.Where(c => c.EndsOn < today))
        {
            var version = await db.Cohorts.Where(c => c.Id == cohort.Id).Select(c => c.Version).SingleAsync();
            await completion.CompleteAsync(cohort.Id, version, cohort.EndsOn, CancellationToken.None);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        var counts = new
        {
            People = await db.Users.CountAsync(),
            Programs = await db.Programs.CountAsync(),
            Cohorts = await db.Cohorts.CountAsync(),
            Mentorships = await db.Mentorships.CountAsync(),
            Meetings = await db.Meetings.CountAsync(),
            Goals = await db.Goals.CountAsync(),
            Messages = await db.Messages.CountAsync(),
            Ratings = await db.MeetingFeedback.CountAsync(),
            CheckIns = await db.Assessments.CountAsync(),
            Outcomes = await db.OutcomeEvents.CountAsync(),
            Roster = await db.StaffMembers.CountAsync(),
            Left = await db.StaffMembers.CountAsync(s => s.LeftOn != null),
        };
        Console.WriteLine($"generated in {watch.Elapsed.TotalSeconds:F0} s: {counts.People:N0} people, {counts.Programs} programs, {counts.Cohorts} cohorts, "
            + $"{counts.Mentorships:N0} mentorships, {counts.Meetings:N0} meetings ({counts.Ratings:N0} rated), {counts.Messages:N0} messages, {counts.Goals:N0} goals, {counts.CheckIns:N0} check-ins, {counts.Outcomes:N0} outcome records, {counts.Roster:N0} on the staff roster ({counts.Left:N0} left)");
        return new LibraryIds(programs[0].Id, mentorCohort.Id, mentorshipId, longMentorshipId, meetingId, goalId);
    }

    private static async Task<Dictionary<string, AppUser>> CreateAccountsAsync(UserManager<AppUser> users, DateTime now)
    {
        var accounts = new Dictionary<string, AppUser>();
        foreach (var name in Accounts)
        {
            var user = new AppUser
            {
                UserName = $"{name}@{Domain}",
                Email = $"{name}@{Domain}",
                EmailConfirmed = true,
                DisplayName = $"Bench {char.ToUpperInvariant(name[0])}{name[1..]}",
                TimeZoneId = "America/New_York",
                CreatedAtUtc = now.AddYears(-4),
            };
            user.MarkWelcomed(now);
            var created = await users.CreateAsync(user, Password);
            if (created.Succeeded && name is "admin") created = await users.AddToRoleAsync(user, Roles.Administrator);
            if (created.Succeeded && name is "coordinator") created = await users.AddToRoleAsync(user, Roles.Coordinator);
            if (!created.Succeeded) throw new InvalidOperationException($"Could not create {name}: " + string.Join(" ", created.Errors.Select(e => e.Description)));
            accounts[name] = user;
        }
        return accounts;
    }

    private static readonly string[] FirstNames = ["Ada", "Bo", "Chen", "Dana", "Eli", "Fatima", "Gus", "Hana", "Ivo", "June", "Kofi", "Lena", "Mateo", "Nia", "Omar", "Pia"];
    private static readonly string[] LastNames = ["Abara", "Berg", "Costa", "Diaz", "Evans", "Fischer", "Garcia", "Hughes", "Ito", "Jensen", "Khan", "Lopez", "Moreau", "Novak", "Okafor", "Patel"];
    private static readonly string[] Branches = ["Main library", "Eastside", "Riverside", "Northgate", "Westfield", "Harbour"];
    private static readonly string[] Topics = ["ILS migration", "Digital preservation", "AI-assisted cataloguing", "Metadata", "Discovery layer", "E-resources"];
}
