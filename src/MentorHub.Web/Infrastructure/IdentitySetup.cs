using MentorHub.Core.Data;
using MentorHub.Core.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace MentorHub.Web.Infrastructure;

public static class IdentitySetup
{
    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 128;

    /// <summary>Failed sign-ins in a row that lock an account for 15 minutes (ASVS 6.3.1 allows up to 100 an hour).</summary>
    public const int MaxFailedSignIns = 10;
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(60);
    public static readonly TimeSpan AbsoluteTimeout = TimeSpan.FromHours(12);
    private const string SignedInAtKey = "mentorhub.signed_in_at";

    /// <summary>Identity with cookie sign-in, tuned to OWASP ASVS 5.0 level 2 (see README, Security).</summary>
    public static WebApplicationBuilder AddMentorHubIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddTimeProvider();
        var secureCookies = SecureCookiePolicy(builder.Configuration);
        // Served over HTTPS only, the cookies take the __Host- prefix: browsers then refuse them unless Secure, for
        // the whole site and from this host alone, so a sibling subdomain cannot plant or overwrite them.
        var prefix = secureCookies == CookieSecurePolicy.Always ? "__Host-" : "";
        services.AddIdentity<AppUser, IdentityRole>(options =>
            {
                // Length over composition rules (ASVS 6.2): at least 8 characters, at most 128, anything allowed.
                options.Password.RequiredLength = MinPasswordLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                // Makes every sign-in ask EnabledAccountConfirmation, so a disabled account cannot sign in.
                options.SignIn.RequireConfirmedAccount = true;
            })
            .AddEntityFrameworkStores<MentorHubDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<InvitationTokenProvider<AppUser>>(InvitationTokenProvider.Name)
            .AddPasswordValidator<MaximumLengthPasswordValidator>()
            .AddPasswordValidator<MentorHub.Web.Accounts.CommonPasswordValidator>()
            .AddClaimsPrincipalFactory<MentorHubClaimsPrincipalFactory>()
            .AddUserConfirmation<MentorHub.Web.Accounts.EnabledAccountConfirmation>();
        services.AddScoped<MentorHub.Web.Accounts.AccountSecurity>();

        services.Configure<InvitationTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(7));
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(2));
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);
        // Check the security stamp on every request, so signing out or changing a password ends other sessions at once;
        // the identity in the cookie is rebuilt only when the account changed (see SessionValidator).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.AddScoped<ISecurityStampValidator, MentorHub.Web.Accounts.SessionValidator>();

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = prefix + "MentorHub.Session";
            options.Cookie.Path = "/";
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = secureCookies;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.ExpireTimeSpan = IdleTimeout;
            options.SlidingExpiration = true;
            options.Events.OnSigningIn = context =>
            {
                var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
                context.Properties.Items.TryAdd(SignedInAtKey, clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
                return Task.CompletedTask;
            };
            options.Events.OnValidatePrincipal = async context =>
            {
                if (IsPastAbsoluteTimeout(context))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }
                await SecurityStampValidator.ValidatePrincipalAsync(context);
            };
        });
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = prefix + "MentorHub.Antiforgery";
            options.Cookie.Path = "/";
            options.Cookie.SecurePolicy = secureCookies;
        });
        return builder;
    }

    /// <summary>
    /// <c>Security:SecureCookies</c>: <c>Always</c> (default: cookies only travel over HTTPS, and plain-HTTP form posts
    /// are refused) or <c>SameAsRequest</c> (Development on http://localhost, or a trusted HTTP-only network).
    /// </summary>
    public static CookieSecurePolicy SecureCookiePolicy(IConfiguration configuration)
    {
        var value = configuration["Security:SecureCookies"];
        if (string.IsNullOrWhiteSpace(value) || value.Equals("Always", StringComparison.OrdinalIgnoreCase)) return CookieSecurePolicy.Always;
        if (value.Equals("SameAsRequest", StringComparison.OrdinalIgnoreCase)) return CookieSecurePolicy.SameAsRequest;
        throw new StartupConfigurationException($"Security:SecureCookies '{value}' is not supported. Use Always or SameAsRequest.");
    }

    public static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (services.All(s => s.ServiceType != typeof(TimeProvider))) services.AddSingleton(TimeProvider.System);
    }

    /// <summary>Sliding renewal re-issues the cookie, so the absolute limit counts from the original sign-in kept in the ticket.</summary>
    private static bool IsPastAbsoluteTimeout(CookieValidatePrincipalContext context)
    {
        if (!context.Properties.Items.TryGetValue(SignedInAtKey, out var value) || !long.TryParse(value, out var seconds)) return true;
        var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        return now - DateTimeOffset.FromUnixTimeSeconds(seconds) > AbsoluteTimeout;
    }
}

public sealed class MaximumLengthPasswordValidator : IPasswordValidator<AppUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(password?.Length > IdentitySetup.MaxPasswordLength
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordTooLong", Description = $"Passwords can be at most {IdentitySetup.MaxPasswordLength} characters." })
            : IdentityResult.Success);
}
