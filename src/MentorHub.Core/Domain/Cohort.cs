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

    public bool IsEnrollmentOpen(DateOnly today) => today >= EnrollmentOpensOn && today <= EnrollmentClosesOn;
}
