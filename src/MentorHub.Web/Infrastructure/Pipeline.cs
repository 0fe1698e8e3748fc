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
        app.UseResponseCompression();
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
    /// Style sheets, scripts and icons go out compressed (Brotli, else gzip) when the browser accepts it: Bootstrap's
    /// style sheet is a tenth of its size. Pages are not compressed: they carry the antiforgery token beside text a
    /// visitor typed, which is what the BREACH attack reads a secret through; compressed, they would be over HTTPS too.
    /// </summary>
    public static IServiceCollection AddStaticFileCompression(this IServiceCollection services) => services.AddResponseCompression(options =>
    {
        options.EnableForHttps = true;
        options.MimeTypes = ["text/css", "text/javascript", "application/javascript", "image/svg+xml"];
        options.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
        options.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
    });

    /// <summary>
    /// Files the pages link with <c>asp-append-version</c> carry their content's hash (<c>?v=…</c>): a changed file is a new
    /// address, so browsers may keep them a year without asking again. Anything else is checked with the server each time.
    /// </summary>
    private static void CacheStaticFile(Microsoft.AspNetCore.StaticFiles.StaticFileResponseContext context) =>
        context.Context.Response.Headers.CacheControl = context.Context.Request.Query.ContainsKey("v") ? "public, max-age=31536000, immutable" : "no-cache";
}
