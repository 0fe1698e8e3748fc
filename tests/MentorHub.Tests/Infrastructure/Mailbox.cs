using System.Text.RegularExpressions;
using MimeKit;

namespace MentorHub.Tests.Infrastructure;

/// <summary>Delivers the app's outbox to its mail pickup folder, then reads what is there.</summary>
public static partial class Mailbox
{
    public static async Task<MimeMessage> LatestToAsync(MentorHubAppFactory app, string email) =>
        (await AllToAsync(app, email)).LastOrDefault() ?? throw new InvalidOperationException($"No mail to {email} in {app.MailFolder}.");

    /// <summary>Every message to <paramref name="email"/> (messages delivered in one sweep come in no set order).</summary>
    public static async Task<IReadOnlyList<MimeMessage>> AllToAsync(MentorHubAppFactory app, string email)
    {
        await app.DeliverMailAsync();
        var files = Directory.Exists(app.MailFolder) ? Directory.GetFiles(app.MailFolder, "*.eml") : [];
        var messages = new List<MimeMessage>();
        foreach (var file in files.Order(StringComparer.Ordinal)) messages.Add(await MimeMessage.LoadAsync(file));
        return messages.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, email, StringComparison.OrdinalIgnoreCase))).ToList();
    }

    /// <summary>The first link in the text body that points back at the app, as a path and query.</summary>
    public static string LinkIn(MimeMessage message)
    {
        var match = LinkPattern().Match(message.TextBody ?? "");
        Assert.True(match.Success, "The message holds no link.");
        return new Uri(match.Value).PathAndQuery;
    }

    /// <summary>The first link in the text body, whole: scheme, host and all.</summary>
    public static string AbsoluteLinkIn(MimeMessage message)
    {
        var match = LinkPattern().Match(message.TextBody ?? "");
        Assert.True(match.Success, "The message holds no link.");
        return match.Value;
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
