using MentorHub.Core.Outcomes;

namespace MentorHub.Tests.Outcomes;

/// <summary>The outcome statistics against published textbook values; each test names its source.</summary>
public class StatisticsTests
{
    // Freireich et al. (1963), remission times in weeks of 42 children with acute leukaemia, as used by Gehan (1965),
    // Kleinbaum & Klein, "Survival Analysis: A Self-Learning Text" (3rd ed., ch. 2) and R's survival package. "+" = censored.
    private static readonly SurvivalObservation[] SixMp = Parse("6 6 6 6+ 7 9+ 10 10+ 11+ 13 16 17+ 19+ 20+ 22 23 25+ 32+ 32+ 34+ 35+");
    private static readonly SurvivalObservation[] Placebo = Parse("1 1 2 2 3 4 4 5 5 8 8 8 8 11 11 12 12 15 17 22 23");

    private static SurvivalObservation[] Parse(string times) =>
        times.Split(' ').Select(t => new SurvivalObservation(double.Parse(t.TrimEnd('+'), System.Globalization.CultureInfo.InvariantCulture), !t.EndsWith('+'))).ToArray();

    [Fact]
    public void Kaplan_Meier_with_censoring_matches_the_published_6_MP_estimates_and_Greenwood_intervals()
    {
        // R: summary(survfit(Surv(time, status) ~ 1)) for the 6-MP group, conf.type "log".
        var expected = new (double Time, int AtRisk, int Events, double Survival, double Se, double Lower, double Upper)[]
        {
            (6, 21, 3, 0.857, 0.0764, 0.720, 1.000),
            (7, 17, 1, 0.807, 0.0869, 0.653, 0.996),
            (10, 15, 1, 0.753, 0.0963, 0.586, 0.968),
            (13, 12, 1, 0.690, 0.1068, 0.510, 0.935),
            (16, 11, 1, 0.627, 0.1141, 0.439, 0.896),
            (22, 7, 1, 0.538, 0.1282, 0.337, 0.858),
            (23, 6, 1, 0.448, 0.1346, 0.249, 0.807),
        };

        var curve = KaplanMeier.Estimate(SixMp);

        Assert.Equal(expected.Length, curve.Steps.Count);
        foreach (var (step, want) in curve.Steps.Zip(expected))
        {
            Assert.Equal((want.Time, want.AtRisk, want.Events), (step.Time, step.AtRisk, step.Events));
            Assert.Equal(want.Survival, step.Survival, 3);
            Assert.Equal(want.Se, step.StandardError, 4);
            Assert.Equal(want.Lower, step.Lower, 3);
            Assert.Equal(want.Upper, step.Upper, 3);
        }
        Assert.Equal((21, 9), (curve.N, curve.Events));
        var at12 = curve.At(12)!;
        Assert.Equal(0.753, at12.Survival, 3);
        Assert.Equal(12, at12.AtRisk);
        Assert.Null(curve.At(36));
    }

    [Fact]
    public void The_log_rank_test_matches_the_published_statistic_for_6_MP_against_placebo()
    {
        // R: survdiff(Surv(time, status) ~ group): observed 9 vs 21, expected 19.3 vs 10.7, Chisq = 16.8 on 1 df, p = 4e-05.
        var result = LogRank.Test(SixMp, Placebo);

        Assert.Equal((9, 21), (result.ObservedA, result.ObservedB));
        Assert.Equal(19.25, result.ExpectedA, 2);
        Assert.Equal(10.75, result.ExpectedB, 2);
        Assert.Equal(16.79, result.ChiSquare!.Value, 2);
        Assert.InRange(result.PValue!.Value, 0.00003, 0.00005);
    }

    [Fact]
    public void Survival_edge_cases_no_events_everyone_censored_nobody_and_ties()
    {
        var stayers = Parse("3+ 5+ 8+");
        var curve = KaplanMeier.Estimate(stayers);
        Assert.Empty(curve.Steps);
        Assert.Equal(1, curve.At(4)!.Survival);
        Assert.Null(LogRank.Test(stayers, Parse("2+ 9+")).ChiSquare);

        var empty = KaplanMeier.Estimate([]);
        Assert.Null(empty.At(0));

        // An event and a censoring at the same time: the censored person counts as at risk at that time.
        var tied = KaplanMeier.Estimate(Parse("4 4+ 6"));
        Assert.Equal(3, tied.Steps[0].AtRisk);
        Assert.Equal(2.0 / 3, tied.Steps[0].Survival, 10);
        Assert.Equal(0, tied.Steps[1].Survival);
        Assert.Equal((0, 0), (tied.Steps[1].Lower, tied.Steps[1].Upper));

        var single = KaplanMeier.Estimate(Parse("5"));
        Assert.Equal(0, Assert.Single(single.Steps).Survival);
    }

    [Fact]
    public void The_rate_ratio_interval_is_the_log_method_on_the_Physicians_Health_Study_counts()
    {
        // Myocardial infarction in the Physicians' Health Study (Steering Committee, NEJM 1989), as tabulated by Agresti,
        // "An Introduction to Categorical Data Analysis" (2nd ed., table 2.3): placebo 189 of 11,034, aspirin 104 of 11,037.
        // Log method (Katz et al., Biometrics 1978): RR = 1.818, SE(log RR) = sqrt(1/189 − 1/11034 + 1/104 − 1/11037) = 0.12135,
        // 95% CI = 1.818 · exp(±1.96 · 0.12135) = (1.433, 2.306).
        var ratio = RateRatio.Crude(new Proportion(189, 11034), new Proportion(104, 11037));

        Assert.Equal(1.818, ratio.Ratio!.Value, 3);
        Assert.Equal(1.433, ratio.Lower!.Value, 3);
        Assert.Equal(2.306, ratio.Upper!.Value, 3);
    }

    [Fact]
    public void The_stratified_ratio_equals_the_crude_one_for_a_single_stratum_and_balances_confounded_strata()
    {
        var crude = RateRatio.Crude(new Proportion(189, 11034), new Proportion(104, 11037));
        var single = RateRatio.Stratified([(new Proportion(189, 11034), new Proportion(104, 11037))]);
        Assert.Equal(crude.Ratio!.Value, single.Ratio!.Value, 10);
        Assert.Equal(crude.Lower!.Value, single.Lower!.Value, 10);

        // Within each stratum the rates are equal (ratio 1), but participants are mostly in the stratum with the higher
        // rate: the crude ratio is confounded, the stratified one is not.
        var strata = new[] { (new Proportion(40, 80), new Proportion(10, 20)), (new Proportion(2, 20), new Proportion(8, 80)) };
        var confounded = RateRatio.Crude(new Proportion(42, 100), new Proportion(18, 100));
        Assert.True(confounded.Ratio > 2);
        Assert.Equal(1.0, RateRatio.Stratified(strata).Ratio!.Value, 10);
    }

    [Fact]
    public void Rate_ratio_edge_cases_say_why_they_cannot_be_estimated()
    {
        Assert.Contains("no one", RateRatio.Crude(new Proportion(3, 10), new Proportion(0, 0)).NotEstimable);
        Assert.Contains("no events", RateRatio.Crude(new Proportion(0, 10), new Proportion(4, 20)).NotEstimable);
        Assert.Null(RateRatio.Stratified([(new Proportion(3, 10), new Proportion(0, 0))]).Ratio);
    }

    [Fact]
    public void The_paired_t_interval_matches_Students_sleep_data()
    {
        // Cushny & Peebles (1905), analysed by "Student" (1908); R: t.test(extra ~ group, data = sleep, paired = TRUE)
        // gives mean difference −1.58, 95% CI (−2.4598858, −0.7001142), t = −4.0621 on 9 df.
        double[] drug1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
        double[] drug2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

        var change = Paired.Change(drug2.Zip(drug1));

        Assert.Equal(10, change.N);
        Assert.Equal(-1.58, change.Mean, 10);
        Assert.Equal(-2.4598858, change.Lower!.Value, 6);
        Assert.Equal(-0.7001142, change.Upper!.Value, 6);
        // t = mean / (sd / sqrt(n)), so d_z = t / sqrt(n) = −4.0621 / sqrt(10).
        Assert.Equal(-4.0621 / Math.Sqrt(10), change.EffectSize!.Value, 3);
    }

    [Fact]
    public void Paired_edge_cases_one_pair_and_none()
    {
        Assert.Equal((0, (double?)null), (Paired.Change([]).N, Paired.Change([]).Lower));
        var one = Paired.Change([(2.0, 4.0)]);
        Assert.Equal((1, 2.0), (one.N, one.Mean));
        Assert.Null(one.Lower);
        Assert.Null(Paired.Change([(1.0, 2.0), (3.0, 4.0)]).EffectSize);
    }

    [Fact]
    public void The_Wilson_interval_matches_Newcombes_published_examples()
    {
        // Newcombe, "Two-sided confidence intervals for the single proportion: comparison of seven methods",
        // Statistics in Medicine 17 (1998), table I, method 3 (score interval without continuity correction).
        var cases = new (int Events, int N, double Lower, double Upper)[] { (81, 263, 0.2553, 0.3662), (15, 148, 0.0624, 0.1605), (0, 20, 0, 0.1611), (1, 29, 0.0061, 0.1718) };
        foreach (var (events, n, lower, upper) in cases)
        {
            var share = Estimates.Share(new Proportion(events, n));
            Assert.Equal((double)events / n, share.Value, 10);
            Assert.Equal(lower, share.Lower!.Value, 4);
            Assert.Equal(upper, share.Upper!.Value, 4);
        }
        Assert.Null(Estimates.Share(new Proportion(0, 0)).Lower);
    }

    [Fact]
    public void The_mean_interval_matches_R_on_the_first_sleep_group()
    {
        // R: t.test(sleep$extra[sleep$group == 1]) gives mean 0.75, 95% CI (−0.5297804, 2.0297804).
        var mean = Estimates.Mean([0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0]);

        Assert.Equal((10, 0.75), (mean.N, mean.Value));
        Assert.Equal(-0.5297804, mean.Lower!.Value, 6);
        Assert.Equal(2.0297804, mean.Upper!.Value, 6);
        Assert.Null(Estimates.Mean([4.0]).Lower);
        // The same from the count, sum and sum of squares a database adds up.
        double[] group1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
        var summed = Estimates.Mean(group1.Length, group1.Sum(), group1.Sum(v => v * v));
        Assert.Equal(mean.Lower!.Value, summed.Lower!.Value, 9);
        Assert.Equal(mean.Upper!.Value, summed.Upper!.Value, 9);
        Assert.Equal(0, Estimates.Mean([]).N);
    }

    [Fact]
    public void The_count_per_person_interval_is_the_exact_Poisson_one()
    {
        // Garwood (1936); R: poisson.test(10) gives 95% CI (4.795389, 18.390356), and poisson.test(0) (0, 3.688879).
        var ten = Estimates.PerPerson(10, 20);
        Assert.Equal(0.5, ten.Value, 10);
        Assert.Equal(4.795389 / 20, ten.Lower!.Value, 6);
        Assert.Equal(18.390356 / 20, ten.Upper!.Value, 6);

        var none = Estimates.PerPerson(0, 8);
        Assert.Equal((0.0, 0.0), (none.Value, none.Lower!.Value));
        Assert.Equal(3.688879 / 8, none.Upper!.Value, 6);
        Assert.Null(Estimates.PerPerson(3, 0).Upper);
    }

    [Fact]
    public void The_difference_of_means_uses_Welchs_interval_as_R_does_on_the_sleep_data()
    {
        // R: t.test(extra ~ group, data = sleep) (Welch, the default) gives t = −1.8608, df = 17.776,
        // 95% CI (−3.3654832, 0.2054832) for group 1 minus group 2.
        double[] drug1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
        double[] drug2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

        var difference = ServiceMeasureChange.Difference(drug1, drug2)!;

        Assert.Equal(-1.58, difference.Value, 10);
        Assert.Equal(-3.3654832, difference.Lower!.Value, 6);
        Assert.Equal(0.2054832, difference.Upper!.Value, 6);
        Assert.Null(ServiceMeasureChange.Difference([1.0], drug2)!.Lower);
        Assert.Null(ServiceMeasureChange.Difference([], drug2));
    }
}
