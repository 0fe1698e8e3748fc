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
/// <para>
/// The account's <see cref="IdentityUser.ConcurrencyStamp"/> changes with every update made through
/// <see cref="UserManager{TUser}"/>: a new name, time zone, role, two-step setting or welcome. The cookie carries the
/// stamp it was built from (<see cref="MentorHubClaimsPrincipalFactory.AccountVersionClaim"/>).
/// </para>
/// <para>
/// Identity's <see cref="SignInManager{TUser}"/> is taken from the request's services only when the identity is rebuilt:
/// building it builds a <see cref="UserManager{TUser}"/> with its store, validators and metrics, which most requests
/// never use. Rebuilding does what <see cref="SecurityStampValidator{TUser}"/> does once the stamp is verified.
/// </para>
/// </remarks>
public sealed class SessionValidator(
    IOptions<IdentityOptions> identity, IOptions<SecurityStampValidatorOptions> options, MentorHubDbContext db, TimeProvider clock)
    : ISecurityStampValidator
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

    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var claims = identity.Value.ClaimsIdentity;
        var principal = context.Principal;
        var userId = principal?.FindFirstValue(claims.UserIdClaimType);
        var stamp = principal?.FindFirstValue(claims.SecurityStampClaimType);
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
        else
        {
            var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInManager<AppUser>>();
            if (await signIn.UserManager.FindByIdAsync(userId!) is { } user) await RebuildAsync(signIn, user, context);
            else await RejectAsync(context);
        }
    }

    /// <summary>The account changed since the cookie was built: a new identity from the account as it is now.</summary>
    private async Task RebuildAsync(SignInManager<AppUser> signIn, AppUser user, CookieValidatePrincipalContext context)
    {
        ClaimsPrincipal? rebuilt = await signIn.CreateUserPrincipalAsync(user);
        if (options.Value.OnRefreshingPrincipal is { } refreshing)
        {
            var refresh = new SecurityStampRefreshingPrincipalContext { CurrentPrincipal = context.Principal, NewPrincipal = rebuilt };
            await refreshing(refresh);
            rebuilt = refresh.NewPrincipal;
        }
        if (rebuilt is null)
        {
            await RejectAsync(context);
            return;
        }
        context.ReplacePrincipal(rebuilt);
        context.ShouldRenew = true;
        // Without sliding expiry, a renewed cookie's lifetime counts from now rather than being extended.
        if (!context.Options.SlidingExpiration) context.Properties.IssuedUtc = clock.GetUtcNow();
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(context.Scheme.Name);
    }
}
