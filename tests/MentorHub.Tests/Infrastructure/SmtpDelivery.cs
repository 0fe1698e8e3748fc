using MentorHub.Core.Data;
using MentorHub.Core.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace MentorHub.Tests.Infrastructure;

public static class SmtpDelivery
{
    /// <summary>One outbox sweep, as a server of the app would run it, sending over SMTP to <paramref name="sink"/>.</summary>
    public static async Task<DeliveryResult> DeliverOverSmtpAsync(this MentorHubAppFactory app, SmtpSink sink)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sender = new SmtpEmailSender(Options.Create(new MailOptions { SmtpHost = "127.0.0.1", SmtpPort = sink.Port, SmtpSecurity = "None", FromAddress = "mentorhub@test.local" }));
        var delivery = new NotificationDelivery(scope.ServiceProvider.GetRequiredService<MentorHubDbContext>(), sender, app.Clock, scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<NotificationOptions>>(), NullLogger<NotificationDelivery>.Instance);
        return await delivery.DeliverDueAsync(1000, CancellationToken.None);
    }

    /// <summary>Runs a Core service in a scope of its own, as a separate server instance would (its own DbContext and connection).</summary>
    public static async Task<TResult> RunScopedAsync<TService, TResult>(this MentorHubAppFactory app, Func<TService, Task<TResult>> work) where TService : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public static IReadOnlyList<MimeMessage> To(this SmtpSink sink, string email) =>
        sink.Received.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, email, StringComparison.OrdinalIgnoreCase))).ToList();

    public static string Ics(this MimeMessage message) =>
        System.Text.Encoding.UTF8.GetString(((MimePart)message.Attachments.Single(a => a.ContentType.MimeType == "text/calendar")).Content!.Open().ReadAllBytes());

    private static byte[] ReadAllBytes(this Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
