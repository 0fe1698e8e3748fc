using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace MentorHub.Web.Forms;

/// <summary>
/// Every field with a problem, however the page wrote it: marked <c>aria-invalid</c>, described by its message, which
/// is shown right after it (after a choice group's legend, through <see cref="FieldErrorTagHelper"/>). Runs after the
/// framework's own tag helpers so it sees the name and id they give.
/// </summary>
[HtmlTargetElement("input")]
[HtmlTargetElement("select")]
[HtmlTargetElement("textarea")]
public sealed class FieldTagHelper : TagHelper
{
    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override int Order => 100;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (ViewContext.ModelState.IsValid) return;
        var name = output.Attributes["name"]?.Value?.ToString();
        var type = output.Attributes["type"]?.Value?.ToString();
        if (string.IsNullOrEmpty(name) || type is "hidden" or "submit" or "button") return;
        if (!ViewContext.ModelState.TryGetValue(name, out var entry) || entry.Errors.Count == 0) return;

        var id = output.Attributes["id"]?.Value?.ToString();
        if (string.IsNullOrEmpty(id))
        {
            id = TagBuilder.CreateSanitizedId(name, "_");
            output.Attributes.SetAttribute("id", id);
        }
        var errors = FieldErrors.Of(ViewContext.HttpContext);
        var choice = type is "radio" or "checkbox";
        var message = FieldErrors.MessageFor(ViewContext.ModelState, name, choice ? null : errors.LabelOf(id), output.TagName == "select" ? "select" : type)!;
        var messageId = MessageId(name);
        errors.Rendered(name, id, message);
        output.Attributes.SetAttribute("aria-invalid", "true");
        // Each option of a choice group would turn red; the group's message under its legend says it once.
        if (!choice) output.AddClass("is-invalid", HtmlEncoder.Default);
        // A value the binder could not read is shown as typed (an emptied number stays empty, not its old value).
        if (output.TagName == "input" && !choice && FieldErrors.Unreadable(ViewContext.ModelState, name))
            output.Attributes.SetAttribute("value", entry.AttemptedValue ?? "");
        var described = output.Attributes["aria-describedby"]?.Value?.ToString();
        output.Attributes.SetAttribute("aria-describedby", string.IsNullOrEmpty(described) ? messageId : $"{messageId} {described}");
        if (!choice) output.PostElement.AppendHtml(Message(messageId, message));
    }

    internal static string MessageId(string name) => TagBuilder.CreateSanitizedId(name, "_") + "-error";

    internal static TagBuilder Message(string id, string message)
    {
        var div = new TagBuilder("div");
        div.Attributes["id"] = id;
        div.AddCssClass("invalid-feedback d-block");
        div.InnerHtml.Append(message);
        return div;
    }
}

/// <summary>
/// Notes each label's words for the field it names, so a message about a value that could not be read names the field
/// as the page does ("Enter a number for “Meet every … days”.").
/// </summary>
[HtmlTargetElement("label")]
public sealed class FieldLabelTagHelper : TagHelper
{
    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override int Order => 100;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        if (ViewContext.ModelState.IsValid || output.Attributes["for"]?.Value?.ToString() is not { Length: > 0 } id) return;
        var content = output.IsContentModified ? output.Content.GetContent() : (await output.GetChildContentAsync()).GetContent();
        var text = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(content, "<[^>]*>", " "));
        text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length > 0) FieldErrors.Of(ViewContext.HttpContext).Labelled(id, text);
    }
}

/// <summary>
/// The message of a group of radio buttons or checkboxes, placed under the group's legend:
/// <c>&lt;field-error for="Input.Reason" /&gt;</c>. Renders nothing when the group has no problem.
/// </summary>
[HtmlTargetElement("field-error", Attributes = "for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldErrorTagHelper : TagHelper
{
    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public string For { get; set; } = "";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        if (FieldErrors.MessageFor(ViewContext.ModelState, For) is { } message)
            output.Content.SetHtmlContent(FieldTagHelper.Message(FieldTagHelper.MessageId(For), message));
    }
}

/// <summary>
/// Forms that post are checked by MentorHub, not by the browser's own bubbles, so every refusal reads the same way:
/// the summary, and a message beside each field. <c>required</c> and <c>maxlength</c> stay for what they tell.
/// </summary>
[HtmlTargetElement("form", Attributes = "method")]
public sealed class ServerValidatedFormTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (string.Equals(output.Attributes["method"]?.Value?.ToString(), "post", StringComparison.OrdinalIgnoreCase) && !output.Attributes.ContainsName("novalidate"))
            output.Attributes.Add(new TagHelperAttribute("novalidate", null, HtmlAttributeValueStyle.Minimized));
    }
}
