using Microsoft.AspNetCore.Authorization;

namespace MentorHub.Web.Pages.Account;

/// <summary>
/// The second step of signing in: a code from the authenticator app, or one of the recovery codes. Only reachable
/// after the right password (Identity keeps that in a short-lived cookie of its own). Wrong codes count towards the
/// account's lockout like wrong passwords.
/// </summary>
[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimitSetup.AccountForms)]
public class LoginWith2faModel(SignInManager<AppUser> signIn, ILogger<LoginWith2faModel> logger) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Whether the form asks for a recovery code instead of the app's code.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Recovery { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            this.FlashError("Your sign-in took too long. Enter your email and password again.");
            return RedirectToPage("/Account/Login");
        }
        // Recovery codes keep their dash (XXXXX-XXXXX); app codes are digits, often typed with a space.
        var code = Recovery ? (Code ?? "").Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant() : TwoFactorModel.Normalize(Code);
        if (code.Length is 0 or > 20)
        {
            ModelState.AddModelError(nameof(Code), Recovery ? "Enter one of your recovery codes." : "Enter the 6-digit code from your authenticator app.");
            return Page();
        }
        var result = Recovery
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(code)
            : await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        logger.Log(result.Succeeded ? LogLevel.Information : LogLevel.Warning,
            "Second sign-in step {Outcome} for {UserId} with {Method} from {RemoteIp}", result.Succeeded ? "succeeded" : result.IsLockedOut ? "locked-out" : "failed",
            user.Id, Recovery ? "recovery code" : "authenticator code", HttpContext.Connection.RemoteIpAddress?.ToString());
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        ModelState.AddModelError(nameof(Code), result.IsLockedOut
            ? LoginModel.FailedMessage
            : Recovery ? "That recovery code is not right, or was used before." : "That code is not right. Enter the code your app shows now.");
        return Page();
    }
}
