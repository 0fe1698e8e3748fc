using MentorHub.Core.Domain;

namespace MentorHub.Web.Infrastructure;

/// <summary>How enum values read on a page.</summary>
public static class Labels
{
    public static string Of(ProgramFormat format) => format switch
    {
        ProgramFormat.OneToOne => "One-to-one",
        ProgramFormat.Peer => "Peer",
        ProgramFormat.Reverse => "Reverse",
        _ => "Group",
    };

    public static string Of(Modality modality) => modality switch
    {
        Modality.InPerson => "In person",
        Modality.Virtual => "Virtual",
        _ => "Hybrid",
    };

    public static string Of(CareerStage stage) => CareerStages.Label(stage);

    public static string Of(MentorshipEndReason reason) => reason switch
    {
        MentorshipEndReason.GoalsMet => "goals met",
        MentorshipEndReason.NotAGoodFit => "not a good fit",
        MentorshipEndReason.LeftOrganisation => "a member left the organisation",
        MentorshipEndReason.CohortCompleted => "cohort completed",
        MentorshipEndReason.MemberWithdrew => "a member withdrew from the cohort",
        _ => "other",
    };

    /// <summary>Splits PascalCase into words: InProgress → In progress.</summary>
    public static string Words(Enum value)
    {
        var text = System.Text.RegularExpressions.Regex.Replace(value.ToString(), "(?<=[a-z])(?=[A-Z])", " ");
        return text.Length > 1 ? text[0] + text[1..].ToLowerInvariant() : text;
    }

    /// <summary>A count with its noun, singular for one: "1 application", "3 applications".</summary>
    /// <summary>The meeting feedback scale, each point in words.</summary>
    public static readonly IReadOnlyList<(int Rating, string Words)> UsefulnessScale =
        [(1, "not useful"), (2, "a little useful"), (3, "useful"), (4, "quite useful"), (5, "very useful")];

    /// <summary>
    /// A match explanation without its points ("Expertise 10.5: shares cataloguing" → "Expertise: shares cataloguing"):
    /// participants read why they were matched, coordinators also see the scores.
    /// </summary>
    public static string? WithoutPoints(string? explanation) =>
        explanation is null ? null : System.Text.RegularExpressions.Regex.Replace(explanation, @" \d+(\.\d+)?: ", ": ", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));

    public static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
