
namespace MentorHub.Web.Pages.Me;

/// <summary>
/// Calendar subscription. <c>/Me/Calendar</c> lets a person create or replace their feed link (the old link stops
/// working at once); <c>/Me/Calendar.ics?token=…</c> is the feed itself, read by calendar apps without signing in.
/// </summary>
public class CalendarModel(UserManager<AppUser> users, AppUrls urls) : PageModel
{
    public bool HasFeed { get; private set; }

    /// <summary>Shown once, right after it is created: the link holds the secret, which is not stored.</summary>
    public string? NewFeedUrl { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        HasFeed = user.CalendarFeedTokenHash is not null;
        NewFeedUrl = TempData["CalendarFeedUrl"] as string;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var token = CalendarToken.New();
        user.CalendarFeedTokenHash = CalendarToken.Hash(token);
        await users.UpdateAsync(user);
        TempData["CalendarFeedUrl"] = urls.Page("/Me/Feed", new { token });
        this.FlashSuccess(HasFeed ? "New link created; the old one no longer works." : "Calendar link created.");
        return RedirectToPage();
    }
}
