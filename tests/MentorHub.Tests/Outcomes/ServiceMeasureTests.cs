using MentorHub.Core.Domain;
using MentorHub.Core.Outcomes;

namespace MentorHub.Tests.Outcomes;

public class ServiceMeasureTests
{
    private static readonly DateOnly Start = new(2025, 3, 15);
    private static readonly DateOnly End = new(2025, 12, 20);

    private static MonthValue[] Months(DateOnly from, params double[] values) => values.Select((v, i) => new MonthValue(new DateOnly(from.Year, from.Month, 1).AddMonths(i), v)).ToArray();

    [Fact]
    public void Months_fall_before_during_or_after_the_program_and_only_six_months_count_before()
    {
        // Eight months before (the first two too early to count), ten during (March to December), two after.
        var months = Months(new DateOnly(2024, 7, 1), 99, 99, 10, 12, 11, 13, 12, 10, 9, 8, 8, 7, 7, 6, 6, 5, 5, 6, 5, 5);

        var change = ServiceMeasureChange.Compare(1, 2, "Days from receipt to shelf", "days", higherIsBetter: false, Start, End, months);

        Assert.Equal((6, 11.333333), (change.Before.N, Math.Round(change.Before.Value, 6)));
        Assert.Equal(10, change.During.N);
        Assert.Equal(2, change.After.N);
        Assert.Equal(5, change.After.Value, 10);
        Assert.True(change.DuringVsBefore!.Value < 0);
        // Fewer days is better, and the whole interval is below zero.
        Assert.True(change.Improved(change.DuringVsBefore));
        Assert.True(change.Improved(change.AfterVsBefore));
        Assert.Equal(change.Months.Count, months.Length);
    }

    [Fact]
    public void A_change_whose_interval_includes_none_is_not_called_better_or_worse()
    {
        var months = Months(new DateOnly(2024, 9, 1), 10, 30, 10, 30, 10, 30, 20, 21, 19, 40, 5);

        var change = ServiceMeasureChange.Compare(1, 2, "Items digitised", "items", higherIsBetter: true, Start, null, months);

        Assert.Null(change.Improved(change.DuringVsBefore));
        Assert.Equal(0, change.After.N);
        Assert.Null(change.AfterVsBefore);
    }

    [Fact]
    public void A_measure_records_a_value_per_month_replaces_and_removes_them_and_refuses_months_not_started()
    {
        var today = new DateOnly(2026, 5, 10);
        var measure = new ServiceMeasure(1, " Items digitised ", " items ", higherIsBetter: true, DateTime.UtcNow);
        Assert.Equal(("Items digitised", "items"), (measure.Name, measure.Unit));

        measure.Record([(new DateOnly(2026, 4, 20), 40m), (new DateOnly(2026, 5, 1), 12m)], today);
        measure.Record([(new DateOnly(2026, 4, 1), 44m), (new DateOnly(2026, 5, 3), null)], today);

        var value = Assert.Single(measure.Values);
        Assert.Equal((new DateOnly(2026, 4, 1), 44m), (value.Month, value.Value));
        var error = Assert.Throws<DomainException>(() => measure.Record([(new DateOnly(2026, 6, 1), 1m)], today));
        Assert.Contains("June 2026 has not started yet", error.Message);
        Assert.Throws<DomainException>(() => measure.Describe("", "items", true));
    }
}
