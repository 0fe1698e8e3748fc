using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using MentorHub.Tests.Infrastructure;

namespace MentorHub.Tests.Web;

/// <summary>
/// Every form of every page, as each kind of person meets it, submitted empty: the answer names each problem once, in
/// the person's words, beside its field, and the summary links to the fields. New forms are swept without being listed.
/// </summary>
public partial class EndpointSweepTests
{
    private static readonly HtmlParser FormParser = new();

    [Fact]
    public async Task Every_form_submitted_empty_names_each_problem_once_and_links_it_to_its_field()
    {
        var world = await WorldAsync();
        var clients = await SignedInAsync(world);
        var anonymous = app.CreateAppClient();
        var routes = Routes();
        var seen = new HashSet<string>();
        var problems = new List<string>();
        var refused = 0;

        foreach (var (client, signedIn) in clients.Select(c => (c, true)).Append((anonymous, false)))
            foreach (var (page, route) in routes.OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                if (AnonymousPages.Contains(page) == signedIn || page.StartsWith("/Dev", StringComparison.Ordinal)) continue;
                var url = world.Url(route);
                var first = await client.GetAsync(url);
                if (first.Status != HttpStatusCode.OK) continue;
                var count = first.Document.QuerySelectorAll<IHtmlFormElement>("form").Count(IsPost);
                for (var index = 0; index < count; index++)
                {
                    // Read afresh each time: an earlier form may have changed what the page offers.
                    var current = await client.GetAsync(url);
                    var form = current.Document.QuerySelectorAll<IHtmlFormElement>("form").Where(IsPost).ElementAtOrDefault(index);
                    if (form is null) break;
                    var fields = Fillable(form).ToList();
                    if (fields.Count == 0) continue;
                    var key = $"{page} {form.GetAttribute("action")} {string.Join(",", fields.Select(f => f.GetAttribute("name")).Order(StringComparer.Ordinal))}";
                    if (!seen.Add(key)) continue;

                    using var response = await SubmitEmptyAsync(client, current, form);
                    if (AppClient.IsRedirect(response.StatusCode)) continue;
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        problems.Add($"{key}: answered {(int)response.StatusCode}");
                        continue;
                    }
                    refused++;
                    var answer = FormParser.ParseDocument(await response.Content.ReadAsStringAsync());
                    var names = form.Elements.Select(e => e.GetAttribute("name")).OfType<string>().ToHashSet();
                    problems.AddRange(Check(answer, names).Select(p => $"{key}: {p}"));
                }
            }

        foreach (var client in clients) client.Dispose();
        anonymous.Dispose();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(seen.Count >= 40 && refused >= 30, $"{seen.Count} forms, {refused} refused an empty submission: the sweep found too few.");
    }

    private static bool IsPost(IHtmlFormElement form) => string.Equals(form.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase);

    /// <summary>The fields a person fills in (not hidden values, buttons or the choices a person ticks).</summary>
    private static IEnumerable<IElement> Fillable(IHtmlFormElement form) => form.Elements.Where(e => e.GetAttribute("name") is { Length: > 0 } && e switch
    {
        IHtmlInputElement input => input.Type is not ("hidden" or "checkbox" or "radio" or "submit" or "button" or "search") && !input.IsReadOnly,
        IHtmlSelectElement or IHtmlTextAreaElement => true,
        _ => false,
    });

    private static async Task<HttpResponseMessage> SubmitEmptyAsync(AppClient client, Page page, IHtmlFormElement form)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name)) continue;
            if (element is IHtmlInputElement { Type: "hidden" } hidden) values.Add(new(name, hidden.Value));
            else if (element is IHtmlInputElement { Type: "checkbox" or "radio" or "submit" or "button" or "file" }) continue;
            else if (element is IHtmlInputElement or IHtmlSelectElement or IHtmlTextAreaElement) values.Add(new(name, ""));
        }
        var button = form.Elements.OfType<IHtmlButtonElement>().FirstOrDefault(b => b.Type == "submit");
        var action = button?.GetAttribute("formaction") is { Length: > 0 } formAction ? formAction : form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? page.Response.RequestMessage!.RequestUri! : new Uri(client.Http.BaseAddress!, action);
        using var request = new HttpRequestMessage(HttpMethod.Post, target);
        if (string.Equals(form.GetAttribute("enctype"), "multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var body = new MultipartFormDataContent();
            foreach (var (name, value) in values) body.Add(new StringContent(value), name);
            request.Content = body;
        }
        else request.Content = new FormUrlEncodedContent(values);
        request.Headers.Add(ClientAddresses.Header, ClientAddresses.Next());
        return await client.Http.SendAsync(request);
    }

    [GeneratedRegex(@"^'|\b[A-Z][a-z]+[A-Z]\w*\b|\bInput\.|The value '|field is required|is not valid for|is invalid\.")]
    private static partial Regex DeveloperWords();

    /// <summary>What is wrong with the answer to an empty submission of a form with <paramref name="submitted"/> fields.</summary>
    private static IEnumerable<string> Check(IHtmlDocument answer, HashSet<string> submitted)
    {
        var summary = answer.QuerySelector("#form-errors");
        if (summary is null)
        {
            yield return "no error summary";
            yield break;
        }
        if (summary.GetAttribute("tabindex") != "-1") yield return "the summary cannot take focus";
        var items = summary.QuerySelectorAll("li").Select(li => li.TextContent.Trim()).ToList();
        if (items.Count == 0) yield return "an empty summary";
        foreach (var repeated in items.GroupBy(i => i).Where(g => g.Count() > 1)) yield return $"“{repeated.Key}” appears {repeated.Count()} times";
        foreach (var item in items.Where(i => DeveloperWords().IsMatch(i))) yield return $"“{item}” is not in a person's words";

        foreach (var item in summary.QuerySelectorAll("li"))
        {
            var text = item.TextContent.Trim();
            var link = item.QuerySelector("a[href^='#']");
            var target = link is null ? null : answer.GetElementById(link.GetAttribute("href")![1..]);
            if (target is null)
            {
                yield return $"“{text}” does not link to a field";
                continue;
            }
            if (target.GetAttribute("aria-invalid") != "true") yield return $"“{text}” links to #{target.Id}, which is not marked aria-invalid";
            if (target.GetAttribute("name") is { } name && !submitted.Contains(name)) yield return $"“{text}” is about {name}, a field of another form";
        }

        foreach (var field in answer.QuerySelectorAll("[aria-invalid='true']"))
        {
            var described = (field.GetAttribute("aria-describedby") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(answer.GetElementById).Where(e => e is not null).Select(e => e!.TextContent.Trim()).ToList();
            if (!described.Any(d => items.Contains(d))) yield return $"#{field.Id} is invalid but not described by its message";
            if (field.GetAttribute("name") is { } name && !submitted.Contains(name)) yield return $"#{field.Id} of another form is marked invalid";
        }
    }
}
