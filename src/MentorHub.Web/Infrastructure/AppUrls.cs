using MentorHub.Core.Notifications;
using Microsoft.Extensions.Options;

namespace MentorHub.Web.Infrastructure;

/// <summary>
/// Absolute links to MentorHub's pages for mail, always on the configured site address (<c>Notifications:SiteUrl</c>).
/// Never the request's Host or forwarded headers: anyone can forge those, and a password-reset link on a forged host
/// hands the account to whoever owns that host.
/// </summary>
public sealed class AppUrls(LinkGenerator links, IOptions<NotificationOptions> options)
{
    public Uri Base => options.Value.Links.Base;

    /// <summary>Links for mail composed in Core.</summary>
    public SiteLinks Links => options.Value.Links;

    public string Page(string page, object? values = null)
    {
        var path = links.GetPathByPage(page, handler: null, values: values, pathBase: "")
            ?? throw new InvalidOperationException($"No route to {page}.");
        return new Uri(Base, path.TrimStart('/')).ToString();
    }
}
