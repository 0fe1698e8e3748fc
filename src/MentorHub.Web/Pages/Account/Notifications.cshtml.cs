namespace MentorHub.Web.Pages.Account;

/// <summary>Which mail a person gets. Security mail (password resets, invitations) is not listed: it always goes.</summary>
public class NotificationsModel(UserManager<AppUser> users) : PageModel
{
    /// <summary>The kinds the person wants, as ticked boxes.</summary>
    [BindProperty]
    public List<NotificationKinds> Wanted { get; set; } = [];

    public IReadOnlyList<(NotificationKinds Kind, string Label, string Hint)> Choices => NotificationKind.Choices;

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        Wanted = Choices.Where(c => user.Wants(c.Kind)).Select(c => c.Kind).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var offered = Choices.Aggregate(NotificationKinds.None, (all, c) => all | c.Kind);
        var wanted = Wanted.Aggregate(NotificationKinds.None, (all, k) => all | k) & offered;
        user.MutedNotifications = offered & ~wanted;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            this.FlashError("Your choices could not be saved. Try again.");
            return RedirectToPage();
        }
        this.FlashSuccess(user.MutedNotifications == NotificationKinds.None
            ? "Saved: you get every kind of message."
            : "Saved. You will still get security mail such as password resets.");
        return RedirectToPage();
    }
}
