using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace MentorHub.Web.Pages.Account;

/// <summary>Open self-registration: only when <c>Accounts:AllowSelfRegistration</c> is on; otherwise the page does not exist.</summary>
[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimitSetup.AccountForms)]
public class RegisterModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IOptions<AccountOptions> accounts, TimeProvider clock, MentorHubDbContext db, ILogger<RegisterModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IActionResult OnGet() => accounts.Value.AllowSelfRegistration ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!accounts.Value.AllowSelfRegistration) return NotFound();
        if (!ModelState.IsValid) return Page();

        var user = new AppUser
        {
            UserName = Input.Email.Trim(),
            Email = Input.Email.Trim(),
            DisplayName = Input.DisplayName.Trim(),
            TimeZoneId = (await db.SettingsAsync(HttpContext.RequestAborted)).DefaultTimeZoneId,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(user, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(string.Empty, error.Code is "DuplicateEmail" or "DuplicateUserName"
                    ? "An account with this email already exists. Sign in, or reset your password."
                    : error.Description);
            return Page();
        }
        logger.LogInformation("Self-registration created {UserId}", user.Id);
        await signIn.SignInAsync(user, isPersistent: false);
        this.FlashSuccess("Your account is ready.");
        return RedirectToPage("/Index");
    }

    public sealed class InputModel
    {
        public string DisplayName { get; set; } = "";
        public string Email { get; set; } = "";
        public string NewPassword { get; set; } = "";
        public string ConfirmPassword { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator()
        {
            RuleFor(x => x.DisplayName).NotEmpty().WithMessage("Enter your name.").MaximumLength(120);
            RuleFor(x => x.Email).NotEmpty().WithMessage("Enter your email address.")
                .EmailAddress().WithMessage("Enter a valid email address, like name@library.org.").MaximumLength(256);
            RuleFor(x => x.NewPassword).NewPassword();
            RuleFor(x => x.ConfirmPassword).MatchesPassword(x => x.NewPassword);
        }
    }
}
