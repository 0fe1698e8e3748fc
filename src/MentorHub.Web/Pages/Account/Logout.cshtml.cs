
namespace MentorHub.Web.Pages.Account;

public class LogoutModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, ILogger<LogoutModel> logger) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    /// <summary>Signing out changes the security stamp, which ends this person's sessions everywhere, not just here.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is not null)
        {
            await users.UpdateSecurityStampAsync(user);
            logger.LogInformation("Sign-out for {UserId}; all sessions ended", user.Id);
        }
        await signIn.SignOutAsync();
        this.FlashSuccess("You are signed out.");
        return RedirectToPage("/Account/Login");
    }
}
