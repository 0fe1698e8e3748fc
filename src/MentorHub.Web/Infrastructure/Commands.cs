namespace MentorHub.Web.Infrastructure;

public static class Commands
{
    /// <summary>
    /// Command-line verbs that do one job and exit instead of serving: <c>migrate</c> applies the migrations for the
    /// configured provider; <c>seed-demo</c> migrates (on SQLite) and adds the demo data. Returns true when a verb ran.
    /// </summary>
    public static async Task<bool> RunCommandAsync(this WebApplication app, string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "migrate":
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("MentorHub.Database");
                    await DatabaseInitializer.MigrateAsync(scope.ServiceProvider, logger);
                }
                return true;
            case "seed-demo":
                await app.InitializeDatabaseAsync(seedDemo: true);
                return true;
            default:
                return false;
        }
    }
}
