using MentorHub.Core.Notifications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using MimeKit;

namespace MentorHub.Web.Pages.Dev;

/// <summary>
/// Development only: the mail written to the pickup folder, so password-reset and invitation links can be followed
/// without an SMTP server. Anonymous on purpose (a reset link is read before signing in); 404 in any other environment.
/// </summary>
[AllowAnonymous]
public class MailModel(IWebHostEnvironment environment, IOptions<MailOptions> options) : PageModel
{
    public IReadOnlyList<MailItem> Messages { get; private set; } = [];

    public MailItem? Selected { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? name, CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment()) return NotFound();
        var folder = new DirectoryInfo(options.Value.PickupDirectory);
        var files = folder.Exists ? folder.GetFiles("*.eml").OrderByDescending(f => f.Name, StringComparer.Ordinal).Take(50).ToList() : [];
        var items = new List<MailItem>();
        foreach (var file in files)
        {
            var message = await MimeMessage.LoadAsync(file.FullName, cancellationToken);
            items.Add(new MailItem(file.Name, message.Subject ?? "(no subject)", message.To.ToString(), message.Date, message.TextBody ?? ""));
        }
        Messages = items;
        if (name is not null)
        {
            Selected = items.FirstOrDefault(i => i.FileName == name);
            if (Selected is null) return NotFound();
        }
        return Page();
    }

    public sealed record MailItem(string FileName, string Subject, string To, DateTimeOffset Date, string TextBody);
}
