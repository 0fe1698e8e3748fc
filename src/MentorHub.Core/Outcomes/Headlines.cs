using System.Globalization;

namespace MentorHub.Core.Outcomes;

/// <summary>
/// The outcome figures as plain sentences for a board, each with its interval and n — the report's "in plain words"
/// and the coordinator's monthly digest say the same thing. Groups under the minimum size give no sentence.
/// </summary>
public static class Headlines
{
    public static string Percent(double value) => value.ToString("P0", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal);

    public static string Number(double value, string format = "0.0") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Years(int years) => years == 1 ? "a year" : $"{years} years";

    /// <param name="withGaps">Also say which headline figures are missing and why (the report does; the digest does not).</param>
    public static IReadOnlyList<string> Of(OutcomeFigures f, int minimumGroup, bool withGaps)
    {
        bool Enough(int n) => n >= minimumGroup;
        var lines = new List<string>();

        var twelve = f.Retention.Landmarks.Single(l => l.Months == 12);
        if (Enough(f.Retention.Participants.N) && Enough(f.Retention.Comparison.N) && twelve.Participants is { } p12 && twelve.Comparison is { } c12)
            lines.Add($"{Percent(p12.Survival)} of participants were still on staff a year after joining (95% CI {Percent(p12.Lower)}–{Percent(p12.Upper)}; {f.Retention.Participants.N} people), "
                + $"against {Percent(c12.Survival)} of colleagues over the same period (95% CI {Percent(c12.Lower)}–{Percent(c12.Upper)}; {f.Retention.Comparison.N} people).");
        else if (withGaps)
            lines.Add($"Retention a year on: {(twelve.Participants is null || twelve.Comparison is null ? "not everyone has been followed a year yet" : "too few people to report")}.");

        var promotion = f.Promotion;
        if (Enough(promotion.Participants.N) && Enough(promotion.Comparison.N) && promotion.Crude.Ratio is { } ratio)
            lines.Add($"Participants were {Number(ratio)} times as likely to be promoted within {Years(promotion.Years)} (95% CI {Number(promotion.Crude.Lower!.Value)}–{Number(promotion.Crude.Upper!.Value)}; "
                + $"{promotion.Participants.N} participants, {promotion.Comparison.N} colleagues){(promotion.LikeForLike.Ratio is { } like ? $"; like for like (same career stage, branch and tenure) {Number(like)} times" : "")}.");
        else if (withGaps)
            lines.Add($"Promotion within {Years(promotion.Years)}: {(Enough(promotion.Participants.N) && Enough(promotion.Comparison.N) ? promotion.Crude.NotEstimable : "too few people followed that long to report")}.");
        if (Enough(promotion.Participants.N) && Enough(promotion.Waitlist.N) && promotion.AgainstWaitlist.Ratio is { } fair)
            lines.Add($"Against applicants who were not placed (people who also wanted to join): {Number(fair)} times as likely to be promoted "
                + $"(95% CI {Number(promotion.AgainstWaitlist.Lower!.Value)}–{Number(promotion.AgainstWaitlist.Upper!.Value)}; {promotion.Waitlist.N} applicants).");

        if (Enough(f.Confidence.N) && f.Confidence.Lower is { } low)
            lines.Add($"Participants' confidence moved by {Number(f.Confidence.Mean, "+0.0;-0.0;0.0")} points on a 1–5 scale from their first check-in to their last "
                + $"(95% CI {Number(low)} to {Number(f.Confidence.Upper!.Value)}; {f.Confidence.N} people); {Percent(f.ConfidenceRose.Value)} of them rated it higher at the end.");

        foreach (var m in f.Measures.Where(m => m.DuringVsBefore?.Lower is not null))
        {
            var d = m.DuringVsBefore!;
            lines.Add($"{m.Name}: {Number(m.Before.Value)} {m.Unit} a month on average in the six months before the program, {Number(m.During.Value)} while it ran "
                + $"(change {Number(d.Value, "+0.0;-0.0;0.0")}, 95% CI {Number(d.Lower!.Value)} to {Number(d.Upper!.Value)}; {d.NB} months before, {d.NA} during)"
                + (m.Improved(d) switch { true => " — better", false => " — worse", null => " — no clear change" }) + ".");
        }

        if (f.Cohorts.LastOrDefault() is { } all && Enough(all.Participants) && Enough(all.Adherence.N))
            lines.Add($"Pairs and groups held {Percent(all.Adherence.Value)} of the meetings the program's cadence expected "
                + $"(95% CI {Percent(all.Adherence.Lower ?? all.Adherence.Value)}–{Percent(all.Adherence.Upper ?? all.Adherence.Value)}; {all.Adherence.N} pairs and groups)"
                + (Enough(all.Goals.N) ? $", and {Percent(all.Goals.Value)} of goals that came due were achieved ({all.Goals.N} goals)" : "") + ".");
        return lines;
    }
}
