using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace MentorHub.Web.Accounts;

/// <summary>The <c>Security:RequireTwoFactorFor</c> setting: global roles (e.g. Administrator, Coordinator) whose holders must use two-step sign-in.</summary>
public sealed class TwoFactorOptions
{
    public const string Section = "Security:RequireTwoFactorFor";

    public List<string> RequiredForRoles { get; } = [];

    public bool IsRequiredFor(IEnumerable<string> roles) => roles.Any(r => RequiredForRoles.Contains(r, StringComparer.OrdinalIgnoreCase));

    public bool IsRequiredFor(ClaimsPrincipal user) => RequiredForRoles.Any(user.IsInRole);
}

/// <summary>
/// Sends someone whose role requires two-step sign-in, and who has not set it up, to the set-up page before any other
/// page (their account pages and sign-out stay open).
/// </summary>
public sealed class TwoFactorRequirementFilter(IOptions<TwoFactorOptions> options) : IAsyncPageFilter
{
    public const string EnabledClaim = "mentorhub:two_factor";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var user = context.HttpContext.User;
        var page = context.ActionDescriptor.ViewEnginePath;
        if (user.Identity?.IsAuthenticated == true && !user.HasClaim(EnabledClaim, "on") && options.Value.IsRequiredFor(user)
            && !page.StartsWith("/Account/", StringComparison.Ordinal) && page != "/Error")
        {
            if (context.HandlerInstance is PageModel model)
                model.TempData[Flash.ErrorKey] = "Your role requires two-step sign-in. Set it up to continue.";
            context.Result = new RedirectResult("/Account/TwoFactor");
            return Task.CompletedTask;
        }
        return next();
    }
}
