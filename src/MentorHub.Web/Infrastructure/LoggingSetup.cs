using Serilog;

namespace MentorHub.Web.Infrastructure;

public static class LoggingSetup
{
    /// <summary>Serilog to the console and a daily rolling file (<c>Logging:File:Path</c>), levels from the <c>Serilog</c> section.</summary>
    public static WebApplicationBuilder AddMentorHubLogging(this WebApplicationBuilder builder)
    {
        var path = builder.Configuration["Logging:File:Path"] ?? "App_Data/logs/mentorhub-.log";
        if (!Path.IsPathRooted(path)) path = Path.Combine(builder.Environment.ContentRootPath, path);
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("Application", "MentorHub")
            .WriteTo.Console()
            .WriteTo.File(path, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14, shared: true),
            preserveStaticLogger: true);
        return builder;
    }
}
