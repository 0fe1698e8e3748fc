namespace MentorHub.Web.Infrastructure;

/// <summary>
/// Absolute links to MentorHub's pages for mail. During a request the base is the request's own address; background
/// work (which has no request) sets it from the request that started it.
/// </summary>
public sealed class AppUrls(LinkGenerator links, IHttpContextAccessor http)
{
    private Uri? _base;

    public Uri Base
    {
        get
        {
            if (_base is not null) return _base;
            var request = http.HttpContext?.Request ?? throw new InvalidOperationException("No request to take the site's address from; set AppUrls.Base.");
            return new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");
        }
        set => _base = value;
    }

    public string Page(string page, object? values = null)
    {
        var path = links.GetPathByPage(page, handler: null, values: values, pathBase: "")
            ?? throw new InvalidOperationException($"No route to {page}.");
        return new Uri(Base, path.TrimStart('/')).ToString();
    }
}
