using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace MentorHub.Tests.Infrastructure;

/// <summary>
/// The test server has no network, so every request would come from nowhere (which forwarded-header handling trusts
/// like a proxy) and share one rate-limit partition. This gives each request the address its client names, as a
/// real connection from the internet would have: outside loopback, so forwarded headers from it are not believed.
/// </summary>
public sealed class ClientAddresses : IStartupFilter
{
    public const string Header = "Test-Client-Address";

    private static int _next;

    /// <summary>A new address in the documentation range 198.18.0.0/15, one per client.</summary>
    public static string Next()
    {
        var n = Interlocked.Increment(ref _next);
        return $"198.{18 + (n >> 16 & 1)}.{n >> 8 & 255}.{n & 255}";
    }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            var named = context.Request.Headers[Header].ToString();
            context.Connection.RemoteIpAddress = IPAddress.TryParse(named, out var address) ? address : IPAddress.Parse("198.19.255.254");
            context.Request.Headers.Remove(Header);
            return nextMiddleware(context);
        });
        next(app);
    };
}
