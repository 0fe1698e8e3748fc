using System.Net;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;

namespace MentorHub.Web.Infrastructure;

/// <summary>
/// Which Host headers MentorHub answers and whose forwarded headers it believes. By default it answers only the site
/// address's host (<c>Notifications:SiteUrl</c>) and loopback, and believes <c>X-Forwarded-*</c> only from loopback;
/// a reverse proxy elsewhere is named in <c>ForwardedHeaders:KnownProxies</c> or <c>ForwardedHeaders:KnownNetworks</c>.
/// </summary>
public static class HostSetup
{
    private static readonly string[] LoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

    public static WebApplicationBuilder AddMentorHubHosts(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var site = SiteAddress(configuration);
        builder.Services.Configure<HostFilteringOptions>(options =>
        {
            // An explicit AllowedHosts setting wins (the host's defaults read it when this list is left empty).
            if (!string.IsNullOrWhiteSpace(configuration["AllowedHosts"])) return;
            options.AllowedHosts = [.. LoopbackHosts.Append(site.IdnHost).Distinct(StringComparer.OrdinalIgnoreCase)];
        });

        var proxies = List(configuration, "ForwardedHeaders:KnownProxies").Select(ParseAddress).ToList();
        var networks = List(configuration, "ForwardedHeaders:KnownNetworks").Select(ParseNetwork).ToList();
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust loopback only; configured proxies and networks are added to them.
            foreach (var proxy in proxies) options.KnownProxies.Add(proxy);
            foreach (var network in networks) options.KnownIPNetworks.Add(network);
        });
        return builder;
    }

    /// <summary>The configured site address; links in mail are built on it and nothing else.</summary>
    public static Uri SiteAddress(IConfiguration configuration)
    {
        var value = configuration["Notifications:SiteUrl"];
        if (string.IsNullOrWhiteSpace(value)) return new Uri(NotificationOptions.DefaultSiteUrl);
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https") return uri;
        throw new StartupConfigurationException($"Notifications:SiteUrl '{value}' is not an http or https address, like https://mentoring.library.org/.");
    }

    /// <summary>A list setting, given either as an array (<c>KnownProxies__0</c>) or as one comma-separated value.</summary>
    private static IEnumerable<string> List(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.Value is { } single ? [single] : section.GetChildren().Select(c => c.Value ?? "");
        return values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private static IPAddress ParseAddress(string value) => IPAddress.TryParse(value, out var address)
        ? address
        : throw new StartupConfigurationException($"ForwardedHeaders:KnownProxies has '{value}', which is not an IP address.");

    private static System.Net.IPNetwork ParseNetwork(string value) => System.Net.IPNetwork.TryParse(value, out var network)
        ? network
        : throw new StartupConfigurationException($"ForwardedHeaders:KnownNetworks has '{value}', which is not a network like 10.0.0.0/8.");
}
