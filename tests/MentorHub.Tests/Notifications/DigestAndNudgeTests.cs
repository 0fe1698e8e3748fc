using Hangfire;
using MentorHub.Core.Domain;
using MentorHub.Core.Notifications;
using MentorHub.Core.Notifications.Templates;
using MentorHub.Tests.Infrastructure;
using MentorHub.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MentorHub.Tests.Notifications;

/// <summary>
/// The app at 07:00 on 1 April 2027 in Los Angeles (14:00 UTC), with jobs scheduled in that zone and mail going over
/// SMTP to a loopback server.
/// </summary>
public sealed class DigestDayAppFactory : SmtpAppFactory
{
    protected override DateTimeOffset Start => new(2027, 4, 1, 14, 0, 0, TimeSpan.Zero);

    protected override IEnumerable<KeyValuePair<string, string>> MoreSettings => [new("Jobs:TimeZone", "America/Los_Angeles")];
}

public class DigestAndNudgeTests(DigestDayAppFactory app) : IClassFixture<DigestDayAppFactory>
{
    private static readonly DateTime Now = new(2027, 4, 1, 14, 0, 0, DateTimeKind.Utc);

    private Task HeldMeetingAsync(int mentorshipId, DateTime startsAtUtc, AppUser by) => app.WithDbAsync(async db =>
    {
        var meeting = new Meeting(mentorshipId, startsAtUtc, 60, Modality.InPerson, "Main branch", null, null, by.Id);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        var members = await db.MentorshipMembers.Where(m => m.MentorshipId == mentorshipId).Select(m => m.UserId).ToListAsync();
        meeting.LogAsHeld("Good session", members, [], by.Id, Now);
        return await db.SaveChangesAsync();
    });

    private async Task RunJobAsync<TJob>(Func<TJob, Task> run) where TJob : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        await run(scope.ServiceProvider.GetRequiredService<TJob>());
    }

    [Fact]
    public async Task Digests_cover_the_month_just_ended_in_the_configured_zone_and_go_out_once_per_person()
    {
        var coordinator = await app.CreateUserAsync("Cora Coordinator", canSignIn: false);
        var mentor = await app.CreateUserAsync("Milo Mentor", canSignIn: false);
        var mentee = await app.CreateUserAsync("Ella Mentee", canSignIn: false);
        var quietMentor = await app.CreateUserAsync("Quincy Quiet", canSignIn: false);
        var quietMentee = await app.CreateUserAsync("Ruth Quiet", canSignIn: false);
        var unmatched = await app.CreateUserAsync("Una Unmatched", canSignIn: false);
        var mentorshipId = await app.CreateMentorshipAsync(mentor, mentee, coordinator.Id);
        var quietId = await app.CreateMentorshipAsync(quietMentor, quietMentee, coordinator.Id);
        var cohortId = await app.WithDbAsync(db => db.Mentorships.Where(m => m.Id == mentorshipId).Select(m => m.CohortId).SingleAsync());
        await app.EnrollAsync(cohortId, unmatched.Id, EnrollmentRole.Mentee);

        // 23:30 on 31 March in Los Angeles is already 1 April in UTC: it belongs to March's digest.
        await HeldMeetingAsync(mentorshipId, new DateTime(2027, 4, 1, 6, 30, 0, DateTimeKind.Utc), mentor);
        // 23:30 on 28 February in Los Angeles, 1 March in UTC: not March's.
        await HeldMeetingAsync(mentorshipId, new DateTime(2027, 3, 1, 7, 30, 0, DateTimeKind.Utc), mentor);
        await HeldMeetingAsync(quietId, new DateTime(2027, 2, 1, 16, 0, 0, DateTimeKind.Utc), quietMentor);
        await app.CreateMeetingAsync(mentorshipId, new DateTime(2027, 4, 5, 15, 0, 0, DateTimeKind.Utc), mentor.Id);
        await app.WithDbAsync(async db =>
        {
            var member = await db.MentorshipMembers.SingleAsync(m => m.MentorshipId == mentorshipId && m.UserId == mentee.Id);
            var goal = new Goal(mentorshipId, member.Id, "Catalogue serials in MARC 21", null, null, new DateOnly(2027, 6, 30), mentee.Id, new DateTime(2027, 3, 2, 0, 0, 0, DateTimeKind.Utc));
            goal.Milestones.Add(new Milestone("Finish the serials backlog", new DateOnly(2027, 4, 10)));
            goal.RecordProgress(40, "Half-way through the backlog", mentee.Id, new DateTime(2027, 3, 15, 12, 0, 0, DateTimeKind.Utc));
            db.Goals.Add(goal);
            return await db.SaveChangesAsync();
        });

        await RunJobAsync<MonthlyDigestsJob>(job => job.RunAsync(CancellationToken.None));
        await RunJobAsync<MonthlyDigestsJob>(job => job.RunAsync(CancellationToken.None));

        var menteeDigest = Assert.Single(app.Sink.To(mentee.Email!));
        Assert.Equal("Your MentorHub digest for March 2027", menteeDigest.Subject);
        Assert.Contains("1 meeting held in March 2027", menteeDigest.TextBody);
        Assert.Contains("Goal: Catalogue serials in MARC 21 — 40% · target 30 June 2027", menteeDigest.TextBody);
        Assert.Contains("Milestone: Finish the serials backlog — due 10 April 2027", menteeDigest.TextBody);
        Assert.Contains("Next meeting: Monday 5 April 2027, 17:00 (Europe/Berlin)", menteeDigest.TextBody);
        Assert.Contains("https://mentorhub.test/Account/Notifications", menteeDigest.HtmlBody);

        var mentorDigest = Assert.Single(app.Sink.To(mentor.Email!));
        Assert.Contains("Ella Mentee: 1 goal update, 0 goals achieved in March 2027 — 1 open goal, 0 overdue", mentorDigest.TextBody);

        var coordinatorDigest = Assert.Single(app.Sink.To(coordinator.Email!));
        Assert.Contains("Program health", coordinatorDigest.TextBody);
        Assert.Contains("No meeting past the cadence: Quincy Quiet & Ruth Quiet", coordinatorDigest.TextBody);
        Assert.DoesNotContain("Milo Mentor & Ella Mentee", coordinatorDigest.TextBody);
        var programId = await app.WithDbAsync(db => db.Mentorships.Where(m => m.Id == mentorshipId).Select(m => m.Cohort!.ProgramId).SingleAsync());
        Assert.Contains($"https://mentorhub.test/Programs/{programId}/Report", coordinatorDigest.HtmlBody);
        // Two pairs are too few for any outcome figure: the digest gives none rather than a figure about one person.
        Assert.DoesNotContain("95% CI", coordinatorDigest.TextBody);

        Assert.Empty(app.Sink.To(unmatched.Email!));
        Assert.Equal(1, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.DedupeKey == $"digest:2027-03:user:{mentee.Id}")));
    }

    /// <summary>Every line of the person's digest with its link and detail, as "text | link | detail".</summary>
    private async Task<List<string>> DigestLinesAsync(AppUser person)
    {
        var month = DigestMonth.Of(2027, 3, TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles"));
        var digests = await app.RunScopedAsync<MonthlyDigests, List<OutgoingEmail>>(d => d.ComposeAsync([person.Id], month, CancellationToken.None));
        return Assert.Single(digests).Content.Blocks.OfType<MentorHub.Core.Notifications.Templates.EmailSection>().SelectMany(b => b.Items)
            .Select(i => $"{i.Text} | {i.Link} | {i.Detail}").ToList();
    }

    [Fact]
    public async Task Digests_name_each_mentee_with_goals_moved_and_what_is_due_give_mentees_their_overdue_check_ins_and_coordinators_the_pairs_needing_attention()
    {
        var coordinator = await app.CreateUserAsync("Olga Overseer", canSignIn: false);
        var mentor = await app.CreateUserAsync("Nils Guide", canSignIn: false);
        var mentee = await app.CreateUserAsync("Pia Learner", canSignIn: false);
        var mentorshipId = await app.CreateMentorshipAsync(mentor, mentee, coordinator.Id);
        await HeldMeetingAsync(mentorshipId, new DateTime(2027, 3, 10, 16, 0, 0, DateTimeKind.Utc), mentor);
        await HeldMeetingAsync(mentorshipId, new DateTime(2027, 3, 24, 16, 0, 0, DateTimeKind.Utc), mentor);
        await HeldMeetingAsync(mentorshipId, new DateTime(2027, 2, 24, 16, 0, 0, DateTimeKind.Utc), mentor);
        var (movedId, achievedId, checkInId) = await app.WithDbAsync(async db =>
        {
            var member = await db.MentorshipMembers.SingleAsync(m => m.MentorshipId == mentorshipId && m.UserId == mentee.Id);
            var moved = new Goal(mentorshipId, member.Id, "Map serials to BIBFRAME", null, null, new DateOnly(2027, 6, 30), mentee.Id, new DateTime(2027, 3, 1, 0, 0, 0, DateTimeKind.Utc));
            moved.AddMilestone("Draft the crosswalk", new DateOnly(2027, 3, 20));
            moved.RecordProgress(30, null, mentee.Id, new DateTime(2027, 3, 12, 12, 0, 0, DateTimeKind.Utc));
            moved.RecordProgress(55, null, mentee.Id, new DateTime(2027, 3, 26, 12, 0, 0, DateTimeKind.Utc));
            var achieved = new Goal(mentorshipId, member.Id, "Run the weeding report", null, null, new DateOnly(2027, 5, 1), mentee.Id, new DateTime(2027, 3, 1, 0, 0, 0, DateTimeKind.Utc));
            achieved.MarkAchieved(mentee.Id, new DateOnly(2027, 3, 18), new DateTime(2027, 3, 18, 12, 0, 0, DateTimeKind.Utc));
            var checkIn = new Assessment(member.Id, AssessmentKind.Midpoint, new DateOnly(2027, 3, 25));
            db.AddRange(moved, achieved, checkIn);
            await db.SaveChangesAsync();
            return (moved.Id, achieved.Id, checkIn.Id);
        });
        var programId = await app.WithDbAsync(db => db.Mentorships.Where(m => m.Id == mentorshipId).Select(m => m.Cohort!.ProgramId).SingleAsync());

        var mentorLines = await DigestLinesAsync(mentor);
        Assert.Contains($"Pia Learner: 3 goal updates, 1 goal achieved in March 2027 | https://mentorhub.test/Mentorships/{mentorshipId} | 1 open goal, 0 overdue", mentorLines);
        Assert.Contains($"Pia Learner achieved “Run the weeding report” | https://mentorhub.test/Goals/{achievedId} | ", mentorLines);
        Assert.Contains($"Pia Learner moved “Map serials to BIBFRAME” | https://mentorhub.test/Goals/{movedId} | now 55% · 2 updates in March 2027", mentorLines);
        Assert.Contains($"Pia Learner's milestone: Draft the crosswalk | https://mentorhub.test/Goals/{movedId} | overdue since 20 March 2027", mentorLines);
        Assert.Contains($"Pia Learner's midpoint check-in | https://mentorhub.test/Mentorships/{mentorshipId} | overdue since 25 March 2027", mentorLines);
        Assert.Contains($"2 meetings held in March 2027 | https://mentorhub.test/Mentorships/{mentorshipId} | ", mentorLines);

        var menteeLines = await DigestLinesAsync(mentee);
        Assert.Contains($"Your midpoint check-in | https://mentorhub.test/CheckIns/{checkInId} | overdue since 25 March 2027", menteeLines);
        Assert.Contains($"Milestone: Draft the crosswalk | https://mentorhub.test/Goals/{movedId} | overdue since 20 March 2027", menteeLines);

        var coordinatorLines = await DigestLinesAsync(coordinator);
        Assert.Contains("Meetings held: 2 in March 2027, 1 in February 2027 |  | ", coordinatorLines);
        Assert.Contains("Goals achieved: 1 in March 2027, 0 in February 2027 |  | ", coordinatorLines);
        Assert.Contains($"1 active mentorship | https://mentorhub.test/Programs/{programId}/Connections | ", coordinatorLines);
        Assert.Contains($"Check-ins past due: Nils Guide & Pia Learner | https://mentorhub.test/Mentorships/{mentorshipId} | 1 check-in", coordinatorLines);
    }

    [Fact]
    public async Task A_coordinators_digest_gives_the_programs_headline_figures_once_its_groups_are_large_enough()
    {
        var coordinator = await app.CreateUserAsync("Hana Headline", canSignIn: false);
        var programId = await app.CreateProgramAsync(coordinator.Id);
        await app.CreatePairsAsync(await app.CreateCohortAsync(programId, opensInDays: -100, closesInDays: -80), 5);

        var digests = await app.RunScopedAsync<MonthlyDigests, List<MentorHub.Core.Notifications.OutgoingEmail>>(d =>
            d.ComposeAsync([coordinator.Id], DigestMonth.Of(2027, 3, TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles")), CancellationToken.None));

        var text = string.Join("\n", Assert.Single(digests).Content.Blocks.OfType<MentorHub.Core.Notifications.Templates.EmailSection>().SelectMany(b => b.Items).Select(i => i.Text));
        // Each of the five pairs started 40 days ago on a 14-day cadence and held one of the two meetings expected.
        Assert.Contains("Pairs and groups held 50% of the meetings the program's cadence expected (95% CI 50%–50%; 5 pairs and groups)", text);
    }

    [Fact]
    public async Task The_digest_job_is_scheduled_for_07_00_on_the_first_in_the_configured_zone()
    {
        var storage = app.Services.GetRequiredService<JobStorage>();
        using var connection = storage.GetConnection();
        var job = Assert.Single(Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection), j => j.Id == RecurringJobs.MonthlyDigests);

        Assert.Equal("0 7 1 * *", job.Cron);
        Assert.Equal("America/Los_Angeles", job.TimeZoneId);
        var losAngeles = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
        var next = TimeZoneInfo.ConvertTimeFromUtc(job.NextExecution!.Value, losAngeles);
        Assert.Equal((1, 7, 0), (next.Day, next.Hour, next.Minute));
    }

    [Theory]
    [InlineData("Europe/Berlin")]
    [InlineData("Australia/Sydney")]
    public void A_digest_month_east_of_UTC_covers_its_own_calendar_days(string zone)
    {
        var month = DigestMonth.Of(2027, 3, TimeZoneInfo.FindSystemTimeZoneById(zone));

        // Local midnight of 1 March is still 28 February in UTC there; the month's days are its own all the same.
        Assert.Equal(new DateTime(2027, 2, 28), month.StartUtc.Date);
        Assert.Equal(new DateOnly(2027, 3, 1), month.FirstDay);
        Assert.Equal(new DateOnly(2027, 4, 1), month.EndDay);
    }

    [Theory]
    [InlineData("Europe/Berlin")]
    [InlineData("Australia/Sydney")]
    public async Task A_goal_achieved_on_the_first_counts_for_that_month_east_of_UTC(string zone)
    {
        var mentor = await app.CreateUserAsync(null, canSignIn: false);
        var mentee = await app.CreateUserAsync(null, canSignIn: false);
        var mentorshipId = await app.CreateMentorshipAsync(mentor, mentee);
        await app.WithDbAsync(async db =>
        {
            var member = await db.MentorshipMembers.SingleAsync(m => m.MentorshipId == mentorshipId && m.UserId == mentee.Id);
            var march = new Goal(mentorshipId, member.Id, "Catalogue the zine collection", null, null, new DateOnly(2027, 6, 1), mentee.Id, new DateTime(2027, 1, 5, 9, 0, 0, DateTimeKind.Utc));
            march.MarkAchieved(mentee.Id, new DateOnly(2027, 3, 1), new DateTime(2027, 2, 28, 23, 30, 0, DateTimeKind.Utc));
            var february = new Goal(mentorshipId, member.Id, "Weed the reference shelf", null, null, new DateOnly(2027, 6, 1), mentee.Id, new DateTime(2027, 1, 5, 9, 0, 0, DateTimeKind.Utc));
            february.MarkAchieved(mentee.Id, new DateOnly(2027, 2, 28), new DateTime(2027, 2, 28, 8, 0, 0, DateTimeKind.Utc));
            db.Goals.AddRange(march, february);
            return await db.SaveChangesAsync();
        });
        var month = DigestMonth.Of(2027, 3, TimeZoneInfo.FindSystemTimeZoneById(zone));

        var digests = await app.RunScopedAsync<MonthlyDigests, List<OutgoingEmail>>(d => d.ComposeAsync([mentee.Id], month, CancellationToken.None));

        var text = EmailText.Render(Assert.Single(digests).Content);
        Assert.Contains("Catalogue the zine collection", text);
        Assert.DoesNotContain("Weed the reference shelf", text);
        Assert.Contains("achieved in March 2027", text);
    }

    [Fact]
    public async Task Composing_a_batch_takes_the_same_number_of_queries_for_3_people_as_for_30()
    {
        var people = new List<string>();
        for (var i = 0; i < 15; i++)
        {
            var mentor = await app.CreateUserAsync(null, canSignIn: false);
            var mentee = await app.CreateUserAsync(null, canSignIn: false);
            var mentorshipId = await app.CreateMentorshipAsync(mentor, mentee);
            await HeldMeetingAsync(mentorshipId, new DateTime(2027, 3, 10 + i, 15, 0, 0, DateTimeKind.Utc), mentor);
            people.AddRange([mentor.Id, mentee.Id]);
        }
        var month = DigestMonth.Of(2027, 3, TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles"));

        async Task<(int Queries, int Digests)> ComposeAsync(IReadOnlyList<string> ids)
        {
            var digests = 0;
            var queries = await app.Queries.MeasureAsync(() => app.RunScopedAsync<MonthlyDigests, int>(async d => digests = (await d.ComposeAsync(ids, month, CancellationToken.None)).Count));
            return (queries, digests);
        }

        var few = await ComposeAsync(people.Take(3).ToList());
        var many = await ComposeAsync(people);

        Assert.Equal((3, 30), (few.Digests, many.Digests));
        Assert.Equal(few.Queries, many.Queries);
    }

    [Fact]
    public async Task Members_of_a_mentorship_quiet_past_its_cadence_are_nudged_once_and_busy_ones_not_at_all()
    {
        var quietMentor = await app.CreateUserAsync(null, canSignIn: false);
        var quietMentee = await app.CreateUserAsync(null, canSignIn: false);
        var busyMentor = await app.CreateUserAsync(null, canSignIn: false);
        var busyMentee = await app.CreateUserAsync(null, canSignIn: false);
        var quietId = await app.CreateMentorshipAsync(quietMentor, quietMentee);
        var busyId = await app.CreateMentorshipAsync(busyMentor, busyMentee);
        await HeldMeetingAsync(quietId, new DateTime(2027, 3, 1, 16, 0, 0, DateTimeKind.Utc), quietMentor);
        await HeldMeetingAsync(busyId, new DateTime(2027, 3, 1, 16, 0, 0, DateTimeKind.Utc), busyMentor);
        await app.CreateMeetingAsync(busyId, new DateTime(2027, 4, 6, 16, 0, 0, DateTimeKind.Utc), busyMentor.Id);

        await RunJobAsync<NudgeStalledMentorshipsJob>(job => job.RunAsync(CancellationToken.None));
        await RunJobAsync<NudgeStalledMentorshipsJob>(job => job.RunAsync(CancellationToken.None));

        var nudge = Assert.Single(app.Sink.To(quietMentee.Email!));
        Assert.StartsWith("Time to catch up with", nudge.Subject);
        Assert.Contains("since 1 March 2027", nudge.TextBody);
        Assert.Contains($"https://mentorhub.test/Mentorships/{quietId}/Meetings/New", nudge.TextBody);
        Assert.Single(app.Sink.To(quietMentor.Email!));
        Assert.Empty(app.Sink.To(busyMentor.Email!));
        Assert.Empty(app.Sink.To(busyMentee.Email!));
    }
}
