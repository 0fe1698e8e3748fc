namespace MentorHub.Core.Domain;

/// <summary>
/// One of the library's own service figures a program hopes to move, e.g. "days from receipt to shelf" or "items
/// digitised per month", with a value per month. The measure owns its values: they are recorded and removed through it.
/// </summary>
public class ServiceMeasure : IVersioned
{
    private ServiceMeasure() { }

    public ServiceMeasure(int programId, string name, string unit, bool higherIsBetter, DateTime createdAtUtc)
    {
        ProgramId = programId;
        CreatedAtUtc = createdAtUtc;
        Describe(name, unit, higherIsBetter);
    }

    public int Id { get; private set; }
    public int ProgramId { get; private set; }
    public string Name { get; private set; } = "";
    public string Unit { get; private set; } = "";

    /// <summary>Whether a rise is an improvement (items digitised) or a fall is (days to shelf).</summary>
    public bool HigherIsBetter { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public Guid Version { get; set; }

    public List<ServiceMeasureValue> Values { get; } = [];

    public void Describe(string name, string unit, bool higherIsBetter)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("Name the measure.");
        if (name.Trim().Length > 120) throw new DomainException("Keep the measure's name under 120 characters.");
        if (string.IsNullOrWhiteSpace(unit)) throw new DomainException("Give the measure's unit, e.g. \"days\" or \"items\".");
        if (unit.Trim().Length > 40) throw new DomainException("Keep the unit under 40 characters.");
        Name = name.Trim();
        Unit = unit.Trim();
        HigherIsBetter = higherIsBetter;
    }

    /// <summary>Sets the months' values (null removes a month's value); a month still running or in the future cannot have one yet.</summary>
    public void Record(IEnumerable<(DateOnly Month, decimal? Value)> months, DateOnly today)
    {
        foreach (var (month, value) in months)
        {
            var first = FirstOfMonth(month);
            var existing = Values.SingleOrDefault(v => v.Month == first);
            if (value is null)
            {
                if (existing is not null) Values.Remove(existing);
                continue;
            }
            if (first > FirstOfMonth(today)) throw new DomainException($"{first:MMMM yyyy} has not started yet, so it has no value.");
            if (Math.Abs(value.Value) > 1_000_000_000m) throw new DomainException($"The value for {first:MMMM yyyy} is too large.");
            if (existing is null) Values.Add(new ServiceMeasureValue(first, value.Value));
            else existing.Value = value.Value;
        }
    }

    public static DateOnly FirstOfMonth(DateOnly day) => new(day.Year, day.Month, 1);
}

/// <summary>A measure's value for one month (stored as the month's first day).</summary>
public class ServiceMeasureValue(DateOnly month, decimal value)
{
    public int Id { get; private set; }
    public int ServiceMeasureId { get; private set; }
    public DateOnly Month { get; private set; } = month;
    public decimal Value { get; set; } = value;
}
