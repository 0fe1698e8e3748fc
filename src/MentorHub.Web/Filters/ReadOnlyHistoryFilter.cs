using System.Globalization;
using Microsoft.AspNetCore.Mvc.Filters;

namespace MentorHub.Web.Filters;

/// <summary>
/// An archived program, and a completed cohort, are history: every change posted to a page under them is refused with
/// a message, whichever page it comes from, so no new page can forget. Unarchiving is the one change an archived
/// program accepts. People who do not manage the program are left to the page, which answers 404.
/// </summary>
public sealed class ReadOnlyHistoryFilter(MentorHubDbContext db) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsPost(http.Request.Method)
            && context.ActionDescriptor.ViewEnginePath.StartsWith("/Programs/", StringComparison.Ordinal)
            && RouteId(context, "id") is { } programId
            && context.HandlerInstance is PageModel page
            && await RefusalAsync(context, programId, http.RequestAborted) is { } refusal)
        {
            page.TempData[Flash.ErrorKey] = refusal.Message;
            context.Result = new RedirectResult(refusal.Path);
            return;
        }
        await next();
    }

    private async Task<(string Message, string Path)?> RefusalAsync(PageHandlerExecutingContext context, int programId, CancellationToken ct)
    {
        var program = await db.Programs.AsNoTracking().ManageableBy(context.HttpContext.User).Where(p => p.Id == programId)
            .Select(p => new { p.Name, p.Status }).SingleOrDefaultAsync(ct);
        if (program is null) return null;
        if (program.Status is ProgramStatus.Archived && !string.Equals(context.HandlerMethod?.Name, "Unarchive", StringComparison.Ordinal))
            return ($"{program.Name} is archived and read-only. Unarchive it to change it.", $"/Programs/{programId}");
        if (RouteId(context, "cohortId") is not { } cohortId) return null;
        var cohort = await db.Cohorts.AsNoTracking().Where(c => c.Id == cohortId && c.ProgramId == programId)
            .Select(c => new { c.Name, c.CompletedOn }).SingleOrDefaultAsync(ct);
        return cohort?.CompletedOn is { } completedOn
            ? ($"{cohort.Name} was completed on {completedOn:d MMM yyyy} and is read-only.", $"/Programs/{programId}/Cohorts/{cohortId}")
            : null;
    }

    private static int? RouteId(PageHandlerExecutingContext context, string name) =>
        context.RouteData.Values.TryGetValue(name, out var value) && int.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;
}
