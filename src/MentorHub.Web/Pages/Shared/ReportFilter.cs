using System.Globalization;
using MentorHub.Core.Outcomes;

namespace MentorHub.Web.Pages.Shared;

/// <summary>
/// What a report page is asked for in its query string: the promotion period, one cohort, and the cohorts starting
/// within a date range. Bad values are dropped with a message rather than failing the page.
/// </summary>
public sealed class ReportFilter
{
    public int? Years { get; set; }
    public int? Cohort { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }

    /// <summary>Why a part of the filter was dropped, for the page to say.</summary>
    public string? Problem { get; private set; }

    public ReportScope Scope(IReadOnlyCollection<int> programIds)
    {
        if (From is { } from && To is { } to && from > to)
        {
            Problem = $"The range starts on {from:d MMM yyyy}, after it ends on {to:d MMM yyyy}, so every cohort is shown.";
            (From, To) = (null, null);
        }
        return new ReportScope(programIds, Cohort, From, To);
    }

    /// <summary>The filter as query parameters (with a leading '&amp;'), to carry into the page's CSV links.</summary>
    public string Query(int years)
    {
        var parts = new List<string> { $"years={years}" };
        if (Cohort is { } cohort) parts.Add($"cohort={cohort}");
        if (From is { } from) parts.Add("from=" + from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (To is { } to) parts.Add("to=" + to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return "&" + string.Join('&', parts);
    }

    public bool Narrowed => Cohort is not null || From is not null || To is not null;
}
