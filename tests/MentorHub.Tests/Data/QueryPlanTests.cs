using System.Net;
using MentorHub.Core.Domain;
using MentorHub.Tests.Infrastructure;

namespace MentorHub.Tests.Data;

/// <summary>
/// The plans SQLite makes for queries every page or a busy page sends, read with <c>EXPLAIN QUERY PLAN</c>: each must
/// reach its rows by index from the person or the cohorts in view, never read a whole table. On a SQLite host whatever
/// provider the rest of the suite runs on.
/// </summary>
public sealed class QueryPlanTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    [Fact]
    public async Task The_unread_count_on_every_page_reads_the_persons_conversations_by_index_never_every_message()
    {
        var mentor = await app.CreateUserAsync();
        var mentee = await app.CreateUserAsync();
        var mentorshipId = await app.CreateMentorshipAsync(mentor, mentee, running: true);
        using var client = app.CreateAppClient();
        await client.SignInAsync(mentee.Email!);
        await app.WithDbAsync(async db =>
        {
            db.Messages.Add(new Message(mentorshipId, mentor.Id, "Welcome aboard", app.Clock.GetUtcNow().UtcDateTime));
            return await db.SaveChangesAsync();
        });

        var queries = await app.Queries.RecordAsync(async () => Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/Account/ChangePassword")).StatusCode));
        var unread = Assert.Single(queries, q => q.Contains("\"Messages\"", StringComparison.Ordinal));

        var plan = await QueryPlan.ExplainAsync(app, unread, mentee.Id);

        Assert.Contains(plan, line => line.Contains("USING INDEX IX_MentorshipMembers_UserId", StringComparison.Ordinal));
        Assert.Contains(plan, line => line.Contains("IX_Messages_MentorshipId_Id", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, line => line.StartsWith("SCAN", StringComparison.Ordinal));
        Assert.Equal("Messages 1 unread", Pages.Mentorships.MessagesTests.NavMessages(await client.GetAsync("/Account/ChangePassword")));
    }

    [Fact]
    public async Task The_attention_counts_reach_enrollments_through_the_open_cohorts_never_every_enrollment()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var programId = await app.CreateProgramAsync(coordinator.Id);
        var cohortId = await app.CreateCohortAsync(programId);
        await app.EnrollAsync(cohortId, (await app.CreateUserAsync("Una Unmatched", canSignIn: false)).Id, EnrollmentRole.Mentee);
        using var client = app.CreateAppClient();

        // Signing in lands on the home page, which computes the attention list (kept afterwards).
        var queries = await app.Queries.RecordAsync(async () =>
        {
            await client.SignInAsync(coordinator.Email!);
            Assert.Contains("1 participant not matched", (await client.GetAsync("/")).Document.QuerySelector("#attention")!.TextContent);
        });
        var counts = Assert.Single(queries, q => q.Contains("AS \"Unmatched\"", StringComparison.Ordinal));
        var plan = await QueryPlan.ExplainAsync(app, counts);

        // The rows counted come from the open cohorts by index; as a condition on each row it was "SCAN e".
        Assert.Contains(plan, line => line.StartsWith("SEARCH e USING COVERING INDEX IX_Enrollments_CohortId_Status (CohortId=?)", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, line => line.StartsWith("SCAN", StringComparison.Ordinal) && !line.Contains("VIRTUAL TABLE", StringComparison.Ordinal));
    }
}
