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
}
