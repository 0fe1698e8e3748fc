using MentorHub.Core.Notifications;
using MentorHub.Web.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace MentorHub.Web.Pages;

/// <summary>
/// The one-click unsubscribe from optional mail. The link itself is the key (signed, for one person and one kind): mail
/// providers POST to it without a form (RFC 8058), and a person following it is asked to confirm first.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public class UnsubscribeModel(MentorHubDbContext db, UnsubscribeLinks links) : PageModel
{
    public string Kind { get; private set; } = "";
    public string Email { get; private set; } = "";
    public bool Done { get; private set; }
    private NotificationKinds _preference;

    [BindProperty(SupportsGet = true, Name = "t")]
    public string? Token { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await LoadAsync(ct);
        if (user is null) return NotFound();
        user.MutedNotifications |= _preference;
        db.Audit(user, "MailTurnedOff", Kind);
        await db.SaveChangesAsync(ct);
        Done = true;
        return Page();
    }

    private async Task<AppUser?> LoadAsync(CancellationToken ct)
    {
        if (links.Read(Token) is not { } read) return null;
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == read.UserId, ct);
        if (user is null) return null;
        _preference = read.Preference;
        Kind = NotificationKind.Choices.Single(c => c.Kind == read.Preference).Label;
        Email = user.Email ?? "";
        return user;
    }
}
