using AngleSharp.Dom;
using MentorHub.Core.Domain;
using MentorHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Tests.Pages.Home;

[Collection(AppCollection.Name)]
public class HomeTests(MentorHubAppFactory app)
{
    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(Now);

    /// <summary>A goal of the mentee's due in <paramref name="dueInDays"/>, with a milestone due a day earlier and 40% progress.</summary>
    private Task<int> GoalAsync(int mentorshipId, AppUser mentee, string title, int dueInDays) => app.WithDbAsync(async db =>
    {
        var ownerId = await db.MentorshipMembers.Where(m => m.MentorshipId == mentorshipId && m.UserId == mentee.Id).Select(m => m.Id).SingleAsync();
        var goal = new Goal(mentorshipId, ownerId, title, null, null, Today.AddDays(dueInDays), mentee.Id, Now.AddDays(-30));
        goal.AddMilestone($"First step of {title}", Today.AddDays(dueInDays - 1));
        goal.RecordProgress(40, "First draft", mentee.Id, Now.AddHours(-2));
        db.Goals.Add(goal);
        await db.SaveChangesAsync();
        return goal.Id;
    });

    private static IElement Card(Page home, int mentorshipId) => home.Document.QuerySelector($".home-card[data-mentorship='{mentorshipId}']")!;

    [Fact]
    public async Task A_mentor_sees_each_mentee_with_the_next_meeting_meetings_to_log_and_overdue_goals_and_milestones_each_linked()
    {
        var mentor = await app.CreateUserAsync("Mara Mentor");
        var theo = await app.CreateUserAsync("Theo Trainee");
        var una = await app.CreateUserAsync("Una Understudy");
        var withTheo = await app.CreateMentorshipAsync(mentor, theo);
        var withUna = await app.CreateMentorshipAsync(mentor, una);
        var toLog = await app.CreateMeetingAsync(withTheo, Now.AddDays(-1), mentor.Id);
        var next = await app.CreateMeetingAsync(withTheo, Now.AddDays(2), mentor.Id);
        var overdueGoal = await GoalAsync(withTheo, theo, "Write the preservation plan", -3);
        await GoalAsync(withUna, una, "Far-off goal", 90);
        using var client = app.CreateAppClient();
        await client.SignInAsync(mentor.Email!);

        var home = await client.GetAsync("/");

        Assert.Equal("Your mentees", home.Document.QuerySelector("#mentees-heading")!.TextContent);
        Assert.Null(home.Document.QuerySelector("#goals-heading"));
        Assert.Null(home.Document.QuerySelector("#as-mentee"));
        var theoCard = Card(home, withTheo);
        Assert.Equal("Theo Trainee", theoCard.QuerySelector("a")!.TextContent);
        var links = theoCard.QuerySelectorAll(".next-steps a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/Meetings/{next}", $"/Meetings/{toLog}/Log", $"/Goals/{overdueGoal}", $"/Goals/{overdueGoal}#milestones"], links);
        Assert.Contains("1 meeting to log", theoCard.TextContent);
        Assert.Contains("Theo Trainee's goal Write the preservation plan", System.Text.RegularExpressions.Regex.Replace(theoCard.TextContent, @"\s+", " "));
        Assert.Contains("overdue since", theoCard.TextContent);
        Assert.Contains("Latest: Theo Trainee reached 40% on “Write the preservation plan”", theoCard.TextContent);
        // Una's goal is months away and nothing is scheduled: the card says so and offers to schedule.
        var unaCard = Card(home, withUna);
        Assert.Equal([$"/Mentorships/{withUna}/Meetings/New"], unaCard.QuerySelectorAll(".next-steps a").Select(a => a.GetAttribute("href")).ToList());
    }

    [Fact]
    public async Task A_mentee_sees_their_next_meeting_goals_and_milestones_due_and_check_ins_due()
    {
        var mentor = await app.CreateUserAsync("Ben Mentor");
        var mentee = await app.CreateUserAsync("Cai Mentee");
        var mentorshipId = await app.CreateMentorshipAsync(mentor, mentee);
        var goalId = await GoalAsync(mentorshipId, mentee, "Run the circulation report", 5);
        var checkInId = await app.WithDbAsync(async db =>
        {
            var member = await db.MentorshipMembers.SingleAsync(m => m.MentorshipId == mentorshipId && m.UserId == mentee.Id);
            var checkIn = new Assessment(member.Id, AssessmentKind.Midpoint, Today.AddDays(-1));
            db.Assessments.Add(checkIn);
            await db.SaveChangesAsync();
            return checkIn.Id;
        });
        using var client = app.CreateAppClient();
        await client.SignInAsync(mentee.Email!);

        var home = await client.GetAsync("/");

        Assert.Equal("Your mentorship", home.Document.QuerySelector("#mentorships-heading")!.TextContent);
        Assert.Null(home.Document.QuerySelector("#as-mentor"));
        var card = Card(home, mentorshipId);
        Assert.Equal("Ben Mentor", card.QuerySelector("a")!.TextContent);
        Assert.Equal([$"/Mentorships/{mentorshipId}/Meetings/New", $"/Goals/{goalId}", $"/Goals/{goalId}#milestones", $"/CheckIns/{checkInId}"],
            card.QuerySelectorAll(".next-steps a").Select(a => a.GetAttribute("href")).ToList());
        Assert.Contains("Your goal", card.TextContent);
        Assert.Contains("Your midpoint check-in", System.Text.RegularExpressions.Regex.Replace(card.TextContent, @"\s+", " "));
        Assert.NotNull(home.Document.QuerySelector("#goals-heading"));
    }

    [Fact]
    public async Task Someone_who_mentors_and_is_mentored_sees_both_labelled()
    {
        var senior = await app.CreateUserAsync("Sal Senior");
        var middle = await app.CreateUserAsync("Mo Middle");
        var junior = await app.CreateUserAsync("Jo Junior");
        var mentoring = await app.CreateMentorshipAsync(middle, junior);
        var mentored = await app.CreateMentorshipAsync(senior, middle);
        using var client = app.CreateAppClient();
        await client.SignInAsync(middle.Email!);

        var home = await client.GetAsync("/");

        Assert.Equal("As a mentor: your mentees", home.Document.QuerySelector("#mentees-heading")!.TextContent);
        Assert.Equal("As a mentee: your mentorships", home.Document.QuerySelector("#mentorships-heading")!.TextContent);
        Assert.NotNull(home.Document.QuerySelector($"#as-mentor .home-card[data-mentorship='{mentoring}']"));
        Assert.NotNull(home.Document.QuerySelector($"#as-mentee .home-card[data-mentorship='{mentored}']"));
    }

    [Fact]
    public async Task The_mentor_home_runs_the_same_queries_for_one_mentee_and_for_five()
    {
        var mentor = await app.CreateUserAsync();
        using var client = app.CreateAppClient();
        await client.SignInAsync(mentor.Email!);
        async Task AddMenteeAsync()
        {
            var mentee = await app.CreateUserAsync();
            var mentorshipId = await app.CreateMentorshipAsync(mentor, mentee);
            await app.CreateMeetingAsync(mentorshipId, Now.AddDays(1), mentor.Id);
            await GoalAsync(mentorshipId, mentee, "Goal", 3);
        }

        await AddMenteeAsync();
        var one = await app.Queries.MeasureAsync(() => client.GetAsync("/"));
        for (var i = 0; i < 4; i++) await AddMenteeAsync();
        var five = await app.Queries.MeasureAsync(() => client.GetAsync("/"));

        Assert.Equal(5, (await client.GetAsync("/")).Document.QuerySelectorAll("#as-mentor .home-card").Length);
        Assert.Equal(one, five);
    }
}

[Collection(AppCollection.Name)]
public class CoordinatorHomeTests(MentorHubAppFactory app)
{
    [Fact]
    public async Task A_coordinator_sees_what_needs_attention_each_linked_to_where_it_is_done()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var programId = await app.CreateProgramAsync(coordinator.Id, name: $"Attention {Guid.NewGuid():N}"[..20]);
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var (running, ended) = await app.WithDbAsync(async db =>
        {
            var runningCohort = new Cohort(programId, "Running", today.AddDays(-80), today.AddDays(100), today.AddDays(-120), today.AddDays(-85));
            var endedCohort = new Cohort(programId, "Last year", today.AddDays(-400), today.AddDays(-30), today.AddDays(-430), today.AddDays(-405));
            db.Cohorts.AddRange(runningCohort, endedCohort);
            await db.SaveChangesAsync();
            return (runningCohort.Id, endedCohort.Id);
        });
        await app.CreatePairsAsync(running, 1);
        await app.WithDbAsync(async db =>
        {
            // The pair has gone quiet: its only meeting was long ago.
            var meeting = await db.Meetings.SingleAsync(m => m.Mentorship!.CohortId == running);
            return await db.Meetings.Where(m => m.Id == meeting.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.StartsAtUtc, m => m.StartsAtUtc.AddDays(-35)));
        });
        await app.EnrollAsync(running, (await app.CreateUserAsync("Una Unmatched", canSignIn: false)).Id, EnrollmentRole.Mentee);
        await app.WithDbAsync(async db =>
        {
            var cohort = await db.Cohorts.SingleAsync(c => c.Id == running);
            db.Enrollments.Add(Enrollment.Apply(cohort, (await app.CreateUserAsync("Ari Applicant", canSignIn: false)).Id, EnrollmentRole.Mentee, cohort.EnrollmentOpensOn, DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });
        using var client = app.CreateAppClient();
        await client.SignInAsync(coordinator.Email!);

        var home = await client.GetAsync("/");

        var links = home.Document.QuerySelectorAll("#attention a").ToDictionary(a => a.TextContent.Trim(), a => a.GetAttribute("href"));
        Assert.Equal($"/Programs/{programId}/Cohorts/{running}?show=at-risk#connections", links["1 pair at risk"]);
        Assert.Equal($"/Programs/{programId}/Cohorts/{running}?status=Applied", links["1 application waiting"]);
        Assert.Equal($"/Programs/{programId}/Cohorts/{running}/Matching", links["1 participant not matched"]);
        Assert.Equal($"/Programs/{programId}/Cohorts/{ended}/Complete", Assert.Single(links, l => l.Key.StartsWith("ended on", StringComparison.Ordinal)).Value);
        Assert.Null(home.Document.QuerySelector("#meetings-heading"));
    }

    [Fact]
    public async Task A_coordinator_with_nothing_waiting_is_told_so()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        await app.CreateProgramAsync(coordinator.Id);
        using var client = app.CreateAppClient();
        await client.SignInAsync(coordinator.Email!);

        var home = await client.GetAsync("/");

        Assert.Contains("Nothing needs your attention", home.Document.QuerySelector("#attention")!.TextContent);
    }

    [Fact]
    public async Task The_coordinator_home_runs_the_same_queries_for_one_program_and_for_five()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        using var client = app.CreateAppClient();
        await client.SignInAsync(coordinator.Email!);
        async Task AddProgramAsync()
        {
            var programId = await app.CreateProgramAsync(coordinator.Id);
            var cohortId = await app.CreateCohortAsync(programId, opensInDays: -100, closesInDays: -80);
            await app.CreatePairsAsync(cohortId, 3);
            await app.EnrollAsync(cohortId, (await app.CreateUserAsync(null, canSignIn: false)).Id, EnrollmentRole.Mentee);
        }

        await AddProgramAsync();
        var one = await app.Queries.MeasureAsync(() => client.GetAsync("/"));
        for (var i = 0; i < 4; i++) await AddProgramAsync();
        var five = await app.Queries.MeasureAsync(() => client.GetAsync("/"));

        Assert.Equal(one, five);
    }
}

[Collection(AppCollection.Name)]
public class AdministratorHomeTests(MentorHubAppFactory app)
{
    private static int Figure(Page home, string label) => int.Parse(
        home.Document.QuerySelectorAll("[aria-labelledby='site-heading'] .card").Single(c => c.QuerySelector(".stat-label")!.TextContent == label)
            .QuerySelector(".stat")!.TextContent, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_administrator_sees_the_site_figures_and_they_are_counted_again_after_a_change()
    {
        var admin = await app.CreateUserAsync(null, Roles.Administrator);
        using var client = app.CreateAppClient();
        await client.SignInAsync(admin.Email!);

        var before = await client.GetAsync("/");
        Assert.Equal(await app.WithDbAsync(db => db.Users.CountAsync()), Figure(before, "people"));
        Assert.Equal(await app.WithDbAsync(db => db.Programs.CountAsync(p => p.Status == ProgramStatus.Active)), Figure(before, "active programs"));
        // Shown again without a change, then after one: the kept figures go with the write.
        Assert.Equal(Figure(before, "people"), Figure(await client.GetAsync("/"), "people"));
        await app.CreateUserAsync(null, canSignIn: false);

        var after = await client.GetAsync("/");

        Assert.Equal(Figure(before, "people") + 1, Figure(after, "people"));
    }
}
