
namespace MentorHub.Web.Pages.Goals;

public sealed class GoalInput
{
    public int OwnerMemberId { get; set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public int? CompetencyId { get; set; }
    public DateOnly? TargetDate { get; set; }
    public Guid Version { get; set; }

    public sealed class Validator : AbstractValidator<GoalInput>
    {
        public Validator()
        {
            RuleFor(x => x.Title).NotEmpty().WithMessage("Say what the goal is.").MaximumLength(200);
            RuleFor(x => x.Description).MaximumLength(4000);
            RuleFor(x => x.TargetDate).NotNull().WithMessage("Choose a target date.");
        }
    }
}
