using System.Globalization;
using System.Net;
using MentorHub.Core.Domain;
using MentorHub.Core.Matching;
using MentorHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Tests.Pages.Programs;

/// <summary>Dry runs: settings tried without changing anything, saved, compared, adopted or accepted.</summary>
public partial class MatchingTests
{
    /// <summary>Branch only, the same branch preferred: with it the mentee goes to the mentor of their own branch.</summary>
    private static readonly Dictionary<string, string> BranchFirst = new()
    {
        ["Input.WeightCompetency"] = "0",
        ["Input.WeightAvailability"] = "0",
        ["Input.WeightModality"] = "0",
        ["Input.WeightCareerStage"] = "0",
        ["Input.WeightBranch"] = "10",
        ["Input.BranchRule"] = "PreferSame",
    };

    /// <summary>A one-to-one cohort where competencies favour the expert from North and branch favours the Central mentor.</summary>
    private async Task<(Setup Setup, int Expert, int Neighbour, int Mentee, AppClient Client)> TwoWaysAsync()
    {
        var setup = await CohortAsync(ProgramFormat.OneToOne);
        var expert = await EnrollWithAsync(setup.CohortId, "Ezra Expert", EnrollmentRole.Mentor, 5);
        var neighbour = await EnrollWithAsync(setup.CohortId, "Nell Neighbour", EnrollmentRole.Mentor, 3);
        var mentee = await EnrollWithAsync(setup.CohortId, "Mina Mentee", EnrollmentRole.Mentee, 1);
        await app.WithDbAsync(async db =>
        {
            await db.Enrollments.Where(e => e.Id == expert).ExecuteUpdateAsync(s => s.SetProperty(e => e.Branch, "North"));
            return await db.Enrollments.Where(e => e.Id == neighbour || e.Id == mentee).ExecuteUpdateAsync(s => s.SetProperty(e => e.Branch, "Central"));
        });
        return (setup, expert, neighbour, mentee, await CoordinatorClientAsync(setup));
    }

    private static int RunIdOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(location[location.IndexOf('?', StringComparison.Ordinal)..]);
        return int.Parse(query["run"]!, CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_dry_run_is_saved_with_its_settings_changes_no_mentorship_or_setting_is_reproducible_and_can_become_the_programs_settings()
    {
        var (setup, expert, neighbour, mentee, client) = await TwoWaysAsync();
        using var _ = client;
        var page = await client.GetAsync(setup.Url);
        Assert.Contains("Ezra Expert", Assert.Single(page.Document.QuerySelectorAll("#accept-form tbody tr")).TextContent);

        var first = RunIdOf(await client.SubmitAsync(page, BranchFirst, "#dry-run-form"));
        var shown = await client.GetAsync($"{setup.Url}?run={first}");
        Assert.Contains($"Dry run #{first}", shown.Document.QuerySelector("#run-banner")!.TextContent);
        Assert.Contains("the same proposal today", shown.Document.QuerySelector("#run-status")!.TextContent);
        Assert.Contains("Nell Neighbour", Assert.Single(shown.Document.QuerySelectorAll("#accept-form tbody tr")).TextContent);
        Assert.Equal("10", shown.InputValue("Input.WeightBranch"));

        Assert.False(await app.WithDbAsync(db => db.Mentorships.AnyAsync(m => m.CohortId == setup.CohortId)));
        var run = await app.WithDbAsync(db => db.MatchRuns.AsNoTracking().SingleAsync(r => r.Id == first));
        Assert.Equal((setup.CohortId, setup.Coordinator.Id, 10, 0, BranchRule.PreferSame), (run.CohortId, run.RunByUserId, run.Settings.Branch, run.Settings.Competency, run.Settings.BranchRule));
        Assert.Equal([$"{mentee}:{neighbour}"], MatchRunResult.FromJson(run.ResultJson).Pairs.Select(p => p.Key));
        Assert.Equal(5, await app.WithDbAsync(db => db.Programs.Where(p => p.Id == setup.ProgramId).Select(p => p.MatchWeights.Competency).SingleAsync()));

        // The same settings on the same data give the same result.
        var second = RunIdOf(await client.SubmitAsync(page, BranchFirst, "#dry-run-form"));
        var results = await app.WithDbAsync(db => db.MatchRuns.Where(r => r.Id == first || r.Id == second).Select(r => r.ResultJson).ToListAsync());
        Assert.True(MatchRunResult.FromJson(results[0]).SamePairsAs(MatchRunResult.FromJson(results[1])));
        Assert.NotEqual(first, second);

        var adopted = await client.FollowAsync(await client.SubmitAsync(shown, new Dictionary<string, string>(), "form[action*='handler=AdoptSettings']"));
        Assert.Contains($"The settings of dry run #{first} are now", adopted.Text);
        var weights = await app.WithDbAsync(db => db.Programs.AsNoTracking().Where(p => p.Id == setup.ProgramId).Select(p => p.MatchWeights).SingleAsync());
        Assert.Equal((0, 10, BranchRule.PreferSame), (weights.Competency, weights.Branch, weights.BranchRule));
        Assert.Contains("Nell Neighbour", Assert.Single(adopted.Document.QuerySelectorAll("#accept-form tbody tr")).TextContent);
        Assert.DoesNotContain(expert.ToString(CultureInfo.InvariantCulture), adopted.Document.QuerySelector("#accept-form input[name='accept']")!.GetAttribute("value")!.Split(':'));
    }

    [Fact]
    public async Task Invalid_dry_run_settings_are_shown_with_a_message_and_the_input_kept_and_nothing_is_saved()
    {
        var (setup, _, _, _, client) = await TwoWaysAsync();
        using var __ = client;
        var page = await client.GetAsync(setup.Url);

        var response = await client.SubmitAsync(page, new Dictionary<string, string>(BranchFirst) { ["Input.WeightBranch"] = "0", ["Input.MinimumScore"] = "140" }, "#dry-run-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var form = await client.FollowAsync(response);
        Assert.Contains("At least one matching weight must be above 0.", form.Errors);
        Assert.Contains("The minimum score is from 0 to 100.", form.Errors);
        Assert.Equal("140", form.InputValue("Input.MinimumScore"));
        Assert.NotNull(form.Document.QuerySelector("#try-settings[open]"));
        Assert.False(await app.WithDbAsync(db => db.MatchRuns.AnyAsync(r => r.CohortId == setup.CohortId)));
    }

    [Fact]
    public async Task A_dry_run_is_accepted_while_the_cohort_is_unchanged_and_refused_once_it_has_changed()
    {
        var (setup, _, neighbour, mentee, client) = await TwoWaysAsync();
        using var _ = client;
        var page = await client.GetAsync(setup.Url);
        var stale = RunIdOf(await client.SubmitAsync(page, BranchFirst, "#dry-run-form"));
        var stalePage = await client.GetAsync($"{setup.Url}?run={stale}");
        await EnrollWithAsync(setup.CohortId, "Late Arrival", EnrollmentRole.Mentee, 1);

        Assert.Contains("The cohort has changed since this run", (await client.GetAsync($"{setup.Url}?run={stale}")).Document.QuerySelector("#run-status")!.TextContent);
        var refused = await client.FollowAsync(await client.SubmitAsync(stalePage, new Dictionary<string, string>(), "#accept-form"));
        Assert.Contains($"The cohort has changed since dry run #{stale}", refused.Text);
        Assert.False(await app.WithDbAsync(db => db.Mentorships.AnyAsync(m => m.CohortId == setup.CohortId)));

        var fresh = RunIdOf(await client.SubmitAsync(await client.GetAsync(setup.Url), BranchFirst, "#dry-run-form"));
        var freshPage = await client.GetAsync($"{setup.Url}?run={fresh}");
        var accepted = await client.FollowAsync(await client.SubmitAsync(freshPage, new Dictionary<string, string>(), "#accept-form"));

        Assert.Contains("created; the members have been told.", accepted.Text);
        var made = await app.WithDbAsync(db => db.MentorshipMembers.Where(m => m.Mentorship!.CohortId == setup.CohortId).Select(m => m.EnrollmentId).ToListAsync());
        Assert.Contains(neighbour, made);
        Assert.Contains(mentee, made);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "MatchesAccepted" && a.EntityId == setup.CohortId.ToString() && a.Details!.EndsWith($"from dry run #{fresh}"))));
    }

    [Fact]
    public async Task Two_runs_compare_side_by_side_with_their_different_settings_and_pairs()
    {
        var (setup, _, _, _, client) = await TwoWaysAsync();
        using var _ = client;
        var page = await client.GetAsync(setup.Url);
        var byCompetency = RunIdOf(await client.SubmitAsync(page, new Dictionary<string, string>(), "#dry-run-form"));
        var byBranch = RunIdOf(await client.SubmitAsync(page, BranchFirst, "#dry-run-form"));
        var runsUrl = $"/Programs/{setup.ProgramId}/Cohorts/{setup.CohortId}/Matching/Runs";

        var list = await client.GetAsync(runsUrl);
        Assert.Equal(2, list.Document.QuerySelectorAll("#runs tbody tr").Length);
        var one = await client.GetAsync($"{runsUrl}?compared=1&compare={byBranch}");
        Assert.Contains("Choose exactly two runs to compare.", one.Errors);

        var compared = await client.GetAsync($"{runsUrl}?compared=1&compare={byCompetency}&compare={byBranch}");
        var comparison = compared.Document.QuerySelector("#comparison")!;
        Assert.Contains($"Run #{byCompetency} and run #{byBranch} side by side", comparison.TextContent);
        Assert.Contains("0 mentorships are in both; 1 only in", comparison.TextContent);
        var differing = comparison.QuerySelectorAll($"#compare-{byBranch} dt.text-primary").Select(d => d.TextContent).ToList();
        Assert.Contains(differing, d => d.StartsWith("Branch weight", StringComparison.Ordinal));
        Assert.Contains(differing, d => d.StartsWith("Competency weight", StringComparison.Ordinal));
        Assert.DoesNotContain(differing, d => d.StartsWith("Minimum score", StringComparison.Ordinal));
        Assert.Contains("Ezra Expert with Mina Mentee", comparison.QuerySelector($"#compare-{byCompetency} .only-here")!.TextContent);
        Assert.Contains("Nell Neighbour with Mina Mentee", comparison.QuerySelector($"#compare-{byBranch} .only-here")!.TextContent);
        Assert.Equal("1 of 1", comparison.QuerySelector($"#figures-{byBranch} [data-figure='matched']")!.TextContent);

        // A run of another cohort is not this cohort's to compare or open.
        var other = await CohortAsync(ProgramFormat.OneToOne);
        var foreignRun = await app.WithDbAsync(async db =>
        {
            var run = new MatchRun(other.CohortId, other.Coordinator.Id, DateTime.UtcNow, new MatchWeights(), 4,
                new MatchRunResult([], [], MatchFigures.Of([], [], [], 40)).ToJson());
            db.MatchRuns.Add(run);
            await db.SaveChangesAsync();
            return run.Id;
        });
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{runsUrl}?compared=1&compare={byBranch}&compare={foreignRun}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{setup.Url}?run={foreignRun}")).Status);
    }
}
