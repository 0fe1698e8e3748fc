using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;

namespace MentorHub.Web.Filters;

/// <summary>
/// Logs, as structured events, every request a page refused: a 404 from a resource check (MentorHub answers "not
/// found" for what is not the person's, so this is where refused resource authorizations show) and every failed
/// antiforgery check. Runs for every page, so a new page cannot forget it.
/// </summary>
public sealed class SecurityEventsFilter(ILogger<SecurityEventsFilter> logger) : IAsyncAlwaysRunResultFilter
{
    public Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        var http = context.HttpContext;
        var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous";
        switch (context.Result)
        {
            case IAntiforgeryValidationFailedResult:
                logger.LogWarning("Antiforgery check failed: {UserId} sent {Method} {Path} from {RemoteIp}",
                    userId, http.Request.Method, http.Request.Path.Value, http.Connection.RemoteIpAddress?.ToString());
                break;
            case NotFoundResult or NotFoundObjectResult:
                logger.LogWarning("Authorization refused: {UserId} got 404 for {Method} {Path}{Query} (missing, or not theirs)",
                    userId, http.Request.Method, http.Request.Path.Value, http.Request.QueryString.Value);
                break;
        }
        return next();
    }
}
