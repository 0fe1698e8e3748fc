using MentorHub.Core.Data;
using MentorHub.Core.Domain;
using MentorHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace MentorHub.Tests.Data;

public class FiguresCacheTests
{
    private readonly DataVersion _version = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 30, TimeSpan.Zero));
    private int _computed;

    private Task<int> Compute() => Task.FromResult(Interlocked.Increment(ref _computed));

    [Fact]
    public async Task Figures_are_computed_once_until_the_data_version_moves()
    {
        using var cache = new FiguresCache(_version, _clock);

        Assert.Equal(1, await cache.GetAsync("program:1", Compute, default));
        Assert.Equal(1, await cache.GetAsync("program:1", Compute, default));
        Assert.Equal(2, await cache.GetAsync("program:2", Compute, default));

        _version.Advance();
        Assert.Equal(3, await cache.GetAsync("program:1", Compute, default));
    }

    [Fact]
    public async Task With_keeping_turned_off_every_request_computes_its_own_figures()
    {
        using var cache = new FiguresCache(_version, _clock, keep: false);

        Assert.Equal(1, await cache.GetAsync("program:1", Compute, default));
        Assert.Equal(2, await cache.GetAsync("program:1", Compute, default));
    }

    [Fact]
    public async Task Figures_are_computed_again_when_the_minute_of_the_apps_clock_turns()
    {
        using var cache = new FiguresCache(_version, _clock);
        Assert.Equal(1, await cache.GetAsync("home", Compute, default));

        _clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(1, await cache.GetAsync("home", Compute, default));
        _clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(2, await cache.GetAsync("home", Compute, default));
    }

    [Fact]
    public async Task Requests_arriving_during_a_computation_wait_for_it_instead_of_computing_again()
    {
        using var cache = new FiguresCache(_version, _clock);
        var release = new TaskCompletionSource<int>();
        var first = cache.GetAsync("report", () => { Interlocked.Increment(ref _computed); return release.Task; }, default);
        var second = cache.GetAsync("report", Compute, default);

        release.SetResult(42);

        Assert.Equal(42, await first);
        Assert.Equal(42, await second);
        Assert.Equal(1, _computed);
    }

    [Fact]
    public async Task Requests_arriving_while_a_computation_runs_synchronously_wait_for_it()
    {
        // As on SQLite, where a query runs inside its async call: the computation hands back its task only once done.
        using var cache = new FiguresCache(_version, _clock);
        using var running = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        Task<int> Blocking()
        {
            Interlocked.Increment(ref _computed);
            running.Set();
            release.Wait(TimeSpan.FromSeconds(10));
            return Task.FromResult(42);
        }

        var first = Task.Run(() => cache.GetAsync("report", Blocking, default));
        Assert.True(running.Wait(TimeSpan.FromSeconds(10)));
        var others = Enumerable.Range(0, 8).Select(_ => Task.Run(() => cache.GetAsync("report", Blocking, default))).ToList();
        await Task.Delay(100);
        release.Set();

        Assert.Equal(42, await first);
        Assert.All(await Task.WhenAll(others), value => Assert.Equal(42, value));
        Assert.Equal(1, _computed);
    }

    [Fact]
    public async Task A_failed_computation_is_not_kept()
    {
        using var cache = new FiguresCache(_version, _clock);

        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetAsync<int>("report", () => throw new InvalidOperationException("database gone"), default));

        Assert.Equal(1, await cache.GetAsync("report", Compute, default));
    }

    [Fact]
    public async Task A_waiter_computes_for_itself_when_the_request_that_began_the_computation_is_cancelled()
    {
        using var cache = new FiguresCache(_version, _clock);
        using var gone = new CancellationTokenSource();
        var first = cache.GetAsync("report", async () => { await Task.Delay(Timeout.Infinite, gone.Token); return 0; }, gone.Token);
        var second = cache.GetAsync("report", Compute, default);

        await gone.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.Equal(1, await second);
    }
}

/// <summary>Every kind of write through the app's context moves the data version on.</summary>
[Collection(AppCollection.Name)]
public class DataVersionTests(MentorHubAppFactory app)
{
    private long Version => app.Services.GetRequiredService<DataVersion>().Current;

    [Fact]
    public async Task A_save_a_bulk_update_and_a_committed_transaction_each_move_the_version_on()
    {
        var before = Version;
        var id = await app.WithDbAsync(async db =>
        {
            var program = new MentorshipProgram($"Versioned {Guid.NewGuid():N}"[..24], ProgramFormat.OneToOne, 14, 6, Modality.Virtual, DateTime.UtcNow);
            db.Programs.Add(program);
            await db.SaveChangesAsync();
            return program.Id;
        });
        var afterSave = Version;
        Assert.True(afterSave > before);

        await app.WithDbAsync(db => db.Programs.Where(p => p.Id == id).ExecuteUpdateAsync(p => p.SetProperty(x => x.Description, "Bulk")));
        var afterBulk = Version;
        Assert.True(afterBulk > afterSave);

        // In the provider's execution strategy, as the app runs its own transactions (PostgreSQL's retries on failure).
        await app.WithDbAsync(db => db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var program = await db.Programs.SingleAsync(p => p.Id == id);
            program.Description = "In a transaction";
            await db.SaveChangesAsync();
            var beforeCommit = Version;
            await transaction.CommitAsync();
            Assert.True(Version > beforeCommit);
            return 0;
        }));
    }

    [Fact]
    public async Task The_hourly_last_seen_stamp_of_someone_active_leaves_kept_figures_in_place_and_a_return_after_days_does_not()
    {
        var person = await app.CreateUserAsync();
        using var client = app.CreateAppClient();
        await client.SignInAsync(person.Email!);
        // To the microsecond, as PostgreSQL keeps times.
        static DateTime? Microseconds(DateTime? at) => at is { } t ? new DateTime(t.Ticks / 10 * 10, DateTimeKind.Utc) : null;
        async Task<DateTime?> LastSeen() => Microseconds(await app.WithDbAsync(db => db.Users.Where(u => u.Id == person.Id).Select(u => u.LastSeenAtUtc).SingleAsync()));
        DateTime? Now() => Microseconds(app.Clock.GetUtcNow().UtcDateTime);

        // An hour later (signed in again: the idle hour has passed), the next page stamps the visit.
        app.Clock.Advance(AppUser.LastSeenResolution + TimeSpan.FromMinutes(1));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await client.LoginAsync(person.Email!)).StatusCode);
        var before = Version;
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.Http.GetAsync("/Account/ChangePassword")).StatusCode);
        Assert.Equal(Now(), await LastSeen());
        Assert.Equal(before, Version);

        // Back after two days, the stamp may clear an "away" flag: kept figures are computed again.
        app.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await client.LoginAsync(person.Email!)).StatusCode);
        before = Version;
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.Http.GetAsync("/Account/ChangePassword")).StatusCode);
        Assert.Equal(Now(), await LastSeen());
        Assert.True(Version > before);
    }
}
