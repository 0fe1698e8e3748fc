using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.Filters;

namespace MentorHub.Web.Filters;

/// <summary>
/// Stamps <see cref="AppUser.LastSeenAtUtc"/> when a signed-in person opens any page, at most once an hour per person
/// and server: one small UPDATE, never a load of the user, so it costs the page nothing and cannot collide with the
/// person's own edits to their account. Runs for every page, so a new page cannot forget it. The hourly stamp of someone
/// active leaves kept figures in place (<see cref="DataVersion.Bookkeeping"/>).
/// </summary>
public sealed class LastSeenFilter(MentorHubDbContext db, LastSeenStamps stamps, TimeProvider clock) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId && stamps.Due(userId, clock.GetUtcNow().UtcDateTime) is { } stamp)
        {
            // Someone this server saw within the day changes no figure by coming back (being away counts in weeks), so
            // kept figures stay; a return after longer may clear an "away" flag, so they are computed again.
            using (stamp.SeenWithinADay ? DataVersion.Bookkeeping() : default)
                await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.LastSeenAtUtc, stamp.AtUtc), http.RequestAborted);
        }
        await next();
    }
}

/// <summary>When this server last stamped each person, so a busy person costs one UPDATE an hour.</summary>
public sealed class LastSeenStamps
{
    private readonly ConcurrentDictionary<string, DateTime> _stamped = new(StringComparer.Ordinal);

    /// <summary>A stamp to write, and whether this server stamped the person within the day before it.</summary>
    public readonly record struct Stamp(DateTime AtUtc, bool SeenWithinADay);

    /// <returns>The stamp to write, or null when this person was stamped within <see cref="AppUser.LastSeenResolution"/>.</returns>
    public Stamp? Due(string userId, DateTime nowUtc)
    {
        var last = _stamped.GetValueOrDefault(userId);
        if (nowUtc - last < AppUser.LastSeenResolution && nowUtc >= last) return null;
        _stamped[userId] = nowUtc;
        return new Stamp(nowUtc, last != default && nowUtc >= last && nowUtc - last < TimeSpan.FromDays(1));
    }
}
