namespace MentorHub.Core.Notifications;

/// <summary>The <c>Mail</c> configuration section.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>The placeholder sender; outside Development MentorHub refuses to start with it.</summary>
    public const string DefaultFromAddress = "mentorhub@localhost";

    public string FromAddress { get; set; } = DefaultFromAddress;
    public string FromName { get; set; } = "MentorHub";

    /// <summary>SMTP host; when empty, mail is written as .eml files to <see cref="PickupDirectory"/>.</summary>
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 25;
    public string? SmtpUserName { get; set; }
    public string? SmtpPassword { get; set; }

    /// <summary>Use STARTTLS when the server offers it (Auto), always (StartTls), implicit TLS (SslOnConnect) or never (None).</summary>
    public string SmtpSecurity { get; set; } = "Auto";
    public string PickupDirectory { get; set; } = "App_Data/mail";
}
