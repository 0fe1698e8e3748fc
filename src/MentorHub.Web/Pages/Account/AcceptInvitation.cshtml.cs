using Microsoft.AspNetCore.Authorization;

namespace MentorHub.Web.Pages.Account;

/// <summary>An invited person follows the emailed link and chooses a password; the link then stops working.</summary>
[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimitSetup.AccountForms)]
public class AcceptInvitationModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, MentorHubDbContext db, NotificationOutbox outbox, AppUrls urls,
    ILogger<AcceptInvitationModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? Email { get; private set; }

    public bool LinkIsValid { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? userId, string? token)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(token)) return NotFound();
        var user = await FindInvitedUserAsync(userId, token);
        if (user is not null)
        {
            Email = user.Email;
            Input = new InputModel { UserId = userId, Token = token, DisplayName = user.DisplayName };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await FindInvitedUserAsync(Input.UserId, Input.Token);
        if (user is null) return Page();
        Email = user.Email;
        if (!ModelState.IsValid) return Page();

        user.DisplayName = Input.DisplayName.Trim();
        user.EmailConfirmed = true;
        var result = await users.AddPasswordAsync(user, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) ModelState.AddModelError(string.Empty, error.Description);
            return Page();
        }
        await users.UpdateAsync(user);
        logger.LogInformation("Invitation accepted by {UserId}", user.Id);
        await TellAboutMatchesAsync(user);
        await signIn.SignInAsync(user, isPersistent: false);
        this.FlashSuccess($"Welcome to MentorHub, {user.DisplayName}.");
        return RedirectToPage("/Index");
    }

    /// <summary>Matches made before the person accepted were not announced to them (the mail would have led nowhere): now they are.</summary>
    private async Task TellAboutMatchesAsync(AppUser user)
    {
        var matches = await db.Mentorships.AsNoTracking()
            .Where(m => m.Status != MentorshipStatus.Closed && m.Members.Any(mm => mm.UserId == user.Id && mm.IsCurrent))
            .Select(m => new { m.Id, ProgramName = m.Cohort!.Program!.Name, Partners = m.Members.Where(mm => mm.UserId != user.Id).Select(mm => mm.User!.DisplayName).ToList() })
            .ToListAsync();
        if (matches.Count == 0) return;
        await outbox.QueueNewAndSaveAsync(matches.Select(m => ProgramEmails.Matched(Recipient.Of(user), urls.Links, m.Id, m.ProgramName, m.Partners)).ToList(), HttpContext.RequestAborted);
    }

    /// <summary>The invitation is good while its token verifies and no password has been set (setting one changes the stamp).</summary>
    private async Task<AppUser?> FindInvitedUserAsync(string userId, string token)
    {
        var user = await users.FindByIdAsync(userId);
        LinkIsValid = user is not null
            && !await users.HasPasswordAsync(user)
            && await users.VerifyUserTokenAsync(user, InvitationTokenProvider.Name, InvitationTokenProvider.Purpose, token);
        if (!LinkIsValid) logger.LogWarning("Invalid or used invitation link presented for {UserId}", userId);
        return LinkIsValid ? user : null;
    }

    public sealed class InputModel
    {
        public string UserId { get; set; } = "";
        public string Token { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public string NewPassword { get; set; } = "";
        public string ConfirmPassword { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator()
        {
            RuleFor(x => x.DisplayName).NotEmpty().WithMessage("Enter your name as colleagues know it.").MaximumLength(120);
            RuleFor(x => x.NewPassword).NewPassword();
            RuleFor(x => x.ConfirmPassword).MatchesPassword(x => x.NewPassword);
        }
    }
}
