using Microsoft.Extensions.Options;

namespace MentorHub.Core.Notifications;

/// <summary>Writes each message as an .eml file, for Development without an SMTP server.</summary>
public sealed class PickupDirectoryEmailSender(IOptions<MailOptions> options, TimeProvider clock) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var directory = Path.GetFullPath(options.Value.PickupDirectory);
        Directory.CreateDirectory(directory);
        var fileName = $"{clock.GetUtcNow():yyyyMMdd-HHmmss-fff}-{Guid.NewGuid():N}.eml";
        var mime = MimeMessageFactory.Create(message, options.Value);
        await mime.WriteToAsync(Path.Combine(directory, fileName), cancellationToken);
    }
}
