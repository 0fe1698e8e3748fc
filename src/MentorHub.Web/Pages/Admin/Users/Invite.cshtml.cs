
namespace MentorHub.Web.Pages.Admin.Users;

public class InviteModel(AccountInvitations invitations, UserManager<AppUser> users) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid) return Page();
        if (await users.FindByEmailAsync(Input.Email.Trim()) is not null)
        {
            ModelState.AddModelError("Input.Email", "Someone with this email already has an account.");
            return Page();
        }
        var inviter = await users.GetUserAsync(User);
        var (result, errors) = await invitations.InviteAsync(Input.Email, Input.DisplayName, Input.MakeCoordinator ? Roles.Coordinator : null,
            inviter!.Id, inviter.DisplayName, cancellationToken);
        if (result is null)
        {
            foreach (var error in errors) ModelState.AddModelError(string.Empty, error.Description);
            return Page();
        }
        this.FlashSuccess($"Invitation sent to {result.User.Email}.");
        return RedirectToPage("/Admin/Users/Index");
    }

    public sealed class InputModel
    {
        public string DisplayName { get; set; } = "";
        public string Email { get; set; } = "";
        public bool MakeCoordinator { get; set; }
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator()
        {
            RuleFor(x => x.DisplayName).NotEmpty().WithMessage("Enter the person's name.").MaximumLength(120);
            RuleFor(x => x.Email).NotEmpty().WithMessage("Enter the person's email address.")
                .EmailAddress().WithMessage("Enter a valid email address, like name@library.org.").MaximumLength(256);
        }
    }
}
