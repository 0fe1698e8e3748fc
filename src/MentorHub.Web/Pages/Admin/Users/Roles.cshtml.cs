
namespace MentorHub.Web.Pages.Admin.Users;

/// <summary>Grant or remove a person's global roles. Removing a role asks for confirmation first.</summary>
public class RolesModel(UserManager<AppUser> users, MentorHubDbContext db, ILogger<RolesModel> logger) : PageModel
{
    public AppUser Person { get; private set; } = null!;

    [BindProperty]
    public List<string> SelectedRoles { get; set; } = [];

    [BindProperty]
    public bool Confirmed { get; set; }

    public IReadOnlyList<string> Removing { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? id)
    {
        var user = id is null ? null : await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        Person = user;
        SelectedRoles = [.. await users.GetRolesAsync(user)];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? id)
    {
        var user = id is null ? null : await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        Person = user;

        var chosen = SelectedRoles.Where(r => !string.IsNullOrWhiteSpace(r)).ToList();
        var wanted = chosen.Intersect(Roles.All).ToHashSet();
        if (chosen.Except(Roles.All).Any())
            ModelState.AddModelError(nameof(SelectedRoles), "Choose roles from the list.");
        var current = (await users.GetRolesAsync(user)).ToHashSet();
        var adding = wanted.Except(current).ToList();
        Removing = current.Except(wanted).ToList();

        if (Removing.Contains(Roles.Administrator) && (await users.GetUsersInRoleAsync(Roles.Administrator)).Count <= 1)
            ModelState.AddModelError(nameof(SelectedRoles), "MentorHub needs at least one administrator. Make someone else an administrator first.");
        if (!ModelState.IsValid) return Page();
        if (Removing.Count > 0 && !Confirmed) return Page();

        var actor = users.GetUserId(User);
        foreach (var role in adding)
        {
            await users.AddToRoleAsync(user, role);
            db.Audit(user, "RoleGranted", role);
        }
        foreach (var role in Removing)
        {
            await users.RemoveFromRoleAsync(user, role);
            db.Audit(user, "RoleRemoved", role);
        }
        await db.SaveChangesAsync();
        logger.LogInformation("{Actor} changed roles of {UserId}: added {Added}, removed {Removed}", actor, user.Id, adding, Removing);
        this.FlashSuccess(adding.Count + Removing.Count == 0 ? $"No change to {user.DisplayName}'s roles." : $"Roles of {user.DisplayName} saved.");
        return RedirectToPage("/Admin/Users/Index");
    }
}
