using System.Net;
using Hangfire;
using MentorHub.Core.Domain;
using MentorHub.Core.Notifications;
using MentorHub.Tests.Infrastructure;
using MentorHub.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace MentorHub.Tests.Deployment;

/// <summary>
/// One deployment of two app servers: two real MentorHub processes (Kestrel on their own ports, each with its own
/// Hangfire server) on one PostgreSQL database, mail going to an SMTP server on loopback. The test process writes
/// data through an app host of its own on the same database (its job server off).
/// </summary>
public sealed class TwoServers : IAsyncLifetime
{
    public PostgresAppFactory Data { get; } = new();

    public SmtpSink Sink { get; } = new();

    public AppServerProcess A { get; private set; } = null!;

    public AppServerProcess B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _ = Data.Services; // migrates the database before either server starts
        await Sink.StartAsync();
        var servers = await Task.WhenAll(
            AppServerProcess.StartAsync("server-a", Data.Database, Sink.Port),
            AppServerProcess.StartAsync("server-b", Data.Database, Sink.Port));
        (A, B) = (servers[0], servers[1]);
    }

    public async Task DisposeAsync()
    {
        if (A is not null) await A.DisposeAsync();
        if (B is not null) await B.DisposeAsync();
        await Sink.DisposeAsync();
        await Data.DisposeAsync();
    }
}

public class TwoServersTests(TwoServers servers) : IClassFixture<TwoServers>
{
    private PostgresAppFactory Data => servers.Data;

    [Fact]
    public async Task A_sign_in_on_one_server_is_valid_on_the_other()
    {
        var person = await Data.CreateUserAsync("Rosa Ibarra");
        var cookies = new CookieContainer();
        using var onA = servers.A.CreateClient(cookies);
        using var onB = servers.B.CreateClient(cookies);
        using var stranger = servers.B.CreateClient();

        await onA.SignInAsync(person.Email!);
        var home = await onB.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Contains("Rosa Ibarra", home.Text);
        Assert.Equal(HttpStatusCode.Redirect, (await stranger.Http.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_conflicting_edit_made_on_both_servers_is_refused_on_the_second()
    {
        var coordinator = await Data.CreateUserAsync(null, Roles.Coordinator);
        var programId = await Data.CreateProgramAsync(coordinator.Id);
        using var onA = servers.A.CreateClient();
        using var onB = servers.B.CreateClient();
        await onA.SignInAsync(coordinator.Email!);
        await onB.SignInAsync(coordinator.Email!);
        var formOnA = await onA.GetAsync($"/Programs/{programId}/Edit");
        var formOnB = await onB.GetAsync($"/Programs/{programId}/Edit");

        var first = await onA.SubmitAsync(formOnA, new Dictionary<string, string> { ["Input.Description"] = "Saved on server A" });
        var second = await onB.FollowAsync(await onB.SubmitAsync(formOnB, new Dictionary<string, string> { ["Input.Description"] = "Saved on server B" }));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Contains(second.Errors, e => e.Contains("Someone else saved this program", StringComparison.Ordinal));
        Assert.Equal("Saved on server A", await Data.WithDbAsync(db => db.Programs.Where(p => p.Id == programId).Select(p => p.Description).SingleAsync()));
    }

    [Fact]
    public async Task Reminders_and_digests_due_while_both_run_are_sent_exactly_once()
    {
        var coordinator = await Data.CreateUserAsync("Dana Coordinator", canSignIn: false, Roles.Coordinator);
        var mentor = await Data.CreateUserAsync("Luis Mentor", canSignIn: false);
        var mentee = await Data.CreateUserAsync("Anke Mentee", canSignIn: false);
        var mentorshipId = await Data.CreateMentorshipAsync(mentor, mentee, coordinator.Id, running: true);
        await Data.CreateMeetingAsync(mentorshipId, DateTime.UtcNow.AddMinutes(30), mentor.Id);
        await Data.CreateGoalAsync(mentorshipId, mentee.Id, "Catalogue in the new ILS", DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-3)));
        string[] people = [coordinator.Id, mentor.Id, mentee.Id];

        // Each job fires twice at once, as two servers' schedules would: the runs land on either server's workers.
        var jobs = Data.Services.GetRequiredService<IRecurringJobManager>();
        foreach (var job in new[] { RecurringJobs.SendDueReminders, RecurringJobs.MonthlyDigests, RecurringJobs.SendDueReminders, RecurringJobs.MonthlyDigests })
            jobs.Trigger(job);

        var sent = await WaitForAsync(async () =>
        {
            var outbox = await Data.WithDbAsync(db => db.Notifications.Where(n => people.Contains(n.RecipientUserId!)).ToListAsync());
            return outbox.Count >= 5 && outbox.All(n => n.Status == NotificationStatus.Sent) ? outbox : null;
        }, "the reminders and digests to be sent");
        await Task.Delay(TimeSpan.FromSeconds(3)); // room for a second copy, if anything were to send one

        Assert.Equal(2, sent.Count(n => n.Kind == NotificationKind.MeetingReminder));
        Assert.Equal(3, sent.Count(n => n.Kind == NotificationKind.MonthlyDigest));
        AssertEachSentOnce(servers.Sink.Received, sent, [coordinator.Email!, mentor.Email!, mentee.Email!]);
    }

    [Fact]
    public async Task Killing_a_server_during_a_delivery_loses_no_message_and_sends_none_twice()
    {
        // A deployment of its own: one of its servers is killed. Each server has a mail relay of its own here, so the
        // test knows which one was sending; a claim lapses after 10 s instead of 5 minutes.
        await using var data = new PostgresAppFactory();
        _ = data.Services;
        await using var relayA = new SmtpSink();
        await using var relayB = new SmtpSink();
        await relayA.StartAsync();
        await relayB.StartAsync();
        (string, string) lease = ("Notifications__DeliveryLeaseSeconds", "10");
        await using var a = await AppServerProcess.StartAsync("kill-a", data.Database, relayA.Port, lease);
        await using var b = await AppServerProcess.StartAsync("kill-b", data.Database, relayB.Port, lease);
        var killed = new TaskCompletionSource<AppServerProcess>(TaskCreationOptions.RunContinuationsAsynchronously);
        var recipients = 0;
        Func<Task> KillOnFourth(AppServerProcess server) => async () =>
        {
            if (Interlocked.Increment(ref recipients) != 4) return;
            // The fourth message is begun but never handed over: its server dies while naming the recipient.
            await server.KillAsync();
            killed.SetResult(server);
        };
        relayA.OnRecipient = KillOnFourth(a);
        relayB.OnRecipient = KillOnFourth(b);
        var keys = await data.EnqueueTestMailAsync(12);
        var jobs = data.Services.GetRequiredService<IRecurringJobManager>();
        jobs.Trigger(RecurringJobs.DeliverNotifications);

        var victim = await killed.Task.WaitAsync(TimeSpan.FromSeconds(90));
        var survivorRelay = victim == a ? relayB : relayA;
        var victimRelay = victim == a ? relayA : relayB;
        var sent = await WaitForAsync(async () =>
        {
            jobs.Trigger(RecurringJobs.DeliverNotifications);
            var outbox = await data.WithDbAsync(db => db.Notifications.Where(n => keys.Contains(n.DedupeKey)).ToListAsync());
            return outbox.All(n => n.Status == NotificationStatus.Sent) ? outbox : null;
        }, "the survivor to send what the killed server had claimed");
        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.True(victim.HasExited);
        Assert.Equal(3, victimRelay.Received.Count);
        Assert.Equal(9, survivorRelay.Received.Count);
        AssertEachSentOnce([.. victimRelay.Received, .. survivorRelay.Received], sent, sent.Select(n => n.RecipientEmail).ToList());
    }

    /// <summary>Every notification reached its recipient once, and nothing else reached these recipients.</summary>
    private static void AssertEachSentOnce(IEnumerable<MimeMessage> received, IReadOnlyList<Notification> sent, IReadOnlyList<string> recipients)
    {
        var messages = received
            .Select(m => (To: m.To.Mailboxes.Single().Address, m.Subject))
            .Where(m => recipients.Contains(m.To, StringComparer.OrdinalIgnoreCase))
            .ToList();
        foreach (var notification in sent)
            Assert.Single(messages, m => string.Equals(m.To, notification.RecipientEmail, StringComparison.OrdinalIgnoreCase) && m.Subject == notification.Subject);
        Assert.Equal(sent.Count, messages.Count);
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, string what) where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } done) return done;
            await Task.Delay(500);
        }
        throw new TimeoutException($"Waited 90 s for {what}.");
    }
}
