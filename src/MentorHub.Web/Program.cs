using MentorHub.Web.Infrastructure;

if (args is ["healthcheck", ..])
    return await HealthProbe.RunAsync();

// A flag, not a setting: left in, the configuration's command-line reader would take the next argument as its value.
var seedDemo = args.Contains("--seed-demo");
args = [.. args.Where(a => a != "--seed-demo")];

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
    app.RefuseDefaultMailAddresses();

    await app.InitializeDatabaseAsync(seedDemo);
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
