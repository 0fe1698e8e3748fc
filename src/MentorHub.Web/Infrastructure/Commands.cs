using MentorHub.Core.Data;

namespace MentorHub.Web.Infrastructure;

public static class Commands
{
    /// <summary>
    /// Command-line verbs that do one job and exit instead of serving: <c>migrate</c> applies the migrations for the
    /// configured provider. Returns true when a verb ran.
    /// </summary>
    public static async Task<bool> RunCommandAsync(this WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0] != "migrate") return false;
        await using var scope = app.Services.CreateAsyncScope();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("MentorHub.Database");
        await DatabaseInitializer.MigrateAsync(scope.ServiceProvider.GetRequiredService<MentorHubDbContext>(),
            scope.ServiceProvider.GetRequiredService<DatabaseSettings>(), logger);
        return true;
    }
}
