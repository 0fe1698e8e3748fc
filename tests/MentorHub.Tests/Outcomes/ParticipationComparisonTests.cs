using MentorHub.Core.Domain;
using MentorHub.Core.Outcomes;

namespace MentorHub.Tests.Outcomes;

public class ParticipationComparisonTests
{
    private static readonly DateOnly Window = new(2024, 1, 1);
    private static readonly DateOnly Today = new(2027, 1, 1);

    private static PersonHistory Person(int id, DateOnly? joined = null, DateOnly? hired = null, DateOnly? left = null, CareerStage stage = CareerStage.EarlyCareer, string branch = "Central", params DateOnly[] promotions) =>
        new(id, hired ?? new DateOnly(2020, 1, 1), left, stage, branch, joined, promotions);

    [Fact]
    public void Colleagues_are_followed_from_the_window_or_their_hire_and_people_outside_it_are_left_out()
    {
        Assert.Equal(Window, ParticipationComparison.Start(Person(1), Window, Today));
        Assert.Equal(new DateOnly(2025, 3, 1), ParticipationComparison.Start(Person(2, hired: new DateOnly(2025, 3, 1)), Window, Today));
        Assert.Equal(new DateOnly(2024, 9, 1), ParticipationComparison.Start(Person(3, joined: new DateOnly(2024, 9, 1)), Window, Today));
        Assert.Null(ParticipationComparison.Start(Person(4, left: new DateOnly(2023, 6, 1)), Window, Today));
        Assert.Null(ParticipationComparison.Start(Person(5, hired: new DateOnly(2027, 2, 1)), Window, Today));
    }

    [Fact]
    public void Retention_counts_leaving_as_the_event_and_censors_those_still_here_at_today()
    {
        var people = new[]
        {
            Person(1, joined: Window), Person(2, joined: Window, left: Window.AddMonths(12)),
            Person(3), Person(4, left: Window.AddMonths(6)), Person(5, left: Window.AddMonths(18)),
        };

        var retention = ParticipationComparison.Retention(people, Window, Today);

        Assert.Equal((2, 1), (retention.Participants.N, retention.Participants.Events));
        Assert.Equal((3, 2), (retention.Comparison.N, retention.Comparison.Events));
        var twelve = retention.Landmarks.Single(l => l.Months == 12);
        Assert.Equal(1.0, twelve.Participants!.Survival, 10);
        Assert.Equal(2.0 / 3, twelve.Comparison!.Survival, 10);
        // Everyone was followed up to three years, so the 24-month figure exists; nobody for 48.
        Assert.NotNull(retention.Landmarks.Single(l => l.Months == 24).Comparison);
        Assert.Null(retention.Participants.At(48));
    }

    [Fact]
    public void Promotion_counts_only_people_whose_whole_period_has_passed()
    {
        var people = new[]
        {
            Person(1, joined: Window, promotions: Window.AddMonths(20)),
            Person(2, joined: Window),
            Person(3, joined: new DateOnly(2026, 6, 1), promotions: new DateOnly(2026, 9, 1)),
            Person(4, joined: new DateOnly(2026, 6, 1)),
            Person(5), Person(6, promotions: Window.AddMonths(30)), Person(7, left: Window.AddMonths(5)),
            Person(8, left: Window.AddMonths(9), promotions: Window.AddMonths(3)),
        };

        var promotion = ParticipationComparison.Promotion(people, years: 2, Window, Today);

        // Participants 3 and 4 joined less than two years ago: left out, promoted or not, so a later cohort's early
        // promotions cannot flatter it. Colleague 6 was promoted after two years (not within); colleague 7 left before
        // two years were up without a promotion (left out); colleague 8 was promoted, then left (counts).
        Assert.Equal(new Proportion(1, 2), promotion.Participants);
        Assert.Equal(new Proportion(1, 3), promotion.Comparison);
        Assert.Equal(1.5, promotion.Crude.Ratio!.Value, 10);
    }

    [Fact]
    public void The_like_for_like_ratio_compares_within_career_stage_branch_and_tenure()
    {
        // Participants are mostly senior, and seniors are promoted more in both groups: the crude ratio flatters the
        // program; within strata the rates are equal.
        var people = new List<PersonHistory>();
        var id = 0;
        void Add(int count, int promoted, bool participant, CareerStage stage)
        {
            for (var i = 0; i < count; i++)
                people.Add(Person(++id, joined: participant ? Window : null, stage: stage, promotions: i < promoted ? [Window.AddMonths(6)] : []));
        }
        Add(20, 10, participant: true, CareerStage.Senior);
        Add(10, 5, participant: false, CareerStage.Senior);
        Add(5, 1, participant: true, CareerStage.EarlyCareer);
        Add(25, 5, participant: false, CareerStage.EarlyCareer);

        var promotion = ParticipationComparison.Promotion(people, years: 2, Window, Today);

        Assert.True(promotion.Crude.Ratio > 1.5);
        Assert.Equal(1.0, promotion.LikeForLike.Ratio!.Value, 10);
    }

    [Fact]
    public void Applicants_not_placed_are_a_third_group_followed_from_the_cohort_they_applied_to()
    {
        var applied = Window.AddMonths(6);
        var people = new[]
        {
            Person(1, joined: Window, promotions: Window.AddMonths(10)), Person(2, joined: Window),
            new PersonHistory(3, new DateOnly(2020, 1, 1), null, CareerStage.EarlyCareer, "Central", null, [applied.AddMonths(8)], WaitlistedFrom: applied),
            new PersonHistory(4, new DateOnly(2020, 1, 1), applied.AddMonths(3), CareerStage.EarlyCareer, "Central", null, [], WaitlistedFrom: applied),
            // Applied once, took part later: a participant, not on the waitlist.
            new PersonHistory(5, new DateOnly(2020, 1, 1), null, CareerStage.EarlyCareer, "Central", Window, [], WaitlistedFrom: applied),
            Person(6),
        };

        var retention = ParticipationComparison.Retention(people, Window, Today);
        var promotion = ParticipationComparison.Promotion(people, years: 1, Window, Today);

        Assert.Equal((2, 1), (retention.Waitlist.N, retention.Waitlist.Events));
        Assert.Equal(3, retention.Participants.N);
        // Followed from the cohort's start, so leaving three months after it is a three-month line.
        Assert.Equal(0.5, retention.Landmarks.Single(l => l.Months == 6).Waitlist!.Survival, 10);
        Assert.Equal(3, retention.Comparison.N);
        // Person 4 left before a year had passed without a promotion: left out of the promotion figure.
        Assert.Equal(new Proportion(1, 1), promotion.Waitlist);
        Assert.Equal(1.0 / 3, promotion.AgainstWaitlist.Ratio!.Value, 10);
    }

    [Theory]
    [InlineData(null, "unknown")]
    [InlineData("2023-06-01", "<2")]
    [InlineData("2020-01-01", "2-5")]
    [InlineData("2010-01-01", ">5")]
    public void Tenure_bands(string? hired, string band) =>
        Assert.Equal(band, ParticipationComparison.TenureBand(hired is null ? null : DateOnly.Parse(hired, System.Globalization.CultureInfo.InvariantCulture), Window));
}
