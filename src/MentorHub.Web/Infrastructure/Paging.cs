using Microsoft.AspNetCore.WebUtilities;

namespace MentorHub.Web.Infrastructure;

/// <summary>A page of a list: which page, how many in all, and how to link to another page with the same filters.</summary>
public sealed record Paging(int Page, int PageSize, int TotalCount, string Path, IReadOnlyDictionary<string, string?> Query, string PageParameter = "page", string? Fragment = null)
{
    public int PageCount => Math.Max(1, (int)Math.Ceiling(TotalCount / (double)PageSize));

    public int Skip => (Math.Clamp(Page, 1, PageCount) - 1) * PageSize;

    public static int Normalize(int? page) => page is null or < 1 ? 1 : page.Value;

    public string Link(int page)
    {
        var query = Query.Where(q => !string.IsNullOrEmpty(q.Value)).ToDictionary(q => q.Key, q => q.Value);
        query[PageParameter] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString(Path, query) + (Fragment is null ? "" : "#" + Fragment);
    }
}
