using System.Net;
using MentorHub.Core.Domain;
using MentorHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Tests.Pages.Goals;

[Collection(AppCollection.Name)]
public class GoalsTests(MentorHubAppFactory app)
{
    private async Task<(AppUser Mentor, AppUser Mentee, int MentorshipId)> PairAsync()
    {
        var mentor = await app.CreateUserAsync("Gail Guide");
        var mentee = await app.CreateUserAsync("Gus Learner");
        return (mentor, mentee, await app.CreateMentorshipAsync(mentor, mentee));
    }

    private string Future(int days) => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_mentee_creates_a_goal_adds_a_milestone_and_records_progress()
    {
        var (_, mentee, mentorshipId) = await PairAsync();
        using var client = app.CreateAppClient();
        await client.SignInAsync(mentee.Email!);

        var created = await client.SubmitAsync($"/Mentorships/{mentorshipId}/Goals/New", new Dictionary<string, string>
        {
            ["Input.Title"] = "Run the circulation report unaided",
            ["Input.TargetDate"] = Future(60),
        });
        var goalPage = await client.FollowAsync(created);
        Assert.Contains("Run the circulation report unaided", goalPage.Text);
        await client.SubmitAsync(goalPage, new Dictionary<string, string> { ["title"] = "Shadow a colleague", ["dueOn"] = Future(10) }, "#milestone-form");
        var afterMilestone = await client.GetAsync(goalPage.Response.RequestMessage!.RequestUri!.PathAndQuery);
        await client.SubmitAsync(afterMilestone, new Dictionary<string, string> { ["percent"] = "40", ["note"] = "Ran it with help" }, "#progress-form");

        var goal = await app.WithDbAsync(db => db.Goals.Include(g => g.Milestones).Include(g => g.Updates).SingleAsync(g => g.MentorshipId == mentorshipId));
        Assert.Equal((GoalStatus.InProgress, 40), (goal.Status, goal.ProgressPercent));
        Assert.Equal("Shadow a colleague", Assert.Single(goal.Milestones).Title);
        Assert.Equal("Ran it with help", Assert.Single(goal.Updates).Text);
    }

    [Fact]
    public async Task A_goal_without_a_title_or_with_a_past_date_re_renders_with_messages()
    {
        var (_, mentee, mentorshipId) = await PairAsync();
        using var client = app.CreateAppClient();
        await client.SignInAsync(mentee.Email!);

        var page = await client.FollowAsync(await client.SubmitAsync($"/Mentorships/{mentorshipId}/Goals/New", new Dictionary<string, string>
        {
            ["Input.Title"] = "",
            ["Input.Description"] = "Kept",
            ["Input.TargetDate"] = Future(-3),
        }));

        Assert.Contains("Say what the goal is.", page.Errors);
        Assert.Contains("The target date cannot be in the past.", page.Errors);
        Assert.Equal("Kept", page.Document.QuerySelector("textarea[name='Input.Description']")!.TextContent);
    }

    [Fact]
    public async Task Progress_recorded_on_a_stale_page_is_refused_with_what_changed()
    {
        var (mentor, mentee, mentorshipId) = await PairAsync();
        var goalId = await app.WithDbAsync(async db =>
        {
            var ownerId = await db.MentorshipMembers.Where(m => m.MentorshipId == mentorshipId && m.Role == MemberRole.Mentee).Select(m => m.Id).SingleAsync();
            var goal = new Goal(mentorshipId, ownerId, "Catalogue 50 records", null, null, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30), mentee.Id, DateTime.UtcNow);
            db.Goals.Add(goal);
            await db.SaveChangesAsync();
            return goal.Id;
        });
        using var menteeClient = app.CreateAppClient();
        using var mentorClient = app.CreateAppClient();
        await menteeClient.SignInAsync(mentee.Email!);
        await mentorClient.SignInAsync(mentor.Email!);
        var menteeView = await menteeClient.GetAsync($"/Goals/{goalId}");
        var mentorView = await mentorClient.GetAsync($"/Goals/{goalId}");

        await menteeClient.SubmitAsync(menteeView, new Dictionary<string, string> { ["percent"] = "60" }, "#progress-form");
        var stale = await mentorClient.FollowAsync(await mentorClient.SubmitAsync(mentorView, new Dictionary<string, string> { ["percent"] = "20" }, "#progress-form"));

        Assert.Contains("Someone else updated this goal", stale.Text);
        Assert.Contains("at 60%", stale.Text);
        Assert.Equal(60, await app.WithDbAsync(db => db.Goals.Where(g => g.Id == goalId).Select(g => g.ProgressPercent).SingleAsync()));
    }

    [Fact]
    public async Task The_second_of_two_concurrent_goal_edits_sees_a_conflict_with_the_others_change()
    {
        var (mentor, mentee, mentorshipId) = await PairAsync();
        var goalId = await app.WithDbAsync(async db =>
        {
            var ownerId = await db.MentorshipMembers.Where(m => m.MentorshipId == mentorshipId && m.Role == MemberRole.Mentee).Select(m => m.Id).SingleAsync();
            var goal = new Goal(mentorshipId, ownerId, "Original title", null, null, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30), mentee.Id, DateTime.UtcNow);
            db.Goals.Add(goal);
            await db.SaveChangesAsync();
            return goal.Id;
        });
        using var first = app.CreateAppClient();
        using var second = app.CreateAppClient();
        await first.SignInAsync(mentee.Email!);
        await second.SignInAsync(mentor.Email!);
        var firstForm = await first.GetAsync($"/Goals/{goalId}/Edit");
        var secondForm = await second.GetAsync($"/Goals/{goalId}/Edit");

        await first.SubmitAsync(firstForm, new Dictionary<string, string> { ["Input.Title"] = "Mentee's title" });
        var conflict = await second.FollowAsync(await second.SubmitAsync(secondForm, new Dictionary<string, string> { ["Input.Title"] = "Mentor's title" }));

        Assert.Contains(conflict.Errors, e => e.Contains("Someone else changed this goal", StringComparison.Ordinal));
        Assert.Contains("Mentee's title", conflict.Document.QuerySelector("#their-version")!.TextContent);
        Assert.Equal("Mentor's title", conflict.InputValue("Input.Title"));
        Assert.Equal("Mentee's title", await app.WithDbAsync(db => db.Goals.Where(g => g.Id == goalId).Select(g => g.Title).SingleAsync()));
    }

    [Fact]
    public async Task An_outsider_gets_404_for_another_mentorships_goal()
    {
        var (_, mentee, mentorshipId) = await PairAsync();
        var goalId = await app.WithDbAsync(async db =>
        {
            var ownerId = await db.MentorshipMembers.Where(m => m.MentorshipId == mentorshipId && m.Role == MemberRole.Mentee).Select(m => m.Id).SingleAsync();
            var goal = new Goal(mentorshipId, ownerId, "Private goal", null, null, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30), mentee.Id, DateTime.UtcNow);
            db.Goals.Add(goal);
            await db.SaveChangesAsync();
            return goal.Id;
        });
        var outsider = await app.CreateUserAsync();
        using var client = app.CreateAppClient();
        await client.SignInAsync(outsider.Email!);

        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/Goals/{goalId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/Goals/{goalId}/Edit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/Mentorships/{mentorshipId}/Goals/New")).StatusCode);
    }

    [Fact]
    public async Task The_mentorship_page_runs_the_same_number_of_queries_with_5_or_200_meetings_and_goals()
    {
        async Task<int> MeasureAsync(int count)
        {
            var (mentor, mentee, mentorshipId) = await PairAsync();
            await app.WithDbAsync(async db =>
            {
                var ownerId = await db.MentorshipMembers.Where(m => m.MentorshipId == mentorshipId && m.Role == MemberRole.Mentee).Select(m => m.Id).SingleAsync();
                var start = DateTime.UtcNow.AddDays(-count - 5);
                for (var i = 0; i < count; i++)
                {
                    var meeting = new Meeting(mentorshipId, start.AddDays(i), 30, Modality.Virtual, null, "https://x.example.org", null, mentor.Id);
                    if (i % 2 == 0) meeting.LogAsHeld("notes", [mentor.Id, mentee.Id], [], mentor.Id, DateTime.UtcNow);
                    db.Meetings.Add(meeting);
                    var goal = new Goal(mentorshipId, ownerId, $"Goal {i}", null, null, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30), mentee.Id, DateTime.UtcNow);
                    goal.AddMilestone("Step", DateOnly.FromDateTime(DateTime.UtcNow));
                    goal.RecordProgress(10, "start", mentee.Id, DateTime.UtcNow);
                    db.Goals.Add(goal);
                }
                return await db.SaveChangesAsync();
            });
            using var client = app.CreateAppClient();
            await client.SignInAsync(mentee.Email!);
            return await app.Queries.MeasureAsync(async () => Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Mentorships/{mentorshipId}")).Status));
        }

        var few = await MeasureAsync(5);
        var many = await MeasureAsync(200);

        Assert.True(few > 0);
        Assert.Equal(few, many);
    }

    [Fact]
    public async Task The_goal_page_runs_the_same_number_of_queries_with_2_or_80_milestones_and_updates()
    {
        async Task<int> MeasureAsync(int count)
        {
            var (mentor, mentee, mentorshipId) = await PairAsync();
            var goalId = await app.WithDbAsync(async db =>
            {
                var ownerId = await db.MentorshipMembers.Where(m => m.MentorshipId == mentorshipId && m.Role == MemberRole.Mentee).Select(m => m.Id).SingleAsync();
                var goal = new Goal(mentorshipId, ownerId, "Catalogue with AI", null, null, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30), mentee.Id, DateTime.UtcNow.AddDays(-count));
                for (var i = 0; i < count; i++)
                {
                    goal.AddMilestone($"Step {i}", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(i - count / 2));
                    goal.RecordProgress(Math.Min(90, i), $"Progress {i}", mentee.Id, DateTime.UtcNow.AddDays(i - count));
                    goal.Comment($"Comment {i}", mentor.Id, DateTime.UtcNow.AddDays(i - count));
                }
                db.Goals.Add(goal);
                await db.SaveChangesAsync();
                return goal.Id;
            });
            using var client = app.CreateAppClient();
            await client.SignInAsync(mentor.Email!);
            return await app.Queries.MeasureAsync(async () => Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Goals/{goalId}")).Status));
        }

        var few = await MeasureAsync(2);
        var many = await MeasureAsync(80);

        Assert.True(few > 0);
        Assert.Equal(few, many);
    }
}

[Collection(AppCollection.Name)]
public class GoalRulesTests(MentorHubAppFactory app)
{
    [Fact]
    public async Task A_milestone_after_the_target_date_asks_first_and_achieving_with_open_milestones_asks_then_closes_them()
    {
        var mentor = await app.CreateUserAsync();
        var mentee = await app.CreateUserAsync();
        var mentorshipId = await app.CreateMentorshipAsync(mentor, mentee);
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        string Date(int days) => today.AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var client = app.CreateAppClient();
        await client.SignInAsync(mentee.Email!);
        var created = await client.SubmitAsync($"/Mentorships/{mentorshipId}/Goals/New", new Dictionary<string, string> { ["Input.Title"] = "Migrate the serials", ["Input.TargetDate"] = Date(30) });
        var goalId = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        Task<int> MilestonesAsync() => app.WithDbAsync(db => db.Milestones.CountAsync(m => m.GoalId == goalId));

        var asked = await client.FollowAsync(await client.SubmitAsync($"/Goals/{goalId}", new Dictionary<string, string> { ["title"] = "Train the branch", ["dueOn"] = Date(45) }, "#milestone-form"));
        Assert.Contains("after the goal's target date", asked.Document.QuerySelector("#milestone-confirm")!.TextContent);
        Assert.Equal("Train the branch", asked.InputValue("title"));
        Assert.Equal(0, await MilestonesAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(asked, new Dictionary<string, string>(), "#milestone-confirm form")).StatusCode);
        Assert.Equal(1, await MilestonesAsync());

        // Within the goal's dates, no question is asked.
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync($"/Goals/{goalId}", new Dictionary<string, string> { ["title"] = "Draft the plan", ["dueOn"] = Date(10) }, "#milestone-form")).StatusCode);

        var confirm = await client.FollowAsync(await client.SubmitAsync($"/Goals/{goalId}", new Dictionary<string, string>(), "#achieve-form"));
        Assert.Contains("2 milestones are still open", confirm.Document.QuerySelector("#achieve-confirm")!.TextContent);
        Assert.Equal(GoalStatus.NotStarted, await app.WithDbAsync(db => db.Goals.Where(g => g.Id == goalId).Select(g => g.Status).SingleAsync()));
        var achieved = await client.FollowAsync(await client.SubmitAsync(confirm, new Dictionary<string, string>(), "#achieve-form"));
        Assert.Contains("its 2 open milestones marked done with it", achieved.Text);
        Assert.Equal(0, await app.WithDbAsync(db => db.Milestones.CountAsync(m => m.GoalId == goalId && m.CompletedAtUtc == null)));
    }
}
