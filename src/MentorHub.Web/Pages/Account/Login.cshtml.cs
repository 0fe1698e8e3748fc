using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace MentorHub.Web.Pages.Account;

[AllowAnonymous]
public class LoginModel(SignInManager<AppUser> signIn, IOptions<AccountOptions> accounts, ILogger<LoginModel> logger) : PageModel
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

        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: true);
        var outcome = result.Succeeded ? "succeeded" : result.IsLockedOut ? "locked-out" : result.IsNotAllowed ? "not-allowed" : "failed";
        logger.Log(result.Succeeded ? LogLevel.Information : LogLevel.Warning,
            "Sign-in {Outcome} for {Email} from {RemoteIp}", outcome, Input.Email, HttpContext.Connection.RemoteIpAddress?.ToString());

        if (result.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? "This account is locked after too many failed sign-in attempts. Try again in 15 minutes, or reset your password."
            : "The email or password is incorrect.");
        return Page();
    }

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
