using System.Security.Claims;
using MentorHub.Core.Data;
using MentorHub.Core.Domain;
using MentorHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MentorHub.Web.Accounts;

/// <summary>
/// Checks the session against the account on every request (the security stamp: signing out everywhere, a new password
/// or a disabled account ends other sessions at once) by reading the account's two stamps alone, and rebuilds the
/// sign-in identity only when the account has changed since it was issued. Identity's validator loaded the whole
/// account and rebuilt the identity on every request when checking each time: four queries, about a third of a light
/// page's time.
/// </summary>
/// <remarks>
/// The account's <see cref="IdentityUser.ConcurrencyStamp"/> changes with every update made through
/// <see cref="UserManager{TUser}"/>: a new name, time zone, role, two-step setting or welcome. The cookie carries the
/// stamp it was built from (<see cref="MentorHubClaimsPrincipalFactory.AccountVersionClaim"/>).
/// </remarks>
public sealed class SessionValidator(IOptions<SecurityStampValidatorOptions> options, SignInManager<AppUser> signIn, ILoggerFactory logger, MentorHubDbContext db, TimeProvider clock)
    : SecurityStampValidator<AppUser>(options, signIn, logger)
{
    /// <summary>
    /// A session's cookie is re-issued at most this often, so the idle limit counts from the last minute's request.
    /// Re-issuing it on every request encrypted and sent a new cookie with every page.
    /// </summary>
    public static readonly TimeSpan RenewalInterval = TimeSpan.FromMinutes(1);

    /// <summary>Compiled once for the model: this runs on every signed-in request, so EF Core's per-query preparation is skipped.</summary>
    private static readonly CompiledQuery<Func<MentorHubDbContext, string, CancellationToken, Task<Stamps?>>> AccountStamps = new(() => EF.CompileAsyncQuery(
        (MentorHubDbContext db, string userId, CancellationToken ct) => db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new Stamps(u.SecurityStamp, u.ConcurrencyStamp)).SingleOrDefault()));

    private sealed record Stamps(string? SecurityStamp, string? ConcurrencyStamp);

    public override async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var userId = principal is null ? null : SignInManager.UserManager.GetUserId(principal);
        var stamp = principal?.FindFirstValue(SignInManager.Options.ClaimsIdentity.SecurityStampClaimType);
        var account = userId is null ? null : await AccountStamps.For(db)(db, userId, context.HttpContext.RequestAborted);
        if (account is null || stamp is null || account.SecurityStamp != stamp)
        {
            await RejectAsync(context);
        }
        else if (principal!.FindFirst(MentorHubClaimsPrincipalFactory.AccountVersionClaim)?.Value == account.ConcurrencyStamp)
        {
            // Re-issued as before, so the idle limit counts from this request (the cookie's own sliding renewal waits
            // until half the limit has passed), unless it was issued within the last minute.
            context.ShouldRenew = context.Properties.IssuedUtc is not { } issued || clock.GetUtcNow() - issued >= RenewalInterval;
        }
        else if (await SignInManager.UserManager.FindByIdAsync(userId!) is { } user)
        {
            await SecurityStampVerified(user, context);
        }
        else
        {
            await RejectAsync(context);
        }
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(context.Scheme.Name);
    }
}
