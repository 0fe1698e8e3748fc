using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Caching.Memory;

namespace MentorHub.Web.Display;

/// <summary>
/// Renders what people write in multi-line fields (meeting notes and agendas, goal descriptions and comments, check-in
/// reflections, program and resource descriptions, training modules) as a safe Markdown subset: paragraphs, lists,
/// emphasis and links, with every line break kept as typed. Raw HTML in the source is shown as text, and the output is
/// sanitised (no scripts, no event handlers, no images, only http(s) and mailto links).
/// </summary>
/// <remarks>
/// A text's rendering is kept, by the whole text, so a page shown again does not parse and sanitise the same notes and
/// comments again: sanitising builds an HTML document of each text, and on a mentorship page under load it was an eighth
/// of the page's time. The rendering depends on nothing but the text. Up to <see cref="KeptCharacters"/> characters of
/// text and rendering are kept, those unused longest going first.
/// </remarks>
public static class Markdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().UseEmphasisExtras()
        .UseSoftlineBreakAsHardlineBreak().Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>The most characters of texts and their renderings kept (about 8 MB).</summary>
    public const long KeptCharacters = 4_000_000;

    private static readonly MemoryCache Kept = new(new MemoryCacheOptions { SizeLimit = KeptCharacters });

    public static IHtmlContent Render(string? markdown) =>
        new HtmlString(string.IsNullOrWhiteSpace(markdown) ? "" : Html(markdown));

    /// <summary>The rendered text in a <c>div.written</c> (block content, so never inside a paragraph or span).</summary>
    public static IHtmlContent Block(string? markdown, string? extraClass = null) =>
        string.IsNullOrWhiteSpace(markdown) ? HtmlString.Empty : new HtmlString($"<div class=\"written{(extraClass is null ? "" : " " + extraClass)}\">{Html(markdown)}</div>");

    /// <summary>Whether the rendering of <paramref name="markdown"/> is kept.</summary>
    internal static bool IsKept(string markdown) => Kept.TryGetValue(markdown, out _);

    private static string Html(string markdown)
    {
        if (Kept.TryGetValue(markdown, out string? html)) return html!;
        html = Sanitizer.Sanitize(Markdig.Markdown.ToHtml(markdown, Pipeline));
        Kept.Set(markdown, html, new MemoryCacheEntryOptions { Size = markdown.Length + html.Length });
        return html;
    }

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
