using MentorHub.Web.Pages.Account;

namespace MentorHub.Web.Pages;

/// <summary>
/// The first thing a new person sees after signing in: their time zone (pre-filled from the browser where it can be),
/// job title, branch and career stage. Saving or skipping ends the step for good; <see cref="Filters.WelcomeFilter"/>
/// sends people here until then.
/// </summary>
public class WelcomeModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, MentorHubDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ProfileModel.InputModel Input { get; set; } = new();

    public string? OrganisationZone { get; private set; }
    public string? ReturnUrl { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? returnUrl, CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        ReturnUrl = Local(returnUrl);
        if (!user.NeedsWelcome) return Redirect(ReturnUrl);
        OrganisationZone = (await db.SettingsAsync(ct)).DefaultTimeZoneId;
        Input = new ProfileModel.InputModel
        {
            DisplayName = user.DisplayName,
            JobTitle = user.JobTitle,
            Branch = user.Branch,
            CareerStage = user.CareerStage,
            TimeZoneId = TimeZoneChoices.IsKnown(user.TimeZoneId) ? user.TimeZoneId : OrganisationZone,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl, CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        ReturnUrl = Local(returnUrl);
        OrganisationZone = (await db.SettingsAsync(ct)).DefaultTimeZoneId;
        if (!ModelState.IsValid) return Page();
        user.DisplayName = Input.DisplayName.Trim();
        user.JobTitle = string.IsNullOrWhiteSpace(Input.JobTitle) ? null : Input.JobTitle.Trim();
        user.Branch = string.IsNullOrWhiteSpace(Input.Branch) ? null : Input.Branch.Trim();
        user.CareerStage = Input.CareerStage;
        user.TimeZoneId = Input.TimeZoneId;
        return await FinishAsync(user, "Welcome to MentorHub. Times are now shown in " + user.TimeZoneId + ".");
    }

    /// <summary>Not now: the step is not shown again; everything can be set later on the profile page.</summary>
    public async Task<IActionResult> OnPostSkipAsync(string? returnUrl)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        ReturnUrl = Local(returnUrl);
        return await FinishAsync(user, "Welcome to MentorHub. You can fill in your profile any time from your name in the menu.");
    }

    private async Task<IActionResult> FinishAsync(AppUser user, string message)
    {
        user.MarkWelcomed(clock.GetUtcNow().UtcDateTime);
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) ModelState.AddModelError(string.Empty, error.Description);
            return Page();
        }
        // The welcome claim and the time zone travel in the sign-in cookie: reissue it.
        await signIn.RefreshSignInAsync(user);
        this.FlashSuccess(message);
        return Redirect(ReturnUrl!);
    }

    private string Local(string? returnUrl) => Url.IsLocalUrl(returnUrl) && !returnUrl.StartsWith("/Welcome", StringComparison.OrdinalIgnoreCase) ? returnUrl : "/";
}
