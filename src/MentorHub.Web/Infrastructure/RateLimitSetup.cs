using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace MentorHub.Web.Infrastructure;

/// <summary>
/// Throttles the account forms (sign-in, password reset and change, invitations, two-factor codes) per client
/// address, on top of Identity's lockout per account. The burst an address may send is smaller than the lockout
/// threshold, so one address cannot lock anyone out in a burst while the owner still signs in from elsewhere.
/// </summary>
public static class RateLimitSetup
{
    public const string AccountForms = "account-forms";

    public static WebApplicationBuilder AddMentorHubRateLimits(this WebApplicationBuilder builder)
    {
        var burst = builder.Configuration.GetValue("Security:AccountFormsPerMinute", 5);
        // Keep it below the lockout threshold (10) in production, so one address cannot lock an account in one burst.
        if (burst < 1) throw new StartupConfigurationException("Security:AccountFormsPerMinute must be at least 1.");
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(AccountForms, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetTokenBucketLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = burst,
                    TokensPerPeriod = burst,
                    ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                })
                : RateLimitPartition.GetNoLimiter("reads"));
            options.OnRejected = (context, _) =>
            {
                var http = context.HttpContext;
                http.Response.Headers.RetryAfter = "60";
                http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("MentorHub.Security")
                    .LogWarning("Throttled: {RemoteIp} sent too many {Method} {Path}", http.Connection.RemoteIpAddress?.ToString(), http.Request.Method, http.Request.Path.Value);
                return ValueTask.CompletedTask;
            };
        });
        return builder;
    }
}
