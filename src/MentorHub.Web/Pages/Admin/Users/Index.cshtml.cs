
namespace MentorHub.Web.Pages.Admin.Users;

public class IndexModel(MentorHubDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 25;

    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    public Paging Paging { get; private set; } = null!;

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = db.Users.AsNoTracking();
        var search = Search?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            query = query.WhereAnyContains(db.Database, search, u => u.DisplayName, u => u.Email, u => u.Branch, u => u.JobTitle);
        }
        var total = await query.CountAsync(cancellationToken);
        Paging = new Paging(Paging.Normalize(PageNumber), PageSize, total, "/Admin/Users", new Dictionary<string, string?> { ["q"] = search });

        var page = await query.OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Skip(Paging.Skip).Take(PageSize)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.JobTitle, u.Branch, u.LockoutEnd, u.DisabledAtUtc, HasPassword = u.PasswordHash != null })
            .ToListAsync(cancellationToken);
        var ids = page.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        Users = page.Select(u => new UserRow(u.Id, u.DisplayName, u.Email ?? "", u.JobTitle, u.Branch,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order().ToList(),
            IsLockedOut: u.LockoutEnd > now, IsInvited: !u.HasPassword, IsDisabled: u.DisabledAtUtc != null)).ToList();
    }

    public sealed record UserRow(string Id, string DisplayName, string Email, string? JobTitle, string? Branch,
        IReadOnlyList<string> Roles, bool IsLockedOut, bool IsInvited, bool IsDisabled);
}
