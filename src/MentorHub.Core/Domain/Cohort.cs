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

    /// <summary>How mentees are matched: by the coordinator alone, with their ranked choices, or by requesting a mentor.</summary>
    public MenteeChoiceMode ChoiceMode { get; private set; }

    /// <summary>How many mentors each mentee's shortlist shows.</summary>
    public int ShortlistSize { get; private set; } = DefaultShortlistSize;

    /// <summary>How many days a mentor has to answer a request before it expires.</summary>
    public int RequestDays { get; private set; } = DefaultRequestDays;

    public const int DefaultShortlistSize = 3;
    public const int DefaultRequestDays = 7;

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

    /// <summary>
    /// Lets mentees rank or request mentors from a shortlist of <paramref name="shortlistSize"/> (one-to-one and reverse
    /// programs: a mentee chooses one mentor), with <paramref name="requestDays"/> for a mentor to answer.
    /// </summary>
    public void SetChoice(MenteeChoiceMode mode, int shortlistSize, int requestDays, ProgramFormat format)
    {
        if (!Enum.IsDefined(mode)) throw new DomainException("Choose how mentees are matched.");
        if (mode is not MenteeChoiceMode.None && format is not (ProgramFormat.OneToOne or ProgramFormat.Reverse))
            throw new DomainException("Mentees choose a mentor in one-to-one and reverse programs; peer and group programs are matched by the coordinator.");
        if (shortlistSize is < 1 or > 10) throw new DomainException("A shortlist shows between 1 and 10 mentors.");
        if (requestDays is < 1 or > 60) throw new DomainException("A mentor has between 1 and 60 days to answer a request.");
        ChoiceMode = mode;
        ShortlistSize = shortlistSize;
        RequestDays = requestDays;
    }

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
