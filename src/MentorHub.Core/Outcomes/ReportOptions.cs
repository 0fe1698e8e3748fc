namespace MentorHub.Core.Outcomes;

/// <summary>Settings of the outcome reports (section <c>Reports</c>).</summary>
public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>Below this many people a figure is "too few to report", so no one's answers can be singled out.</summary>
    public int MinimumGroupSize { get; set; } = 5;
}
