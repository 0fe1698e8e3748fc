
namespace MentorHub.Web.Pages.Programs.Cohorts;

/// <summary>A cohort's name and dates, shared by the create and edit pages.</summary>
public sealed class CohortInput
{
    public string Name { get; set; } = "";
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public DateOnly? EnrollmentOpensOn { get; set; }
    public DateOnly? EnrollmentClosesOn { get; set; }

    /// <summary>The coordinator confirms dates in the past (recording an old cohort) rather than a typo.</summary>
    public bool ConfirmPastDates { get; set; }

    /// <summary>The cohort as the edit page loaded it.</summary>
    public Guid Version { get; set; }

    public sealed class Validator : AbstractValidator<CohortInput>
    {
        public Validator()
        {
            RuleFor(x => x.Name).NotEmpty().WithMessage("Name the cohort, e.g. “Spring 2027”.").MaximumLength(120);
            RuleFor(x => x.StartsOn).NotNull().WithMessage("Enter the start date.");
            RuleFor(x => x.EndsOn).NotNull().WithMessage("Enter the end date.")
                .GreaterThan(x => x.StartsOn).When(x => x.StartsOn is not null).WithMessage("The cohort must end after it starts.");
            RuleFor(x => x.EnrollmentOpensOn).NotNull().WithMessage("Enter when enrollment opens.");
            RuleFor(x => x.EnrollmentClosesOn).NotNull().WithMessage("Enter when enrollment closes.")
                .GreaterThanOrEqualTo(x => x.EnrollmentOpensOn).When(x => x.EnrollmentOpensOn is not null).WithMessage("Enrollment must close on or after it opens.")
                .LessThanOrEqualTo(x => x.EndsOn).When(x => x.EndsOn is not null).WithMessage("Enrollment must close before the cohort ends.");
        }
    }
}
