using Hangfire;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using MentorHub.Core.Data;
using MentorHub.Core.Domain;
using MentorHub.Core.Notifications;
using MentorHub.Web.Jobs;

namespace MentorHub.Web.Infrastructure;

public static class JobsSetup
{
    public const string DashboardPath = "/jobs";

    /// <summary>
    /// Hangfire on in-memory storage with SQLite, on the app's own database with SQL Server and PostgreSQL (where several
    /// app servers share one database and so one job store). Jobs stay correct if the job store is
    /// lost: the outbox rows are the truth and the recurring sweep picks up whatever is pending. <c>Jobs:RunServer</c>
    /// (default true) turns the worker off, e.g. for tests that run jobs themselves.
    /// </summary>
    public static WebApplicationBuilder AddMentorHubJobs(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<NotificationOptions>(builder.Configuration.GetSection(NotificationOptions.Section));
        services.AddScoped<NotificationOutbox>();
        services.AddScoped<NotificationDelivery>();
        services.AddScoped<MeetingNotices>();
        services.AddScoped<MeetingReminders>();
        services.AddScoped<DeliverNotificationsJob>();
        services.AddScoped<MonthlyDigests>();
        services.AddScoped<StalledMentorships>();
        services.AddScoped<SendDueRemindersJob>();
        services.AddScoped<MonthlyDigestsJob>();
        services.AddScoped<NudgeStalledMentorshipsJob>();
        services.AddScoped<OutboxRetention>();
        services.AddScoped<PurgeSentNotificationsJob>();
        services.AddScoped<MentorHub.Core.Mentoring.MemberReminders>();
        services.AddScoped<RemindUnresponsiveMembersJob>();
        services.AddScoped<ExpireMentorRequestsJob>();
        services.AddScoped<RefreshPlannerStatisticsJob>();
        services.AddSingleton<OutboxSignal>();
        services.ConfigureDbContext<MentorHubDbContext>((provider, options) => options.AddInterceptors(provider.GetRequiredService<OutboxSignal>()));
        // The storage is this app's own service, not only Hangfire's process-wide JobStorage.Current, so the dashboard,
        // the client and the server of one host always share it (and hosts in one process never mix theirs up).
        services.AddSingleton(provider => Storage(provider.GetRequiredService<DatabaseSettings>()));
        services.AddHangfire((provider, configuration) => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings()
            .UseStorage(provider.GetRequiredService<JobStorage>())
            // Contrast and control names the dashboard lacks (checked with axe like every other page).
            .UseDashboardStylesheet(typeof(JobsSetup).Assembly, "MentorHub.Web.Jobs.dashboard.css")
            .UseDashboardJavaScript(typeof(JobsSetup).Assembly, "MentorHub.Web.Jobs.dashboard.js"));
        if (builder.Configuration.GetValue("Jobs:RunServer", true))
            services.AddHangfireServer((provider, options) =>
            {
                options.WorkerCount = Math.Max(2, Environment.ProcessorCount);
                // Jobs are built from this host's own services: Hangfire's global activator belongs to whichever host
                // configured it last, which in a process with several hosts (tests, tools) may be one already stopped.
                options.Activator = new Hangfire.AspNetCore.AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>());
            });
        return builder;
    }

    private static JobStorage Storage(DatabaseSettings database)
    {
        switch (database.Provider)
        {
            case DatabaseProvider.SqlServer:
                return new SqlServerStorage(database.ConnectionString);
            case DatabaseProvider.PostgreSql:
                // Its tables live in their own schema ("hangfire") of the app's database, created on first start.
                var options = new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = true };
                return new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ConnectionString, options), options);
            default:
                return new InMemoryStorage(new InMemoryStorageOptions());
        }
    }

    /// <summary>The dashboard at /jobs for administrators; everyone else, even from localhost, gets 404.</summary>
    public static WebApplication UseMentorHubJobs(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments(DashboardPath), branch => branch.Use(async (context, next) =>
        {
            if (!context.User.IsInRole(Roles.Administrator))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            // The dashboard writes <html lang> from the UI culture; the server's invariant culture would make it "iv".
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en-GB");
            await next();
        }));
        app.UseHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [new AdministratorsOnly()],
            DashboardTitle = "MentorHub jobs",
            AppPath = "/",
        });
        RecurringJobs.Register(app.Services.GetRequiredService<IRecurringJobManager>(), Zone(app.Configuration));
        return app;
    }

    /// <summary>The zone recurring jobs are scheduled in and digests reckon months in (<c>Jobs:TimeZone</c>, UTC by default).</summary>
    public static TimeZoneInfo Zone(IConfiguration configuration) => UserTime.FindZone(configuration["Jobs:TimeZone"] ?? "UTC");

    private sealed class AdministratorsOnly : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.Administrator);
    }
}
