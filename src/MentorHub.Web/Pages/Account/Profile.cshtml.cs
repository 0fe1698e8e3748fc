
namespace MentorHub.Web.Pages.Account;

/// <summary>The profile form's fields and what the time-zone picker offers first.</summary>
/// <param name="SuggestBrowserZone">Whether the page may pre-select the browser's zone (the welcome step) when it is in the list.</param>
public sealed record ProfileFieldsView(ProfileModel.InputModel Input, string? OrganisationZone, bool SuggestBrowserZone);

public class ProfileModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, MentorHubDbContext db) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string Email { get; private set; } = "";

    public string? OrganisationZone { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        Email = user.Email ?? "";
        OrganisationZone = (await db.SettingsAsync(HttpContext.RequestAborted)).DefaultTimeZoneId;
        Input = new InputModel
        {
            DisplayName = user.DisplayName,
            JobTitle = user.JobTitle,
            Branch = user.Branch,
            CareerStage = user.CareerStage,
            TimeZoneId = user.TimeZoneId,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        Email = user.Email ?? "";
        OrganisationZone = (await db.SettingsAsync(HttpContext.RequestAborted)).DefaultTimeZoneId;
        if (!ModelState.IsValid) return Page();

        user.DisplayName = Input.DisplayName.Trim();
        user.JobTitle = Input.JobTitle?.Trim();
        user.Branch = Input.Branch?.Trim();
        user.CareerStage = Input.CareerStage;
        user.TimeZoneId = Input.TimeZoneId;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) ModelState.AddModelError(string.Empty, error.Description);
            return Page();
        }
        // Name and time zone travel in the sign-in cookie; reissue it so every page shows the new values.
        await signIn.RefreshSignInAsync(user);
        this.FlashSuccess("Your profile has been saved.");
        return RedirectToPage();
    }

    public sealed class InputModel
    {
        public string DisplayName { get; set; } = "";
        public string? JobTitle { get; set; }
        public string? Branch { get; set; }
        public CareerStage CareerStage { get; set; } = CareerStage.Established;
        public string TimeZoneId { get; set; } = "UTC";
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator()
        {
            RuleFor(x => x.DisplayName).NotEmpty().WithMessage("Enter your name.").MaximumLength(120);
            RuleFor(x => x.JobTitle).MaximumLength(120);
            RuleFor(x => x.Branch).MaximumLength(120);
            RuleFor(x => x.CareerStage).IsInEnum().WithMessage("Choose a career stage from the list.");
            RuleFor(x => x.TimeZoneId).Must(TimeZoneChoices.IsKnown).WithMessage("Choose a time zone from the list.");
        }
    }
}
