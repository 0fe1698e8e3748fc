using MentorHub.Core.Matching;

namespace MentorHub.Web.Pages.Programs.Cohorts;

/// <summary>A cohort's saved dry runs, newest first, and two of them side by side: settings, fairness figures, and the pairs each made.</summary>
public class MatchingRunsModel(MentorHubDbContext db) : PageModel
{
    public const int PageSize = 20;

    public CohortInfo Cohort { get; private set; } = null!;
    public IReadOnlyList<RunRow> Runs { get; private set; } = [];
    public Paging Paging { get; private set; } = null!;

    /// <summary>The two runs compared, older first; null when not exactly two were chosen.</summary>
    public (RunRow A, RunRow B)? Compared { get; private set; }
    public string? CompareProblem { get; private set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    [BindProperty(SupportsGet = true, Name = "compare")]
    public List<int> Compare { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, int cohortId, CancellationToken ct)
    {
        var cohort = await db.FindManagedCohortAsync(User, id, cohortId, ct);
        if (cohort is null) return NotFound();
        Cohort = cohort;
        QuestionTexts = await db.MatchQuestions.AsNoTracking().Where(q => q.ProgramId == id).ToDictionaryAsync(q => q.Id, q => q.Text, ct);
        var runs = db.MatchRuns.AsNoTracking().Where(r => r.CohortId == cohortId);
        Paging = new Paging(Paging.Normalize(PageNumber), PageSize, await runs.CountAsync(ct), $"{cohort.Path}/Matching/Runs", new Dictionary<string, string?>());
        Runs = Rows(await runs.OrderByDescending(r => r.RunAtUtc).ThenByDescending(r => r.Id).Skip(Paging.Skip).Take(PageSize)
            .Select(r => new { Run = r, By = r.RunBy!.DisplayName }).ToListAsync(ct), x => (x.Run, x.By));

        if (Request.Query.ContainsKey("compared") || Compare.Count > 0)
        {
            var chosen = Compare.Distinct().ToList();
            if (chosen.Count != 2)
            {
                CompareProblem = "Choose exactly two runs to compare.";
                return Page();
            }
            var pair = Rows(await db.MatchRuns.AsNoTracking().Where(r => r.CohortId == cohortId && chosen.Contains(r.Id))
                .Select(r => new { Run = r, By = r.RunBy!.DisplayName }).ToListAsync(ct), x => (x.Run, x.By)).OrderBy(r => r.Id).ToList();
            if (pair.Count != 2) return NotFound();
            Compared = (pair[0], pair[1]);
        }
        return Page();
    }

    private static List<RunRow> Rows<T>(IEnumerable<T> rows, Func<T, (MatchRun Run, string By)> parts) => rows.Select(parts)
        .Select(x => new RunRow(x.Run.Id, x.By, x.Run.RunAtUtc, x.Run.Settings, x.Run.GroupSize, x.Run.QuestionWeightsJson, MatchRunResult.FromJson(x.Run.ResultJson))).ToList();

    /// <summary>The program's matching questions by id, to name a run's question weights.</summary>
    public IReadOnlyDictionary<int, string> QuestionTexts { get; private set; } = new Dictionary<int, string>();

    /// <summary>The settings on which two runs differ, by name: to highlight them side by side.</summary>
    public IReadOnlySet<string> Differences(RunRow a, RunRow b)
    {
        var (x, y) = (Settings(a).ToDictionary(s => s.Name, s => s.Value), Settings(b).ToDictionary(s => s.Name, s => s.Value));
        return x.Keys.Union(y.Keys).Where(name => x.GetValueOrDefault(name) != y.GetValueOrDefault(name)).ToHashSet();
    }

    /// <summary>A run's settings as a person reads them; a question weight only where the run gave it another than the question's own.</summary>
    public IReadOnlyList<(string Name, string Value)> Settings(RunRow run) =>
    [
        .. (MatchSettings.QuestionWeightsFromJson(run.QuestionWeightsJson) ?? []).OrderBy(q => q.Key)
            .Select(q => ($"“{QuestionTexts.GetValueOrDefault(q.Key, "a removed question")}” weight", q.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        ("Competency weight", run.Settings.Competency.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("Availability weight", run.Settings.Availability.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("Modality weight", run.Settings.Modality.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("Branch weight", $"{run.Settings.Branch} ({Labels.Words(run.Settings.BranchRule).ToLowerInvariant()})"),
        ("Career-stage weight", run.Settings.CareerStage.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("Mentee's-choice weight", run.Settings.MenteeChoice.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("Minimum score", run.Settings.MinimumScore.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("Objective", run.Settings.Objective is MatchObjective.MostMatched ? "Most matched, then total" : "Highest total"),
        ("Group size", run.GroupSize.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    public sealed record RunRow(int Id, string RunBy, DateTime RunAtUtc, MatchWeights Settings, int GroupSize, string? QuestionWeightsJson, MatchRunResult Result);
}
