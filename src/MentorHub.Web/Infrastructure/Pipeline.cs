using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Serilog;

namespace MentorHub.Web.Infrastructure;

public static class Pipeline
{
    public static WebApplication UseMentorHubPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler("/Error/500");
            app.UseHsts();
        }
        // Cookies that only travel over HTTPS would make plain HTTP a dead end: send people to HTTPS instead.
        if (IdentitySetup.SecureCookiePolicy(app.Configuration) == Microsoft.AspNetCore.Http.CookieSecurePolicy.Always) app.UseHttpsRedirection();
        app.UseStatusCodePagesWithReExecute("/Error/{0}");
        app.UseOversizedFormAnswer();
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseSerilogRequestLogging();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        // Before authorization: the dashboard answers 404 itself to anyone but an administrator, signed in or not.
        app.UseMentorHubJobs();
        app.UseAuthorization();
        app.MapHealthChecks("/health", new HealthCheckOptions()).AllowAnonymous();
        app.MapRazorPages();
        return app;
    }
}
