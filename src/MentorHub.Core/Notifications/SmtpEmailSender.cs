using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace MentorHub.Core.Notifications;

/// <summary>Sends through an SMTP server with MailKit; a session keeps one connection open for a whole batch.</summary>
public sealed class SmtpEmailSender(IOptions<MailOptions> options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        await using var session = new Session(options.Value);
        await session.SendAsync(message, cancellationToken);
    }

    public IEmailSession OpenSession() => new Session(options.Value);

    private sealed class Session(MailOptions settings) : IEmailSession
    {
        private readonly SmtpClient _client = new();

        public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
        {
            if (!_client.IsConnected) await ConnectAsync(cancellationToken);
            await _client.SendAsync(MimeMessageFactory.Create(message, settings), cancellationToken);
        }

        private async Task ConnectAsync(CancellationToken cancellationToken)
        {
            var security = Enum.TryParse<SecureSocketOptions>(settings.SmtpSecurity, ignoreCase: true, out var parsed) ? parsed : SecureSocketOptions.Auto;
            var host = settings.SmtpHost ?? throw new InvalidOperationException("Mail:SmtpHost is not set.");
            try
            {
                // Nagle's algorithm with the server's delayed ACK stalls every message of a batch by ~40 ms: send at once.
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(host, settings.SmtpPort, cancellationToken);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
                await _client.ConnectAsync(socket, host, settings.SmtpPort, security, cancellationToken);
                if (!string.IsNullOrEmpty(settings.SmtpUserName))
                    await _client.AuthenticateAsync(settings.SmtpUserName, settings.SmtpPassword ?? "", cancellationToken);
            }
            catch (Exception ex) when (ex is SocketException or IOException or AuthenticationException or SslHandshakeException or ProtocolException or SmtpCommandException)
            {
                throw new MailTransportUnavailableException($"{host}:{settings.SmtpPort}: {ex.Message}", ex);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_client.IsConnected)
            {
                try
                {
                    await _client.DisconnectAsync(quit: true);
                }
                catch (Exception ex) when (ex is IOException or SocketException or ProtocolException or ServiceNotConnectedException)
                {
                    // The messages are sent; a connection that drops while saying goodbye changes nothing.
                }
            }
            _client.Dispose();
        }
    }
}
