using MentorHub.Core.Notifications;
using Microsoft.AspNetCore.Authorization;

namespace MentorHub.Web.Pages.Account;

[AllowAnonymous]
public class ForgotPasswordModel(UserManager<AppUser> users, NotificationOutbox outbox, MentorHubDbContext db, AppUrls urls, ILogger<ForgotPasswordModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    /// <summary>Answers the same whether or not the address has an account, so the page cannot be used to find out who does.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid) return Page();

        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is not null && await users.HasPasswordAsync(user))
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var link = urls.Page("/Account/ResetPassword", new { userId = user.Id, token });
            await outbox.QueueAsync(AccountEmails.PasswordReset(Recipient.Of(user), link));
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Password reset requested for {UserId}", user.Id);
        }
        else
        {
            logger.LogInformation("Password reset requested for an address without an account");
        }
        Sent = true;
        return Page();
    }

    public sealed class InputModel
    {
        public string Email { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator()
        {
            RuleFor(x => x.Email).NotEmpty().WithMessage("Enter your email address.")
                .EmailAddress().WithMessage("Enter a valid email address, like name@library.org.").MaximumLength(256);
        }
    }
}
