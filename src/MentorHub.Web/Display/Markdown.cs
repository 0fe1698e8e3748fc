using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;

namespace MentorHub.Web.Display;

/// <summary>
/// Renders what people write in multi-line fields (meeting notes and agendas, goal descriptions and comments, check-in
/// reflections, program and resource descriptions, training modules) as a safe Markdown subset: paragraphs, lists,
/// emphasis and links, with every line break kept as typed. Raw HTML in the source is shown as text, and the output is
/// sanitised (no scripts, no event handlers, no images, only http(s) and mailto links).
/// </summary>
public static class Markdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().UseEmphasisExtras()
        .UseSoftlineBreakAsHardlineBreak().Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static IHtmlContent Render(string? markdown) =>
        new HtmlString(string.IsNullOrWhiteSpace(markdown) ? "" : Sanitizer.Sanitize(Markdig.Markdown.ToHtml(markdown, Pipeline)));

    /// <summary>The rendered text in a <c>div.written</c> (block content, so never inside a paragraph or span).</summary>
    public static IHtmlContent Block(string? markdown, string? extraClass = null) =>
        string.IsNullOrWhiteSpace(markdown) ? HtmlString.Empty : new HtmlString($"<div class=\"written{(extraClass is null ? "" : " " + extraClass)}\">{Sanitizer.Sanitize(Markdig.Markdown.ToHtml(markdown, Pipeline))}</div>");

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("img");
        return sanitizer;
    }
}
