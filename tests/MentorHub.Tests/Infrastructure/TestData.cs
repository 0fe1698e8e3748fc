using MentorHub.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Tests.Infrastructure;

/// <summary>Builders for the data a test needs, written straight to the app's database.</summary>
public static class TestData
{
    public static Task<int> CreateProgramAsync(this MentorHubAppFactory app, string coordinatorId, ProgramFormat format = ProgramFormat.OneToOne, string? name = null) =>
        app.WithDbAsync(async db =>
        {
            var program = new MentorshipProgram(name ?? $"Program {Guid.NewGuid():N}"[..20], format, 14, 10, Modality.Hybrid, DateTime.UtcNow);
            program.Activate();
            program.AddCoordinator(coordinatorId);
            foreach (var id in await db.Competencies.OrderBy(c => c.Id).Select(c => c.Id).Take(3).ToListAsync())
                program.TargetCompetencies.Add(new ProgramCompetency(id));
            db.Programs.Add(program);
            await db.SaveChangesAsync();
            return program.Id;
        });

    public static Task<int> CreateCohortAsync(this MentorHubAppFactory app, int programId, string name = "Cohort A", int opensInDays = -5, int closesInDays = 10) =>
        app.WithDbAsync(async db =>
        {
            var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
            var cohort = new Cohort(programId, name, today.AddDays(closesInDays + 5), today.AddDays(closesInDays + 200), today.AddDays(opensInDays), today.AddDays(closesInDays));
            db.Cohorts.Add(cohort);
            await db.SaveChangesAsync();
            return cohort.Id;
        });

    public static Task<int> EnrollAsync(this MentorHubAppFactory app, int cohortId, string userId, EnrollmentRole role) =>
        app.WithDbAsync(async db =>
        {
            var enrollment = Enrollment.Enroll(cohortId, userId, role, DateTime.UtcNow);
            db.Enrollments.Add(enrollment);
            await db.SaveChangesAsync();
            return enrollment.Id;
        });

    /// <summary>
    /// An active one-to-one mentorship (program, cohort, enrollments) between the two people; the cohort starts in two
    /// weeks, or has been running for a few days when <paramref name="running"/>.
    /// </summary>
    public static async Task<int> CreateMentorshipAsync(this MentorHubAppFactory app, AppUser mentor, AppUser mentee, string? coordinatorId = null, bool running = false)
    {
        var programId = await app.CreateProgramAsync(coordinatorId ?? (await app.CreateUserAsync(null, canSignIn: false)).Id);
        var cohortId = running ? await app.CreateCohortAsync(programId, opensInDays: -40, closesInDays: -10) : await app.CreateCohortAsync(programId);
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        return await app.WithDbAsync(async db =>
        {
            var mentorEnrollment = Enrollment.Enroll(cohortId, mentor.Id, EnrollmentRole.Mentor, DateTime.UtcNow);
            var menteeEnrollment = Enrollment.Enroll(cohortId, mentee.Id, EnrollmentRole.Mentee, DateTime.UtcNow);
            db.Enrollments.AddRange(mentorEnrollment, menteeEnrollment);
            await db.SaveChangesAsync();
            var mentorship = new Mentorship(cohortId, DateTime.UtcNow);
            mentorship.AddMember(mentorEnrollment, MemberRole.Mentor, today);
            mentorship.AddMember(menteeEnrollment, MemberRole.Mentee, today);
            mentorship.Activate(today);
            db.Mentorships.Add(mentorship);
            await db.SaveChangesAsync();
            return mentorship.Id;
        });
    }

    public static Task<int> CreateMeetingAsync(this MentorHubAppFactory app, int mentorshipId, DateTime startsAtUtc, string createdBy) => app.WithDbAsync(async db =>
    {
        var meeting = new Meeting(mentorshipId, startsAtUtc, 60, Modality.Virtual, null, "https://meet.example.org/x", "Catch up", createdBy);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return meeting.Id;
    });

    /// <summary>
    /// <paramref name="count"/> running pairs in the cohort, started 40 days ago, each with a held meeting, a rating, a
    /// goal with an update and a pending check-in: enough for every fact the connections list reads.
    /// </summary>
    /// <summary>A goal the mentee of <paramref name="mentorshipId"/> set, due on <paramref name="targetDate"/>.</summary>
    public static Task<int> CreateGoalAsync(this MentorHubAppFactory app, int mentorshipId, string menteeId, string title, DateOnly targetDate) => app.WithDbAsync(async db =>
    {
        var owner = await db.MentorshipMembers.SingleAsync(m => m.MentorshipId == mentorshipId && m.UserId == menteeId);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var goal = new Goal(mentorshipId, owner.Id, title, null, null, targetDate, menteeId, now);
        db.Goals.Add(goal);
        await db.SaveChangesAsync();
        return goal.Id;
    });

    public static Task CreatePairsAsync(this MentorHubAppFactory app, int cohortId, int count) => app.WithDbAsync(async db =>
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var started = DateOnly.FromDateTime(now).AddDays(-40);
        var batch = Guid.NewGuid().ToString("N")[..8];
        var pairs = new List<(AppUser Mentor, AppUser Mentee, Enrollment MentorEnrollment, Enrollment MenteeEnrollment)>();
        for (var i = 0; i < count; i++)
        {
            AppUser Person(string role)
            {
                var email = $"{role}-{batch}-{i}@test.mentorhub.local";
                return new AppUser { UserName = email, Email = email, NormalizedEmail = email.ToUpperInvariant(), NormalizedUserName = email.ToUpperInvariant(), DisplayName = $"{role} {i}" };
            }
            var (mentor, mentee) = (Person("Mentor"), Person("Mentee"));
            db.Users.AddRange(mentor, mentee);
            var pair = (mentor, mentee, Enrollment.Enroll(cohortId, mentor.Id, EnrollmentRole.Mentor, now), Enrollment.Enroll(cohortId, mentee.Id, EnrollmentRole.Mentee, now));
            db.Enrollments.AddRange(pair.Item3, pair.Item4);
            pairs.Add(pair);
        }
        await db.SaveChangesAsync();
        var mentorships = new List<Mentorship>();
        foreach (var (_, _, mentorEnrollment, menteeEnrollment) in pairs)
        {
            var mentorship = new Mentorship(cohortId, now.AddDays(-40));
            mentorship.AddMember(mentorEnrollment, MemberRole.Mentor, started);
            mentorship.AddMember(menteeEnrollment, MemberRole.Mentee, started);
            mentorship.Activate(started);
            mentorships.Add(mentorship);
        }
        db.Mentorships.AddRange(mentorships);
        await db.SaveChangesAsync();
        foreach (var (mentorship, (mentor, mentee, _, _)) in mentorships.Zip(pairs))
        {
            var meeting = new Meeting(mentorship.Id, now.AddDays(-3), 30, Modality.Virtual, null, null, null, mentor.Id);
            meeting.LogAsHeld(null, [mentor.Id, mentee.Id], [], mentor.Id, now);
            meeting.LeaveFeedback(mentee.Id, 4, null, now);
            db.Meetings.Add(meeting);
            var menteeMember = mentorship.Members.Single(m => m.Role == MemberRole.Mentee);
            var goal = new Goal(mentorship.Id, menteeMember.Id, "Learn the new ILS", null, null, started.AddDays(90), mentee.Id, now.AddDays(-40));
            goal.RecordProgress(20, null, mentee.Id, now.AddDays(-2));
            db.Goals.Add(goal);
            db.Assessments.Add(new Assessment(menteeMember.Id, AssessmentKind.Baseline, started.AddDays(7)));
        }
        return await db.SaveChangesAsync();
    });
}
