using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace MentorHub.Tests.Infrastructure;

/// <summary>
/// Drives the app the way a browser does: gets a page, reads its form (with the antiforgery token) and posts it back.
/// </summary>
public sealed class AppClient(HttpClient http) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http => http;

    public async Task<Page> GetAsync(string url)
    {
        var response = await http.GetAsync(url);
        return new Page(response, Parser.ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Follows redirects (as a browser would) until a page answers.</summary>
    public async Task<Page> FollowAsync(HttpResponseMessage response)
    {
        for (var hops = 0; IsRedirect(response.StatusCode) && hops < 5; hops++)
            response = await http.GetAsync(response.Headers.Location);
        return new Page(response, Parser.ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Fills the page's form with <paramref name="fields"/> (others keep their values) and submits it.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(Page page, IReadOnlyDictionary<string, string> fields, string? formSelector = null)
    {
        var form = (formSelector is null ? page.Document.QuerySelectorAll<IHtmlFormElement>("main form[method=post]").FirstOrDefault()
            : page.Document.QuerySelector<IHtmlFormElement>(formSelector))
            ?? throw new InvalidOperationException($"No form found on {page.Response.RequestMessage?.RequestUri}.");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || fields.ContainsKey(name)) continue;
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box when box.IsChecked:
                    values.Add(new(name, box.Value));
                    break;
                case IHtmlInputElement { Type: "checkbox" or "radio" or "submit" or "button" }:
                    break;
                case IHtmlInputElement input:
                    values.Add(new(name, input.Value));
                    break;
                case IHtmlSelectElement select:
                    values.Add(new(name, select.Value ?? ""));
                    break;
                case IHtmlTextAreaElement area:
                    values.Add(new(name, area.Value));
                    break;
            }
        }
        values.AddRange(fields);
        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? page.Response.RequestMessage!.RequestUri! : new Uri(http.BaseAddress!, action!);
        return await http.PostAsync(target, new FormUrlEncodedContent(values));
    }

    /// <summary>Submits a multipart form with one file, as a browser does for an upload.</summary>
    public async Task<HttpResponseMessage> UploadAsync(Page page, string formSelector, string fileField, string fileName, string content)
    {
        var form = page.Document.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No form {formSelector}.");
        using var body = new MultipartFormDataContent();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]"))
            body.Add(new StringContent(input.Value), input.Name!);
        body.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(content)), fileField, fileName);
        return await http.PostAsync(new Uri(http.BaseAddress!, form.GetAttribute("action")!), body);
    }

    public async Task<HttpResponseMessage> SubmitAsync(string url, IReadOnlyDictionary<string, string> fields, string? formSelector = null) =>
        await SubmitAsync(await GetAsync(url), fields, formSelector);

    public async Task<HttpResponseMessage> LoginAsync(string email, string password = MentorHubAppFactory.Password)
    {
        var response = await SubmitAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        return response;
    }

    public async Task SignInAsync(string email, string password = MentorHubAppFactory.Password)
    {
        var response = await LoginAsync(email, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in as {email} failed: {(int)response.StatusCode}");
        // The page a browser lands on: it also stamps the person's last visit, so later pages measure only themselves.
        await GetAsync(response.Headers.Location!.OriginalString);
    }

    public static bool IsRedirect(HttpStatusCode code) => code is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.RedirectKeepVerb;

    public void Dispose() => http.Dispose();
}

public sealed record Page(HttpResponseMessage Response, IHtmlDocument Document)
{
    public HttpStatusCode Status => Response.StatusCode;

    public string Text => Document.Body?.TextContent ?? "";

    /// <summary>The messages of the validation summary and the field messages, as a person reads them.</summary>
    public IReadOnlyList<string> Errors => Document.QuerySelectorAll("#form-errors li, .alert-danger").Select(e => e.TextContent.Trim()).Distinct().ToList();

    /// <summary>The antiforgery token of the page's first form, for a test that builds its own request.</summary>
    public string AntiforgeryToken => InputValue("__RequestVerificationToken") ?? throw new InvalidOperationException("The page has no antiforgery token.");

    public string? InputValue(string name) => Document.QuerySelector<IHtmlInputElement>($"input[name='{name}']")?.Value;
}
