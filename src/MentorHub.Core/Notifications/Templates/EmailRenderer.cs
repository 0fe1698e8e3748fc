using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorHub.Core.Notifications.Templates;

public sealed record RenderedEmail(string Subject, string Html, string Text);

/// <summary>
/// Renders <see cref="EmailContent"/> to HTML with the <see cref="EmailTemplate"/> Razor component (through
/// <see cref="HtmlRenderer"/>) and to plain text. One renderer serves a whole batch, then is disposed with everything it rendered.
/// </summary>
public static class EmailRenderer
{
    private static readonly IServiceProvider NoServices = new ServiceCollection().BuildServiceProvider();

    public static async Task<RenderedEmail> RenderAsync(EmailContent content) => (await RenderAsync([content]))[0];

    public static async Task<IReadOnlyList<RenderedEmail>> RenderAsync(IReadOnlyList<EmailContent> contents)
    {
        await using var renderer = new HtmlRenderer(NoServices, NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var rendered = new List<RenderedEmail>(contents.Count);
            foreach (var content in contents)
            {
                var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(EmailTemplate.Content)] = content });
                var root = await renderer.RenderComponentAsync<EmailTemplate>(parameters);
                rendered.Add(new RenderedEmail(content.Subject, root.ToHtmlString(), EmailText.Render(content)));
            }
            return rendered;
        });
    }
}
