
namespace MentorHub.Web.Pages.Admin;

/// <summary>The organisation's settings: for now, the time zone new accounts and invitations start in.</summary>
public class SettingsModel(MentorHubDbContext db) : PageModel
{
    [BindProperty]
    public string TimeZoneId { get; set; } = "UTC";

    [BindProperty]
    public Guid? Version { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var settings = await db.SettingsAsync(ct);
        (TimeZoneId, Version) = (settings.DefaultTimeZoneId, db.Entry(settings).State == EntityState.Detached ? null : settings.Version);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!TimeZoneChoices.IsKnown(TimeZoneId)) ModelState.AddModelError(nameof(TimeZoneId), "Choose a time zone from the list.");
        if (!ModelState.IsValid) return Page();
        var settings = await db.SettingsAsync(ct);
        if (db.Entry(settings).State == EntityState.Detached) db.OrganisationSettings.Add(settings);
        else db.Entry(settings).Property(s => s.Version).OriginalValue = Version ?? Guid.Empty;
        settings.ChangeDefaultTimeZone(TimeZoneId);
        db.Audit(nameof(OrganisationSettings), OrganisationSettings.SingletonId.ToString(System.Globalization.CultureInfo.InvariantCulture), "DefaultTimeZoneChanged", TimeZoneId);
        await db.SaveChangesAsync(ct);
        this.FlashSuccess($"New accounts and invitations now start in {TimeZoneId}. People who already have an account keep their own zone.");
        return RedirectToPage();
    }
}
