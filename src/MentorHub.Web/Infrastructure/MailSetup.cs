using MentorHub.Core.Notifications;

namespace MentorHub.Web.Infrastructure;

public static class MailSetup
{
    /// <summary>SMTP when <c>Mail:SmtpHost</c> is set; otherwise .eml files in the pickup folder (<c>Mail:PickupDirectory</c>).</summary>
    public static WebApplicationBuilder AddMentorHubMail(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(MailOptions.Section);
        builder.Services.Configure<MailOptions>(section);
        builder.Services.PostConfigure<MailOptions>(options =>
        {
            if (!Path.IsPathRooted(options.PickupDirectory))
                options.PickupDirectory = Path.Combine(builder.Environment.ContentRootPath, options.PickupDirectory);
        });
        if (string.IsNullOrWhiteSpace(section["SmtpHost"]))
            builder.Services.AddSingleton<IEmailSender, PickupDirectoryEmailSender>();
        else
            builder.Services.AddSingleton<IEmailSender, SmtpEmailSender>();
        return builder;
    }

    /// <summary>
    /// Outside Development, refuses to serve while mail would link to <see cref="NotificationOptions.DefaultSiteUrl"/> or
    /// come from <see cref="MailOptions.DefaultFromAddress"/>: every invitation and digest would be wrong, silently. In
    /// Development it warns.
    /// </summary>
    public static void RefuseDefaultMailAddresses(this WebApplication app)
    {
        var configuration = app.Configuration;
        var left = new List<string>();
        var site = configuration["Notifications:SiteUrl"];
        if (string.IsNullOrWhiteSpace(site) || Uri.TryCreate(site, UriKind.Absolute, out var uri) && uri == new Uri(NotificationOptions.DefaultSiteUrl))
            left.Add("Notifications:SiteUrl (the address people open MentorHub at, like https://mentoring.library.org/)");
        var from = configuration["Mail:FromAddress"];
        if (string.IsNullOrWhiteSpace(from) || string.Equals(from, MailOptions.DefaultFromAddress, StringComparison.OrdinalIgnoreCase))
            left.Add("Mail:FromAddress (the address mail comes from, like mentoring@library.org)");
        if (left.Count == 0) return;
        var message = $"Set {string.Join(" and ", left)}: mail would otherwise link to {NotificationOptions.DefaultSiteUrl} or come from {MailOptions.DefaultFromAddress}.";
        if (!app.Environment.IsDevelopment()) throw new StartupConfigurationException(message);
        app.Logger.LogWarning("Development only: {Message}", message);
    }
}
