using Serilog;
using Serilog.Formatting.Compact;

namespace MentorHub.Web.Infrastructure;

public static class LoggingSetup
{
    /// <summary>
    /// Serilog: readable text on the console, and one JSON event per line in a daily rolling file (<c>Logging:File:Path</c>)
    /// so the properties stay queryable. Levels from the <c>Serilog</c> section.
    /// </summary>
    public static WebApplicationBuilder AddMentorHubLogging(this WebApplicationBuilder builder)
    {
        var path = builder.Configuration["Logging:File:Path"] ?? "App_Data/logs/mentorhub-.json";
        if (!Path.IsPathRooted(path)) path = Path.Combine(builder.Environment.ContentRootPath, path);
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("Application", "MentorHub")
            .Enrich.With<LogValueScrubber>()
            .WriteTo.Console()
            .WriteTo.File(new CompactJsonFormatter(), path, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14, shared: true),
            preserveStaticLogger: true);
        return builder;
    }
}
