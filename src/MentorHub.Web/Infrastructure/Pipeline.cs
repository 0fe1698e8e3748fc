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
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = CacheStaticFile });
        app.UseSerilogRequestLogging();
        app.UseRouting();
        app.UseOneSqliteConnectionPerRequest();
        app.UseRateLimiter();
        app.UseAuthentication();
        // Before authorization: the dashboard answers 404 itself to anyone but an administrator, signed in or not.
        app.UseMentorHubJobs();
        app.UseAuthorization();
        app.MapHealthChecks("/health", new HealthCheckOptions()).AllowAnonymous();
        app.MapRazorPages();
        return app;
    }

    /// <summary>
    /// Files the pages link with <c>asp-append-version</c> carry their content's hash (<c>?v=…</c>): a changed file is a new
    /// address, so browsers may keep them a year without asking again. Anything else is checked with the server each time.
    /// </summary>
    private static void CacheStaticFile(Microsoft.AspNetCore.StaticFiles.StaticFileResponseContext context) =>
        context.Context.Response.Headers.CacheControl = context.Context.Request.Query.ContainsKey("v") ? "public, max-age=31536000, immutable" : "no-cache";
}
