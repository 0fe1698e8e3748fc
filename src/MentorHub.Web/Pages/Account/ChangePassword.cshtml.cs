
namespace MentorHub.Web.Pages.Account;

[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimitSetup.AccountForms)]
public class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AccountSecurity security, ILogger<ChangePasswordModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    /// <summary>Changing the password changes the security stamp: other sessions end; this one is reissued and continues.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            // Guesses of the current password count towards the account's lockout, as at sign-in.
            if (result.Errors.Any(e => e.Code == "PasswordMismatch")) await users.AccessFailedAsync(user);
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? "Input.CurrentPassword" : string.Empty,
                    error.Code == "PasswordMismatch" ? "Your current password is not correct." : error.Description);
            logger.LogWarning("Password change refused for {UserId}: {Codes}", user.Id, string.Join(",", result.Errors.Select(e => e.Code)));
            return Page();
        }
        await security.PasswordChangedAsync(user);
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("Password changed for {UserId}; other sessions ended", user.Id);
        this.FlashSuccess("Your password has been changed. You have been signed out everywhere else, and your calendar-feed link has stopped.");
        return RedirectToPage("/Account/Profile");
    }

    public sealed class InputModel
    {
        public string CurrentPassword { get; set; } = "";
        public string NewPassword { get; set; } = "";
        public string ConfirmPassword { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator()
        {
            RuleFor(x => x.CurrentPassword).NotEmpty().WithMessage("Enter your current password.").MaximumLength(IdentitySetup.MaxPasswordLength);
            RuleFor(x => x.NewPassword).NewPassword();
            RuleFor(x => x.ConfirmPassword).MatchesPassword(x => x.NewPassword);
        }
    }
}
