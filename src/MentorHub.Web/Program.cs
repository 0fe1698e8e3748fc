using MentorHub.Web.Infrastructure;

if (args is ["healthcheck", ..])
    return await HealthProbe.RunAsync();

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddMentorHubLogging();
    builder.AddMentorHubData();
    builder.AddMentorHubIdentity();
    builder.AddMentorHubMail();
    builder.AddMentorHubWeb();
    builder.AddMentorHubJobs();

    var app = builder.Build();
    if (await app.RunCommandAsync(args)) return 0;

    await app.InitializeDatabaseAsync(seedDemo: args.Contains("--seed-demo"));
    app.UseMentorHubPipeline();
    await app.RunAsync();
    return 0;
}
catch (StartupConfigurationException ex)
{
    await Console.Error.WriteLineAsync($"MentorHub cannot start: {ex.Message}");
    return 1;
}

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
