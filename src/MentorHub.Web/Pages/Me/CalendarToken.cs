using System.Security.Cryptography;
using System.Text;

namespace MentorHub.Web.Pages.Me;

/// <summary>The secret in a person's calendar feed link. Only its SHA-256 is stored, so a database leak does not leak feeds.</summary>
public static class CalendarToken
{
    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
