using System.Globalization;

namespace MentorHub.Tests.Infrastructure;

/// <summary>An app host of its own whose mail goes over SMTP to a server on loopback (<see cref="Sink"/>).</summary>
public abstract class SmtpAppFactory : MentorHubAppFactory, IAsyncLifetime
{
    public SmtpSink Sink { get; } = new();

    /// <summary>Settings besides the mail server's.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> MoreSettings => [];

    protected sealed override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        .. MoreSettings,
        new("Mail:SmtpHost", "127.0.0.1"),
        new("Mail:SmtpPort", Sink.Port.ToString(CultureInfo.InvariantCulture)),
        new("Mail:SmtpSecurity", "None"),
    ];

    public Task InitializeAsync() => Sink.StartAsync();

    Task IAsyncLifetime.DisposeAsync() => Sink.StopAsync();
}
