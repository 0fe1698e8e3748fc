
namespace MentorHub.Web.Pages.Programs;

/// <summary>
/// The matching settings a coordinator edits: the criteria's weights, the branch rule, the minimum score and the
/// objective. The program form sets the program's own; the matching page's dry runs try others.
/// </summary>
public class MatchSettingsInput
{
    public int WeightCompetency { get; set; } = 5;
    public int WeightAvailability { get; set; } = 2;
    public int WeightModality { get; set; } = 1;
    public int WeightBranch { get; set; } = 1;
    public int WeightCareerStage { get; set; } = 2;

    /// <summary>The mentee's ranked choice of mentor, where a cohort's mentees rank mentors.</summary>
    public int WeightMenteeChoice { get; set; } = 4;
    public BranchRule BranchRule { get; set; } = BranchRule.Ignore;
    public int MinimumScore { get; set; } = 40;
    public MatchObjective Objective { get; set; } = MatchObjective.HighestTotal;

    /// <summary>Dry runs only: the weight to try for each of the program's matching questions.</summary>
    public Dictionary<int, int> QuestionWeights { get; set; } = [];

    public void CopyFrom(MatchWeights weights)
    {
        WeightCompetency = weights.Competency;
        WeightAvailability = weights.Availability;
        WeightModality = weights.Modality;
        WeightBranch = weights.Branch;
        WeightCareerStage = weights.CareerStage;
        WeightMenteeChoice = weights.MenteeChoice;
        BranchRule = weights.BranchRule;
        MinimumScore = weights.MinimumScore;
        Objective = weights.Objective;
    }

    public MatchWeights ToWeights() => new()
    {
        Competency = WeightCompetency,
        Availability = WeightAvailability,
        Modality = WeightModality,
        Branch = WeightBranch,
        CareerStage = WeightCareerStage,
        MenteeChoice = WeightMenteeChoice,
        BranchRule = BranchRule,
        MinimumScore = MinimumScore,
        Objective = Objective,
    };

    public sealed class SettingsValidator : AbstractValidator<MatchSettingsInput>
    {
        public SettingsValidator()
        {
            RuleFor(x => x.WeightCompetency).InclusiveBetween(0, 10).WithMessage("The competency weight is from 0 to 10.");
            RuleFor(x => x.WeightAvailability).InclusiveBetween(0, 10).WithMessage("The availability weight is from 0 to 10.");
            RuleFor(x => x.WeightModality).InclusiveBetween(0, 10).WithMessage("The modality weight is from 0 to 10.");
            RuleFor(x => x.WeightBranch).InclusiveBetween(0, 10).WithMessage("The branch weight is from 0 to 10.");
            RuleFor(x => x.WeightCareerStage).InclusiveBetween(0, 10).WithMessage("The career-stage weight is from 0 to 10.");
            RuleFor(x => x.WeightMenteeChoice).InclusiveBetween(0, 10).WithMessage("The mentee's-choice weight is from 0 to 10.");
            RuleFor(x => x).Must(x => x.WeightCompetency + x.WeightAvailability + x.WeightModality + x.WeightBranch + x.WeightCareerStage > 0)
                .OverridePropertyName("Weights").WithMessage("At least one matching weight must be above 0.");
            RuleFor(x => x.BranchRule).IsInEnum();
            RuleFor(x => x.MinimumScore).InclusiveBetween(0, 100).WithMessage("The minimum score is from 0 to 100.");
            RuleFor(x => x.Objective).IsInEnum().WithMessage("Choose what matching makes as large as it can.");
            RuleForEach(x => x.QuestionWeights.Values).InclusiveBetween(0, 10).OverridePropertyName("QuestionWeights").WithMessage("A question's weight is from 0 to 10.");
        }
    }
}

/// <summary>The fields of a program's framework, shared by the create and edit pages.</summary>
public sealed class ProgramInput : MatchSettingsInput
{
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public ProgramFormat Format { get; set; } = ProgramFormat.OneToOne;
    public Modality DefaultModality { get; set; } = Modality.Hybrid;
    public int MeetingCadenceDays { get; set; } = 14;
    public int ExpectedMeetingCount { get; set; } = 12;
    public List<int> TargetCompetencyIds { get; set; } = [];
    public Guid Version { get; set; }

    public static ProgramInput From(MentorshipProgram program)
    {
        var input = new ProgramInput
        {
            Name = program.Name,
            Description = program.Description,
            Format = program.Format,
            DefaultModality = program.DefaultModality,
            MeetingCadenceDays = program.MeetingCadenceDays,
            ExpectedMeetingCount = program.ExpectedMeetingCount,
            TargetCompetencyIds = program.TargetCompetencies.Select(t => t.CompetencyId).ToList(),
            Version = program.Version,
        };
        input.CopyFrom(program.MatchWeights);
        return input;
    }

    /// <param name="mentorships">How many mentorships the program has: once there are any, the format is fixed.</param>
    public void ApplyTo(MentorshipProgram program, int mentorships)
    {
        program.EnsureEditable();
        program.Name = Name.Trim();
        program.Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim();
        program.ChangeFormat(Format, mentorships);
        program.DefaultModality = DefaultModality;
        program.SetCadence(MeetingCadenceDays, ExpectedMeetingCount);
        program.SetTargetCompetencies(TargetCompetencyIds);
        program.MatchWeights.CopyFrom(ToWeights());
    }

    public sealed class Validator : AbstractValidator<ProgramInput>
    {
        public Validator()
        {
            RuleFor(x => x.Name).NotEmpty().WithMessage("Give the program a name.").MaximumLength(160);
            RuleFor(x => x.Description).MaximumLength(4000);
            RuleFor(x => x.Format).IsInEnum().WithMessage("Choose a format from the list.");
            RuleFor(x => x.DefaultModality).IsInEnum().WithMessage("Choose a modality from the list.");
            RuleFor(x => x.MeetingCadenceDays).InclusiveBetween(1, 180).WithMessage("Meet every 1 to 180 days.");
            RuleFor(x => x.ExpectedMeetingCount).InclusiveBetween(1, 200).WithMessage("Expect between 1 and 200 meetings.");
            RuleFor(x => x.TargetCompetencyIds).NotEmpty().WithMessage("Choose at least one target competency.");
            Include(new SettingsValidator());
        }
    }
}

/// <summary>The competency catalogue as the program form offers it.</summary>
public sealed record CompetencyChoice(int Id, string Name, string Category);

public static class CompetencyChoices
{
    public static Task<List<CompetencyChoice>> LoadAsync(MentorHubDbContext db, CancellationToken ct) =>
        db.Competencies.AsNoTracking().Where(c => !c.IsRetired).OrderBy(c => c.Category).ThenBy(c => c.Name)
            .Select(c => new CompetencyChoice(c.Id, c.Name, c.Category)).ToListAsync(ct);
}
