using Microsoft.AspNetCore.Http.Features;

namespace MentorHub.Web.Infrastructure;

/// <summary>
/// Reads a posted form up front, so one with more fields or longer values than ASP.NET Core accepts (or a body past
/// Kestrel's limit) is answered 413 with MentorHub's own page. Read later, by antiforgery or model binding, the same
/// error would surface as a failed token or a server error, and the error page would trip over it again.
/// </summary>
public static class OversizedForms
{
    public static IApplicationBuilder UseOversizedFormAnswer(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.HasFormContentType && !await TryReadFormAsync(context))
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("MentorHub.Security")
                .LogWarning("Refused an oversized form: {Method} {Path}", context.Request.Method, context.Request.Path.Value);
            // The error page runs for the same request: give it an empty form, so it does not read this one again.
            context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        await next();
    });

    private static async Task<bool> TryReadFormAsync(HttpContext context)
    {
        try
        {
            await context.Request.ReadFormAsync(context.RequestAborted);
            return true;
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
        {
            return false;
        }
    }
}
