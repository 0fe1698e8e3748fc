using Microsoft.AspNetCore.Authorization;

namespace MentorHub.Web.Pages.Account;

[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimitSetup.AccountForms)]
public class ResetPasswordModel(UserManager<AppUser> users, AccountSecurity security, ILogger<ResetPasswordModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IActionResult OnGet(string? userId, string? token)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(token)) return NotFound();
        Input = new InputModel { UserId = userId, Token = token };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();

        var user = await users.FindByIdAsync(Input.UserId);
        var result = user is null
            ? IdentityResult.Failed(new IdentityError { Code = "InvalidToken" })
            : await users.ResetPasswordAsync(user, Input.Token, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(string.Empty, error.Code == "InvalidToken"
                    ? "This reset link is invalid or has expired. Ask for a new one from the sign-in page."
                    : error.Description);
            return Page();
        }

        // A successful reset proves control of the mailbox, so it also lifts a lockout.
        await users.SetLockoutEndDateAsync(user!, null);
        await users.ResetAccessFailedCountAsync(user!);
        await security.PasswordChangedAsync(user!);
        logger.LogInformation("Password reset completed for {UserId}", user!.Id);
        this.FlashSuccess("Your password has been changed. Sign in with the new one.");
        return RedirectToPage("/Account/Login");
    }

    public sealed class InputModel
    {
        public string UserId { get; set; } = "";
        public string Token { get; set; } = "";
        public string NewPassword { get; set; } = "";
        public string ConfirmPassword { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator()
        {
            RuleFor(x => x.UserId).NotEmpty();
            RuleFor(x => x.Token).NotEmpty();
            RuleFor(x => x.NewPassword).NewPassword();
            RuleFor(x => x.ConfirmPassword).MatchesPassword(x => x.NewPassword);
        }
    }
}
