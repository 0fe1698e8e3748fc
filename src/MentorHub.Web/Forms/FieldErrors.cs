using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace MentorHub.Web.Forms;

/// <summary>
/// One message per field: the first message a validation rule gave it (a binding placeholder only when no rule spoke),
/// worded with the field's label; and the fields a page rendered with a problem, in page order, so the summary can
/// link each message to its field.
/// </summary>
public sealed class FieldErrors
{
    private static readonly object Key = new();
    private readonly Dictionary<string, string> labels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Id, string Message)> fields = new(StringComparer.Ordinal);
    private readonly List<string> order = [];

    public static FieldErrors Of(HttpContext http)
    {
        if (http.Items[Key] is FieldErrors errors) return errors;
        errors = new FieldErrors();
        http.Items[Key] = errors;
        return errors;
    }

    /// <summary>The message for <paramref name="key"/>, or null when the field has none.</summary>
    public static string? MessageFor(ModelStateDictionary state, string key, string? label = null, string? inputType = null)
    {
        if (!state.TryGetValue(key, out var entry) || entry.Errors.Count == 0) return null;
        var messages = entry.Errors.Select(e => string.IsNullOrEmpty(e.ErrorMessage) ? BindingMessages.Invalid : e.ErrorMessage).ToList();
        var message = messages.FirstOrDefault(m => !BindingMessages.IsBindingMessage(m)) ?? messages[0];
        return BindingMessages.Words(message, key, label, inputType);
    }

    /// <summary>Whether the field's only problem is a value the binder could not read (so the typed text is shown again).</summary>
    public static bool Unreadable(ModelStateDictionary state, string key) =>
        state.TryGetValue(key, out var entry) && entry.Errors.Count > 0 && entry.Errors.All(e => BindingMessages.IsBindingMessage(e.ErrorMessage));

    public void Labelled(string id, string text) => labels.TryAdd(id, text);

    public string? LabelOf(string id) => labels.GetValueOrDefault(id);

    /// <summary>Notes that the field <paramref name="key"/> was rendered as <paramref name="id"/> (its first one counts).</summary>
    public void Rendered(string key, string id, string message)
    {
        if (fields.TryAdd(key, (id, message))) order.Add(key);
    }

    /// <summary>Every problem once: those of no field first, then by where their fields are on the page.</summary>
    public IEnumerable<(string Message, string? FieldId)> Summary(ModelStateDictionary state)
    {
        var keys = state.Where(e => e.Value is { Errors.Count: > 0 }).Select(e => e.Key).ToList();
        var shown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys.OrderBy(k => fields.ContainsKey(k) ? order.IndexOf(k) + 1 : 0))
        {
            var (id, message) = fields.TryGetValue(key, out var field) ? field : (null, MessageFor(state, key)!);
            if (shown.Add(message)) yield return (message, id);
        }
    }
}
