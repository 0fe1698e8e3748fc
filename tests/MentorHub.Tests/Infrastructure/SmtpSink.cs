using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace MentorHub.Tests.Infrastructure;

/// <summary>A real SMTP server on a loopback port, keeping every message it receives. Start, stop and start it again to simulate an outage.</summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private CancellationTokenSource? _running;
    private Task? _server;

    public int Port { get; } = FreePort();

    public ConcurrentQueue<MimeMessage> Received { get; } = new();

    /// <summary>Runs when a client names a recipient, before the message itself is sent (to act at a chosen moment of a delivery).</summary>
    public Func<Task> OnRecipient { get; set; } = () => Task.CompletedTask;

    /// <summary>How long the server takes to accept a message (a slow or busy mail server), by message.</summary>
    public Func<MimeMessage, TimeSpan> Latency { get; set; } = _ => TimeSpan.Zero;

    public async Task StartAsync()
    {
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new ServiceProvider();
        services.Add(new Store(this));
        services.Add(new Recipients(this));
        _running = new CancellationTokenSource();
        _server = new SmtpServer.SmtpServer(options, services).StartAsync(_running.Token);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(20);
            }
        }
        throw new InvalidOperationException("The SMTP sink did not start.");
    }

    public async Task StopAsync()
    {
        if (_running is null) return;
        await _running.CancelAsync();
        try
        {
            await _server!;
        }
        catch (OperationCanceledException)
        {
            // Stopping is the point.
        }
        _running.Dispose();
        _running = null;
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    /// <summary>A loopback port nobody is listening on.</summary>
    internal static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed class Recipients(SmtpSink sink) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) => Task.FromResult(true);

        public async Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
        {
            await sink.OnRecipient();
            return true;
        }
    }

    private sealed class Store(SmtpSink sink) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            await Task.Delay(sink.Latency(message), cancellationToken);
            sink.Received.Enqueue(message);
            return SmtpResponse.Ok;
        }
    }
}
