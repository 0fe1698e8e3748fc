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

    /// <summary>An active one-to-one mentorship (program, cohort, enrollments) between the two people.</summary>
    public static async Task<int> CreateMentorshipAsync(this MentorHubAppFactory app, AppUser mentor, AppUser mentee, string? coordinatorId = null)
    {
        var programId = await app.CreateProgramAsync(coordinatorId ?? (await app.CreateUserAsync(null, canSignIn: false)).Id);
        var cohortId = await app.CreateCohortAsync(programId);
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
}
