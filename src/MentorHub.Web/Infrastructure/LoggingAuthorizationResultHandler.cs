using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace MentorHub.Web.Infrastructure;

/// <summary>Logs every refused authorization as a structured event, then lets the default handler answer.</summary>
public sealed class LoggingAuthorizationResultHandler(ILogger<LoggingAuthorizationResultHandler> logger) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden)
        {
            logger.LogWarning("Authorization refused: {UserId} was forbidden {Method} {Path}",
                context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, context.Request.Method, context.Request.Path.Value);
        }
        else if (authorizeResult.Challenged)
        {
            logger.LogInformation("Authorization refused: anonymous request for {Method} {Path} sent to sign-in", context.Request.Method, context.Request.Path.Value);
        }
        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
