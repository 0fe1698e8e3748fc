using Microsoft.AspNetCore.Mvc.Filters;

namespace MentorHub.Web.Filters;

/// <summary>
/// What a handler does not catch itself: a save that lost a race with someone else's
/// (<see cref="DbUpdateConcurrencyException"/>) and a change the domain refuses (<see cref="DomainException"/>) come back
/// as a message on the same page, never as a server error. Forms that keep what was typed catch these themselves.
/// </summary>
public sealed class ConflictFilter(ILogger<ConflictFilter> logger) : IAsyncPageFilter
{
    public const string ConflictMessage = "Someone else changed this a moment ago, so nothing was saved. Check what it says now and try again.";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        // A DbUpdateException here is a database rule (a unique index such as one running mentorship per mentee) that a
        // concurrent change broke first: the same conflict from the person's point of view.
        if (executed.ExceptionHandled || executed.Exception is not (DbUpdateException or DomainException) || executed.HandlerInstance is not PageModel page) return;
        var http = context.HttpContext;
        if (executed.Exception is DomainException or DbUpdateConcurrencyException)
            logger.LogInformation("{Method} {Path} refused: {Reason}", http.Request.Method, http.Request.Path.Value,
                executed.Exception is DomainException ? executed.Exception.Message : "a concurrent change");
        else
            // A broken database rule is expected from a race, but could also be a bug: keep the whole exception.
            logger.LogWarning(executed.Exception, "{Method} {Path} refused by a database rule", http.Request.Method, http.Request.Path.Value);
        page.TempData[Flash.ErrorKey] = executed.Exception is DomainException domain ? domain.Message : ConflictMessage;
        executed.ExceptionHandled = true;
        // Back to the page as it is now (without the handler), so the person sees the other change.
        executed.Result = new RedirectResult(http.Request.Path + RemoveHandler(http.Request.QueryString.Value));
    }

    private static string RemoveHandler(string? query)
    {
        if (string.IsNullOrEmpty(query)) return "";
        var kept = query.TrimStart('?').Split('&').Where(p => !p.StartsWith("handler=", StringComparison.OrdinalIgnoreCase)).ToList();
        return kept.Count == 0 ? "" : "?" + string.Join('&', kept);
    }
}
