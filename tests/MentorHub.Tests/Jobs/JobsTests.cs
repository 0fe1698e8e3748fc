using System.Net;
using MentorHub.Core.Data;
using MentorHub.Core.Domain;
using MentorHub.Tests.Infrastructure;
using MentorHub.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MentorHub.Tests.Jobs;

[Collection(AppCollection.Name)]
public class JobsTests(MentorHubAppFactory app)
{
    [Fact]
    public async Task The_job_dashboard_is_for_administrators_and_is_404_for_everyone_else()
    {
        var admin = await app.CreateUserAsync(null, Roles.Administrator);
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var member = await app.CreateUserAsync();
        using var anonymous = app.CreateAppClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.Http.GetAsync("/jobs")).StatusCode);

        foreach (var person in new[] { coordinator, member })
        {
            using var client = app.CreateAppClient();
            await client.SignInAsync(person.Email!);
            Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync("/jobs")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync("/jobs/recurring")).StatusCode);
        }

        using var adminClient = app.CreateAppClient();
        await adminClient.SignInAsync(admin.Email!);
        var dashboard = await adminClient.Http.GetAsync("/jobs/recurring");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        var html = await dashboard.Content.ReadAsStringAsync();
        Assert.Contains(RecurringJobs.DeliverNotifications, html);
        Assert.Contains("<html lang=\"en\"", html);
    }

    [Fact]
    public async Task The_delivery_job_sends_pending_notifications_through_the_configured_sender()
    {
        var key = $"test:{Guid.NewGuid():N}";
        var email = $"{Guid.NewGuid():N}@test.mentorhub.local";
        await app.WithDbAsync(async db =>
        {
            db.Notifications.Add(new Notification(key, "test", null, email, "From the outbox", "<p>Hi</p>", "Hi", app.Clock.GetUtcNow().UtcDateTime));
            return await db.SaveChangesAsync();
        });

        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DeliverNotificationsJob>().RunAsync(CancellationToken.None);

        Assert.Equal("From the outbox", (await Mailbox.LatestToAsync(app, email)).Subject);
    }

    [Fact]
    public async Task The_planner_statistics_job_gathers_statistics_on_sqlite_and_leaves_other_databases_to_their_own()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var cohortId = await app.CreateCohortAsync(await app.CreateProgramAsync(coordinator.Id));
        await app.EnrollAsync(cohortId, (await app.CreateUserAsync()).Id, EnrollmentRole.Mentee);
        var sqlite = await app.WithDbAsync(db => Task.FromResult(db.Database.ProviderName == QueryPlannerStatistics.SqliteProviderName));
        if (sqlite)
        {
            // Statistics as if the table had never been analysed.
            await app.WithDbAsync(async db =>
            {
                var gathered = await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE name = 'sqlite_stat1'").SingleAsync();
                return gathered == 0 ? 0 : await db.Database.ExecuteSqlRawAsync("DELETE FROM sqlite_stat1 WHERE tbl = 'Enrollments';");
            });
        }

        // Elsewhere the job runs and does nothing (SQL Server and PostgreSQL gather their own statistics).
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<RefreshPlannerStatisticsJob>().RunAsync(CancellationToken.None);

        if (sqlite)
        {
            var analysed = await app.WithDbAsync(db => db.Database
                .SqlQueryRaw<string>("SELECT idx AS \"Value\" FROM sqlite_stat1 WHERE tbl = 'Enrollments'").ToListAsync());
            Assert.Contains("IX_Enrollments_CohortId_Status", analysed);
        }
    }
}
