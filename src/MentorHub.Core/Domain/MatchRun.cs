namespace MentorHub.Core.Domain;

/// <summary>
/// A dry run of a cohort's matching: who ran it and when, the settings it used, and what it proposed (with its
/// fairness figures) as it stood then. It changes no mentorship; a coordinator compares runs and may accept one.
/// </summary>
public class MatchRun
{
    private MatchRun() { }

    public MatchRun(int cohortId, string runByUserId, DateTime runAtUtc, MatchWeights settings, int groupSize, string resultJson, string? questionWeightsJson = null)
    {
        QuestionWeightsJson = questionWeightsJson;
        CohortId = cohortId;
        RunByUserId = runByUserId;
        RunAtUtc = runAtUtc;
        Settings = settings;
        GroupSize = groupSize;
        ResultJson = resultJson;
    }

    public int Id { get; private set; }
    public int CohortId { get; private set; }
    public string RunByUserId { get; private set; } = "";
    public AppUser? RunBy { get; private set; }
    public DateTime RunAtUtc { get; private set; }

    /// <summary>The weights, minimum score and objective of this run (a copy; the program's own are not changed).</summary>
    public MatchWeights Settings { get; private set; } = new();

    /// <summary>Group programs: the group size (mentor included) this run formed.</summary>
    public int GroupSize { get; private set; }

    /// <summary>The weights this run gave the program's matching questions, by question id (JSON); null: their own.</summary>
    public string? QuestionWeightsJson { get; private set; }

    /// <summary>The proposal and its figures as this run saw them (<see cref="Matching.MatchRunResult"/> as JSON).</summary>
    public string ResultJson { get; private set; } = "";
}
