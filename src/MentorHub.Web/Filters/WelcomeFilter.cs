using Microsoft.AspNetCore.Mvc.Filters;

namespace MentorHub.Web.Filters;

/// <summary>
/// Sends a signed-in person who has not been through the welcome step to it, once: any page they open (except the
/// account pages, the error page and the calendar feed) redirects to <c>/Welcome</c> and back afterwards. The sign-in
/// cookie says whether the step is due, so this costs no query; the step reissues the cookie when it is done.
/// </summary>
public sealed class WelcomeFilter : IAsyncPageFilter
{
    public const string DueClaim = "mentorhub:welcome";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        var page = context.ActionDescriptor.ViewEnginePath;
        if (HttpMethods.IsGet(http.Request.Method) && http.User.HasClaim(DueClaim, "due")
            && page != "/Welcome" && page != "/Error" && page != "/Me/Feed" && page != "/Unsubscribe"
            && !page.StartsWith("/Account/", StringComparison.Ordinal) && !page.StartsWith("/Dev/", StringComparison.Ordinal))
        {
            var back = http.Request.Path + http.Request.QueryString;
            context.Result = new RedirectResult("/Welcome" + (back == "/" ? "" : "?returnUrl=" + Uri.EscapeDataString(back)));
            return Task.CompletedTask;
        }
        return next();
    }
}
