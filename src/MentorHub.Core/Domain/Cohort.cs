namespace MentorHub.Core.Domain;

/// <summary>One run of a program, with its dates and enrollment window; what coordinators manage day to day.</summary>
public class Cohort : IVersioned
{
    private Cohort() { }

    public Cohort(int programId, string name, DateOnly startsOn, DateOnly endsOn, DateOnly enrollmentOpensOn, DateOnly enrollmentClosesOn)
    {
        ProgramId = programId;
        Name = name;
        Reschedule(startsOn, endsOn, enrollmentOpensOn, enrollmentClosesOn);
    }

    public int Id { get; private set; }
    public int ProgramId { get; private set; }
    public MentorshipProgram? Program { get; private set; }
    public string Name { get; set; } = "";
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public DateOnly EnrollmentOpensOn { get; private set; }
    public DateOnly EnrollmentClosesOn { get; private set; }
    public Guid Version { get; set; }

    /// <summary>When a coordinator completed the cohort: its mentorships ended and its participants finished.</summary>
    public DateOnly? CompletedOn { get; private set; }

    public bool IsCompleted => CompletedOn is not null;

    public List<Enrollment> Enrollments { get; } = [];
    public List<Mentorship> Mentorships { get; } = [];
    public List<Workshop> Workshops { get; } = [];

    public void Reschedule(DateOnly startsOn, DateOnly endsOn, DateOnly enrollmentOpensOn, DateOnly enrollmentClosesOn)
    {
        if (endsOn <= startsOn) throw new DomainException("A cohort must end after it starts.");
        if (enrollmentClosesOn < enrollmentOpensOn) throw new DomainException("The enrollment window must close on or after it opens.");
        if (enrollmentClosesOn > endsOn) throw new DomainException("Enrollment must close before the cohort ends.");
        StartsOn = startsOn;
        EndsOn = endsOn;
        EnrollmentOpensOn = enrollmentOpensOn;
        EnrollmentClosesOn = enrollmentClosesOn;
    }

    public bool IsEnrollmentOpen(DateOnly today) => !IsCompleted && today >= EnrollmentOpensOn && today <= EnrollmentClosesOn;

    public void Rename(string name)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("Give the cohort a name.");
        Name = name.Trim();
    }

    /// <summary>Marks the cohort complete; <see cref="CohortCompletion"/> ends its mentorships and enrollments with it.</summary>
    internal void MarkCompleted(DateOnly on)
    {
        if (IsCompleted) throw new DomainException($"{Name} was already completed on {CompletedOn:d MMM yyyy}.");
        if (on < StartsOn) throw new DomainException($"{Name} has not started yet (it starts on {StartsOn:d MMM yyyy}).");
        CompletedOn = on;
    }

    /// <summary>Dates a coordinator should confirm: ones already past, which are right for recording an old cohort but usually a typo.</summary>
    public static IReadOnlyList<string> PastDates(DateOnly today, DateOnly startsOn, DateOnly endsOn, DateOnly enrollmentOpensOn, DateOnly enrollmentClosesOn)
    {
        var past = new List<string>();
        if (startsOn < today) past.Add($"starts {startsOn:d MMM yyyy}");
        if (endsOn < today) past.Add($"ends {endsOn:d MMM yyyy}");
        if (enrollmentClosesOn < today) past.Add($"enrollment closes {enrollmentClosesOn:d MMM yyyy}");
        return past;
    }
}
