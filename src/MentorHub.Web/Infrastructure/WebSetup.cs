using FluentValidation;
using FluentValidation.AspNetCore;
using MentorHub.Core.Domain;
using Microsoft.AspNetCore.Authorization;

namespace MentorHub.Web.Infrastructure;

public static class Policies
{
    public const string Administrator = "Administrator";

    /// <summary>Organisation-wide pages for administrators and coordinators: the staff roster, outcome records, reports.</summary>
    public const string Coordinators = "Coordinators";
}

public static class WebSetup
{
    public static WebApplicationBuilder AddMentorHubWeb(this WebApplicationBuilder builder)
    {
        builder.AddMentorHubHosts();
        builder.AddMentorHubRateLimits();
        var services = builder.Services;
        services.AddStaticFileCompression();
        services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/Admin", Policies.Administrator);
            options.Conventions.AuthorizeFolder("/Staff", Policies.Coordinators);
            options.Conventions.AuthorizeFolder("/Reports", Policies.Coordinators);
            options.Conventions.AddPageRoute("/Error", "/Error/{code:int?}");
        }).AddMvcOptions(options =>
        {
            options.Filters.Add<MentorHub.Web.Filters.SecurityEventsFilter>();
            options.Filters.Add<MentorHub.Web.Filters.UnknownHandlerFilter>();
            options.Filters.Add<MentorHub.Web.Filters.ConflictFilter>();
            options.Filters.Add<MentorHub.Web.Filters.ReadOnlyHistoryFilter>();
            options.Filters.Add<MentorHub.Web.Filters.LastSeenFilter>();
            options.Filters.Add<MentorHub.Web.Accounts.TwoFactorRequirementFilter>();
            options.Filters.Add<MentorHub.Web.Filters.WelcomeFilter>();
            options.Filters.Add<MentorHub.Web.Filters.FormScopeFilter>();
            // FluentValidation owns the rules: no second "The X field is required." from non-nullable strings.
            options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
            options.ModelMetadataDetailsProviders.Add(new MentorHub.Web.Forms.FieldNames());
            MentorHub.Web.Forms.BindingMessages.Configure(options.ModelBindingMessageProvider);
            options.ModelBinderProviders.Insert(0, new MentorHub.Web.Binding.CheckboxBinderProvider());
        });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Administrator, policy => policy.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.Coordinators, policy => policy.RequireRole(Roles.Administrator, Roles.Coordinator));
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, LoggingAuthorizationResultHandler>();

        services.AddFluentValidationAutoValidation();
        services.AddValidatorsFromAssemblyContaining<Program>();
        MentorHub.Web.Forms.ValidationMessages.Configure();

        services.Configure<AccountOptions>(builder.Configuration.GetSection(AccountOptions.Section));
        var twoFactorRoles = (builder.Configuration[MentorHub.Web.Accounts.TwoFactorOptions.Section] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (twoFactorRoles.FirstOrDefault(r => !Roles.All.Contains(r)) is { } unknown)
            throw new StartupConfigurationException($"{MentorHub.Web.Accounts.TwoFactorOptions.Section} names '{unknown}', which is not a role. Use {string.Join(" or ", Roles.All)}, separated by commas.");
        services.Configure<MentorHub.Web.Accounts.TwoFactorOptions>(options => options.RequiredForRoles.AddRange(twoFactorRoles));
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });
        var site = HostSetup.SiteAddress(builder.Configuration);
        services.AddHttpsRedirection(options => options.HttpsPort = site.Scheme == "https" ? site.Port : 443);
        services.AddHttpContextAccessor();
        services.AddScoped<UserTime>();
        services.AddScoped<AppUrls>();
        services.AddScoped<AccountInvitations>();
        services.AddScoped<CohortEnrollment>();
        services.AddScoped<MentorHub.Core.Mentoring.CohortCompletion>();
        services.AddScoped<MentorHub.Core.Mentoring.MentorshipEnding>();
        services.AddScoped<MentorHub.Core.Mentoring.ConnectionNudges>();
        services.AddScoped<MentorHub.Core.Mentoring.GroupMoves>();
        services.AddScoped<MentorHub.Core.Matching.CohortMatching>();
        services.AddScoped<MentorHub.Core.Matching.MenteeChoice>();
        services.AddScoped<MentorHub.Core.Matching.MatchLearning>();
        services.AddScoped<MentorHub.Core.Mentoring.Conversations>();
        services.AddSingleton<MentorHub.Web.Accounts.UnsubscribeLinks>();
        services.AddSingleton<MentorHub.Core.Notifications.IUnsubscribeLinks>(sp => sp.GetRequiredService<MentorHub.Web.Accounts.UnsubscribeLinks>());
        services.AddScoped<MentorHub.Web.Pages.Mentorships.Timeline>();
        services.AddScoped<MentorHub.Core.Staff.StaffRoster>();
        services.AddScoped<MentorHub.Core.Staff.OutcomeRecords>();
        services.Configure<MentorHub.Core.Outcomes.ReportOptions>(builder.Configuration.GetSection(MentorHub.Core.Outcomes.ReportOptions.Section));
        services.AddSingleton<MentorHub.Web.Filters.LastSeenStamps>();
        services.AddScoped<MentorHub.Core.Mentoring.ParticipantWithdrawal>();
        services.AddScoped<MentorHub.Web.Pages.Programs.ConnectionsActions>();
        services.AddSingleton<ParticipantImports>();
        services.AddHostedService(sp => sp.GetRequiredService<ParticipantImports>());
        return builder;
    }
}

/// <summary>The <c>Accounts</c> configuration section.</summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>Lets anyone create an account from the sign-in page. Off by default: staff are invited.</summary>
    public bool AllowSelfRegistration { get; set; }
}
