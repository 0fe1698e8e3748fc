
namespace MentorHub.Web.Pages.Admin.Users;

/// <summary>
/// An administrator disables or re-enables a person's account, or ends all their sessions. Disabling ends the
/// sessions at their next request and stops the calendar-feed link; the person's history stays.
/// </summary>
public class AccountModel(UserManager<AppUser> users, AccountSecurity security, MentorHubDbContext db) : PageModel
{
    /// <summary>The name shown everywhere (lists, mail, mentorship pages); the form keeps what was typed when refused.</summary>
    [BindProperty]
    public string? DisplayName { get; set; }

    public AppUser Person { get; private set; } = null!;
    public bool IsSelf { get; private set; }

    /// <summary>Which action waits for confirmation, if any.</summary>
    public string? Confirming { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? id)
    {
        if (!await LoadAsync(id)) return NotFound();
        DisplayName = Person.DisplayName;
        return Page();
    }

    public async Task<IActionResult> OnPostRenameAsync(string? id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var name = DisplayName?.Trim() ?? "";
        if (name.Length == 0) ModelState.AddModelError(nameof(DisplayName), "Enter the person's name.");
        else if (name.Length > 120) ModelState.AddModelError(nameof(DisplayName), "Keep the name to 120 characters.");
        if (!ModelState.IsValid) return Page();
        var before = Person.DisplayName;
        Person.DisplayName = name;
        db.Audit(Person, "UserRenamed", $"{before} → {name}");
        var result = await users.UpdateAsync(Person);
        if (!result.Succeeded) return Refuse(string.Join(" ", result.Errors.Select(e => e.Description)));
        this.FlashSuccess($"{before} is now shown as {name}.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDisableAsync(string? id, bool confirmed)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (IsSelf) return Refuse("You cannot disable your own account. Ask another administrator.");
        if (await users.IsInRoleAsync(Person, Roles.Administrator) && (await users.GetUsersInRoleAsync(Roles.Administrator)).Count(u => !u.IsDisabled) <= 1)
            return Refuse("MentorHub needs at least one enabled administrator. Make someone else an administrator first.");
        if (!confirmed)
        {
            Confirming = "Disable";
            return Page();
        }
        try
        {
            await security.DisableAsync(Person, users.GetUserId(User)!);
        }
        catch (DomainException ex)
        {
            return Refuse(ex.Message);
        }
        this.FlashSuccess($"{Person.DisplayName}'s account is disabled. They were signed out everywhere and cannot sign in.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostEnableAsync(string? id)
    {
        if (!await LoadAsync(id)) return NotFound();
        try
        {
            await security.EnableAsync(Person, users.GetUserId(User)!);
        }
        catch (DomainException ex)
        {
            return Refuse(ex.Message);
        }
        this.FlashSuccess($"{Person.DisplayName} can sign in again.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostEndSessionsAsync(string? id, bool confirmed)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!confirmed)
        {
            Confirming = "EndSessions";
            return Page();
        }
        await security.EndAllSessionsAsync(Person, users.GetUserId(User)!);
        this.FlashSuccess(IsSelf ? "All your sessions have ended." : $"{Person.DisplayName} was signed out everywhere.");
        return RedirectToPage(new { id });
    }

    private IActionResult Refuse(string message)
    {
        this.FlashError(message);
        return RedirectToPage(new { id = Person.Id });
    }

    private async Task<bool> LoadAsync(string? id)
    {
        var user = string.IsNullOrEmpty(id) || id.Length > 64 ? null : await users.FindByIdAsync(id);
        if (user is null) return false;
        Person = user;
        IsSelf = user.Id == users.GetUserId(User);
        return true;
    }
}
