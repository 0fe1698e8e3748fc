using System.Security.Claims;
using MentorHub.Core.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MentorHub.Web.Infrastructure;

/// <summary>Puts the display name and time zone in the sign-in cookie, so pages show them without a query.</summary>
public sealed class MentorHubClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    public const string DisplayNameClaim = "mentorhub:display_name";
    public const string TimeZoneClaim = "mentorhub:time_zone";

    /// <summary>The account's concurrency stamp when the cookie was built; see <see cref="MentorHub.Web.Accounts.SessionValidator"/>.</summary>
    public const string AccountVersionClaim = "mentorhub:account_version";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        identity.AddClaim(new Claim(TimeZoneClaim, user.TimeZoneId));
        if (user.ConcurrencyStamp is { } version) identity.AddClaim(new Claim(AccountVersionClaim, version));
        if (user.NeedsWelcome) identity.AddClaim(new Claim(MentorHub.Web.Filters.WelcomeFilter.DueClaim, "due"));
        if (user.TwoFactorEnabled) identity.AddClaim(new Claim(MentorHub.Web.Accounts.TwoFactorRequirementFilter.EnabledClaim, "on"));
        return identity;
    }
}
