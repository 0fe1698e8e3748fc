using System.Globalization;
using Hangfire;
using MentorHub.Web.Jobs;
using Microsoft.AspNetCore.WebUtilities;

namespace MentorHub.Web.Pages.Admin;

/// <summary>The outbox for administrators: what is waiting, what went, and what failed (with the error), with retry.</summary>
public class OutboxModel(MentorHubDbContext db, UserTime time, TimeProvider clock, IBackgroundJobClient jobs) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "status")]
    public NotificationStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public IReadOnlyList<Row> Messages { get; private set; } = [];
    public IReadOnlyDictionary<NotificationStatus, int> Counts { get; private set; } = new Dictionary<NotificationStatus, int>();
    public Paging Paging { get; private set; } = null!;
    public UserTime Time => time;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Counts = await db.Notifications.GroupBy(n => n.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var query = db.Notifications.AsNoTracking();
        if (Status is not null) query = query.Where(n => n.Status == Status);
        var search = Search?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            query = query.WhereAnyContains(db.Database, search, n => n.RecipientEmail, n => n.Subject, n => n.Kind);
        }
        var total = await query.CountAsync(ct);
        Paging = new Paging(Paging.Normalize(PageNumber), PageSize, total, "/Admin/Outbox",
            new Dictionary<string, string?> { ["status"] = Status?.ToString(), ["q"] = search });
        Messages = await query.OrderByDescending(n => n.Id).Skip(Paging.Skip).Take(PageSize)
            .Select(n => new Row(n.Id, n.Kind, n.RecipientEmail, n.Subject, n.Status, n.Attempts, n.LastError, n.CreatedAtUtc, n.SentAtUtc, n.NextAttemptAtUtc))
            .ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostRetryAsync(long messageId, CancellationToken ct)
    {
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == messageId, ct);
        if (notification is null) return NotFound();
        try
        {
            notification.Retry(clock.GetUtcNow().UtcDateTime);
        }
        catch (DomainException ex)
        {
            this.FlashError(ex.Message);
            return Redirect(ReturnUrl());
        }
        db.Audit(notification, "NotificationRetried", notification.RecipientEmail);
        await db.SaveChangesAsync(ct);
        jobs.Enqueue<DeliverNotificationsJob>(job => job.RunAsync(CancellationToken.None));
        this.FlashSuccess($"The message to {notification.RecipientEmail} will be sent again within a minute.");
        return Redirect(ReturnUrl());
    }

    public async Task<IActionResult> OnPostRetryAllAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var failed = await db.Notifications.Where(n => n.Status == NotificationStatus.Failed).ToListAsync(ct);
        foreach (var notification in failed) notification.Retry(now);
        if (failed.Count > 0)
        {
            db.Audit(nameof(Notification), "failed", "NotificationsRetried", $"{failed.Count} messages");
            await db.SaveChangesAsync(ct);
            jobs.Enqueue<DeliverNotificationsJob>(job => job.RunAsync(CancellationToken.None));
        }
        this.FlashSuccess(failed.Count == 0 ? "No failed messages to retry." : $"{failed.Count} failed {(failed.Count == 1 ? "message" : "messages")} will be sent again within a minute.");
        return Redirect(ReturnUrl());
    }

    /// <summary>A post to nothing in particular (a hand-made request) just shows the list again.</summary>
    public IActionResult OnPost() => Redirect(ReturnUrl());

    /// <summary>A handler's address that keeps the list's filters, so the person lands back where they were.</summary>
    public string HandlerUrl(string handler, long? messageId = null) => QueryHelpers.AddQueryString("/Admin/Outbox", Filters()
        .Append(new("handler", handler)).Concat(messageId is null ? [] : [new("messageId", messageId.Value.ToString(CultureInfo.InvariantCulture))]));

    private string ReturnUrl() => QueryHelpers.AddQueryString("/Admin/Outbox", Filters());

    private IEnumerable<KeyValuePair<string, string?>> Filters() => new Dictionary<string, string?>
    {
        ["status"] = Status?.ToString(),
        ["q"] = string.IsNullOrWhiteSpace(Search) ? null : Search.Trim(),
        ["page"] = PageNumber?.ToString(CultureInfo.InvariantCulture),
    }.Where(p => p.Value is not null);

    public sealed record Row(long Id, string Kind, string To, string Subject, NotificationStatus Status, int Attempts, string? LastError,
        DateTime CreatedAtUtc, DateTime? SentAtUtc, DateTime NextAttemptAtUtc);
}
