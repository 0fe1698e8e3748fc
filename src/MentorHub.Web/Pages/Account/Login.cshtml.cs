using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace MentorHub.Web.Pages.Account;

[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimitSetup.AccountForms)]
public class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, IPasswordHasher<AppUser> hasher, IOptions<AccountOptions> accounts, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool AllowSelfRegistration => accounts.Value.AllowSelfRegistration;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();

        var user = await users.FindByEmailAsync(Input.Email.Trim());
        var result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        // Identity answers an unknown, locked or disabled account without hashing the password; hashing it anyway
        // makes every failure take as long as a wrong password, so timing tells nobody which accounts exist.
        var disabled = false;
        if (user is null || result.IsLockedOut) hasher.VerifyHashedPassword(new AppUser(), StandInHash(hasher), Input.Password);
        else if (result.IsNotAllowed) disabled = await users.CheckPasswordAsync(user, Input.Password);

        var outcome = result.Succeeded ? "succeeded" : result.IsLockedOut ? "locked-out" : result.IsNotAllowed ? "not-allowed" : result.RequiresTwoFactor ? "needs-second-factor" : "failed";
        logger.Log(result.Succeeded ? LogLevel.Information : LogLevel.Warning,
            "Sign-in {Outcome} for {Email} from {RemoteIp}", outcome, Input.Email, HttpContext.Connection.RemoteIpAddress?.ToString());

        if (result.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        if (result.RequiresTwoFactor)
            return RedirectToPage("/Account/LoginWith2fa", new { ReturnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null });
        // The same words for a wrong password, an unknown address and a locked account, so the page tells nobody which
        // accounts exist; "disabled" needs the right password, so it reveals nothing new.
        ModelState.AddModelError(string.Empty, disabled
            ? "This account has been disabled. Ask your MentorHub administrator if you think that is a mistake."
            : FailedMessage);
        return Page();
    }

    private static string? _standInHash;

    /// <summary>A hash of nothing in particular, made with the same settings as real ones, to verify against.</summary>
    private static string StandInHash(IPasswordHasher<AppUser> hasher) => _standInHash ??= hasher.HashPassword(new AppUser(), Guid.NewGuid().ToString());

    public const string FailedMessage = "The email or password is incorrect, or the account is locked for 15 minutes after too many attempts. You can reset your password from the link below.";

    public sealed class InputModel
    {
        public string Email { get; set; } = "";
        public string Password { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator()
        {
            RuleFor(x => x.Email).NotEmpty().WithMessage("Enter your email address.")
                .EmailAddress().WithMessage("Enter a valid email address, like name@library.org.").MaximumLength(256);
            RuleFor(x => x.Password).NotEmpty().WithMessage("Enter your password.").MaximumLength(IdentitySetup.MaxPasswordLength);
        }
    }
}
