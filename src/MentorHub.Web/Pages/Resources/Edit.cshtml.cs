
namespace MentorHub.Web.Pages.Resources;

/// <summary>
/// Correct or remove a shared resource. A program's resources are changed by its coordinators; a mentorship's by its
/// current members while it is open, and by the program's coordinators. Everyone else gets 404.
/// </summary>
public class EditModel(MentorHubDbContext db) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string BackTo { get; private set; } = "/";
    public string Title { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var resource = await FindAsync(id, ct);
        if (resource is null) return NotFound();
        Input = new InputModel { Title = resource.Title, Url = resource.Url, Description = resource.Description };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var resource = await FindAsync(id, ct);
        if (resource is null) return NotFound();
        if (!ModelState.IsValid) return Page();
        try
        {
            resource.Change(Input.Title, Input.Url.Trim(), string.IsNullOrWhiteSpace(Input.Description) ? null : Input.Description.Trim());
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError("Input.Url", ex.Message);
            return Page();
        }
        db.Audit(resource, "ResourceChanged", resource.Title);
        await db.SaveChangesAsync(ct);
        this.FlashSuccess($"“{resource.Title}” saved.");
        return Redirect(BackTo);
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken ct)
    {
        var resource = await FindAsync(id, ct);
        if (resource is null) return NotFound();
        db.Resources.Remove(resource);
        db.Audit(nameof(Resource), id.ToString(System.Globalization.CultureInfo.InvariantCulture), "ResourceRemoved", resource.Title);
        await db.SaveChangesAsync(ct);
        this.FlashSuccess($"“{resource.Title}” removed.");
        return Redirect(BackTo);
    }

    private async Task<Resource?> FindAsync(int id, CancellationToken ct)
    {
        var managed = db.Programs.ManageableBy(User);
        var workable = db.Mentorships.WorkableBy(User);
        var resource = await db.Resources.Include(r => r.Tags).SingleOrDefaultAsync(r => r.Id == id
            && ((r.ProgramId != null && managed.Any(p => p.Id == r.ProgramId))
                || (r.MentorshipId != null && (workable.Any(m => m.Id == r.MentorshipId) || db.Mentorships.Any(m => m.Id == r.MentorshipId && managed.Any(p => p.Id == m.Cohort!.ProgramId)))))
            // An archived program's resources are history, like the rest of it.
            && !db.Programs.Any(p => p.Status == ProgramStatus.Archived && (p.Id == r.ProgramId || p.Cohorts.Any(c => c.Mentorships.Any(m => m.Id == r.MentorshipId)))), ct);
        if (resource is null) return null;
        BackTo = resource.ProgramId is { } programId ? $"/Programs/{programId}" : $"/Mentorships/{resource.MentorshipId}";
        Title = resource.Title;
        return resource;
    }

    public sealed class InputModel
    {
        public string Title { get; set; } = "";
        public string Url { get; set; } = "";
        public string? Description { get; set; }
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator()
        {
            RuleFor(x => x.Title).NotEmpty().WithMessage("Give the resource a title.").MaximumLength(200);
            RuleFor(x => x.Url).NotEmpty().WithMessage("Enter the link.").MaximumLength(2000);
            RuleFor(x => x.Description).MaximumLength(2000);
        }
    }
}
