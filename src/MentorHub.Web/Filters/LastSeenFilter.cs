using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.Filters;

namespace MentorHub.Web.Filters;

/// <summary>
/// Stamps <see cref="AppUser.LastSeenAtUtc"/> when a signed-in person opens any page, at most once an hour per person
/// and server: one small UPDATE, never a load of the user, so it costs the page nothing and cannot collide with the
/// person's own edits to their account. Runs for every page, so a new page cannot forget it.
/// </summary>
public sealed class LastSeenFilter(MentorHubDbContext db, LastSeenStamps stamps, TimeProvider clock) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId && stamps.Due(userId, clock.GetUtcNow().UtcDateTime) is { } now)
            await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.LastSeenAtUtc, now), http.RequestAborted);
        await next();
    }
}

/// <summary>When this server last stamped each person, so a busy person costs one UPDATE an hour.</summary>
public sealed class LastSeenStamps
{
    private readonly ConcurrentDictionary<string, DateTime> _stamped = new(StringComparer.Ordinal);

    /// <returns>The time to stamp, or null when this person was stamped within <see cref="AppUser.LastSeenResolution"/>.</returns>
    public DateTime? Due(string userId, DateTime nowUtc)
    {
        var last = _stamped.GetValueOrDefault(userId);
        if (nowUtc - last < AppUser.LastSeenResolution && nowUtc >= last) return null;
        _stamped[userId] = nowUtc;
        return nowUtc;
    }
}
