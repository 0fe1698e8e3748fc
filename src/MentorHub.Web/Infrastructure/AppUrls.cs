using MentorHub.Core.Notifications;
using Microsoft.Extensions.Options;

namespace MentorHub.Web.Infrastructure;

/// <summary>
/// Absolute links to MentorHub's pages for mail. During a request the base is the request's own address; background
/// work (which has no request) uses <c>Notifications:SiteUrl</c> unless it sets one from the request that started it.
/// </summary>
public sealed class AppUrls(LinkGenerator links, IHttpContextAccessor http, IOptions<NotificationOptions> options)
{
    private Uri? _base;

    public Uri Base
    {
        get
        {
            if (_base is not null) return _base;
            var request = http.HttpContext?.Request;
            return request is null ? options.Value.Links.Base : new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");
        }
        set => _base = value;
    }

    /// <summary>Links for mail composed in Core.</summary>
    public SiteLinks Links => new(Base);

    public string Page(string page, object? values = null)
    {
        var path = links.GetPathByPage(page, handler: null, values: values, pathBase: "")
            ?? throw new InvalidOperationException($"No route to {page}.");
        return new Uri(Base, path.TrimStart('/')).ToString();
    }
}
