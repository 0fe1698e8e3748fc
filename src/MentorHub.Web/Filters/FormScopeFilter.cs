using Microsoft.AspNetCore.Mvc.Filters;

namespace MentorHub.Web.Filters;

/// <summary>
/// Each form on a page answers for itself. A page with several forms binds every one of its bound properties on any
/// post, so an empty "Add coordinator" also reported the "Share a resource" form's rules; the properties the submitted
/// form did not post at all are left out of validation. When the post names none of them, nothing is left out.
/// </summary>
public sealed class FormScopeFilter : IPageFilter
{
    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var request = context.HttpContext.Request;
        var bound = context.ActionDescriptor.BoundProperties;
        if (bound.Count < 2 || context.ModelState.IsValid || !HttpMethods.IsPost(request.Method) || !request.HasFormContentType) return;
        var posted = request.Form.Keys.ToList();
        var unposted = bound.Where(p => !posted.Any(key => Within(key, p.BindingInfo?.BinderModelName ?? p.Name))).ToList();
        if (unposted.Count == bound.Count) return;
        // A property whose prefix was not posted is bound from the bare member names, so its rules speak under those.
        var keys = unposted.SelectMany(p => p.ParameterType.GetProperties().Select(member => member.Name).Append(p.BindingInfo?.BinderModelName ?? p.Name)).ToList();
        foreach (var key in context.ModelState.Keys.Where(key => keys.Any(prefix => Within(key, prefix))).ToList())
            context.ModelState.Remove(key);
    }

    private static bool Within(string key, string prefix) =>
        key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && (key.Length == prefix.Length || key[prefix.Length] is '.' or '[');

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context) { }

    public void OnPageHandlerSelected(PageHandlerSelectedContext context) { }
}
