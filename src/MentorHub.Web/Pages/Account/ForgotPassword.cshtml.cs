using MentorHub.Core.Notifications;
using Microsoft.AspNetCore.Authorization;

namespace MentorHub.Web.Pages.Account;

[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimitSetup.AccountForms)]
public class ForgotPasswordModel(UserManager<AppUser> users, NotificationOutbox outbox, MentorHubDbContext db, AppUrls urls, TimeProvider clock, ILogger<ForgotPasswordModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>How long after one reset mail another to the same person is held back.</summary>
    public static readonly TimeSpan OnePerPerson = TimeSpan.FromMinutes(5);

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    /// <summary>Answers the same whether or not the address has an account, so the page cannot be used to find out who does.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid) return Page();

        var user = await users.FindByEmailAsync(Input.Email.Trim());
        var since = clock.GetUtcNow().UtcDateTime - OnePerPerson;
        if (user is null || user.IsDisabled || !await users.HasPasswordAsync(user))
        {
            // The same work as a real reset (a token and a rendered message, neither kept), so the answer's timing does
            // not tell whether the address has an account.
            var standIn = new AppUser { Id = Guid.NewGuid().ToString(), Email = Input.Email.Trim(), SecurityStamp = Guid.NewGuid().ToString() };
            await outbox.RenderOnlyAsync(AccountEmails.PasswordReset(Recipient.Of(standIn), urls.Page("/Account/ResetPassword", new { userId = standIn.Id, token = "-" })));
            logger.LogInformation("Password reset requested for an address without an active account");
        }
        else if (await db.Notifications.AnyAsync(n => n.Kind == NotificationKind.PasswordReset && n.RecipientUserId == user.Id && n.CreatedAtUtc > since, cancellationToken))
        {
            // One reset mail per person every few minutes: nobody can flood someone's mailbox from this page.
            logger.LogWarning("Password reset for {UserId} not sent again within {Minutes} minutes", user.Id, OnePerPerson.TotalMinutes);
        }
        else
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var link = urls.Page("/Account/ResetPassword", new { userId = user.Id, token });
            await outbox.QueueAsync(AccountEmails.PasswordReset(Recipient.Of(user), link));
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Password reset requested for {UserId}", user.Id);
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
