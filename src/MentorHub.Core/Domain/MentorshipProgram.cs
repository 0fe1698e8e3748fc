namespace MentorHub.Core.Domain;

/// <summary>A mentorship program's framework: format, cadence, competencies, mentor preparation and coordinators.</summary>
public class MentorshipProgram : IVersioned
{
    private MentorshipProgram() { }

    public MentorshipProgram(string name, ProgramFormat format, int meetingCadenceDays, int expectedMeetingCount, Modality defaultModality, DateTime createdAtUtc)
    {
        Name = name;
        Format = format;
        DefaultModality = defaultModality;
        CreatedAtUtc = createdAtUtc;
        SetCadence(meetingCadenceDays, expectedMeetingCount);
    }

    public int Id { get; private set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public ProgramFormat Format { get; private set; }
    public ProgramStatus Status { get; private set; } = ProgramStatus.Draft;

    /// <summary>What the program was before it was archived, so unarchiving puts it back.</summary>
    public ProgramStatus? StatusBeforeArchive { get; private set; }

    public bool IsArchived => Status is ProgramStatus.Archived;
    public Modality DefaultModality { get; set; }

    /// <summary>Days between meetings the program expects (14 = every two weeks).</summary>
    public int MeetingCadenceDays { get; private set; }
    public int ExpectedMeetingCount { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public MatchWeights MatchWeights { get; set; } = new();
    public Guid Version { get; set; }

    public List<ProgramCompetency> TargetCompetencies { get; } = [];
    public List<ProgramCoordinator> Coordinators { get; } = [];
    private readonly List<TrainingModule> _trainingModules = [];

    public IReadOnlyCollection<TrainingModule> TrainingModules => _trainingModules;

    private readonly List<MatchQuestion> _questions = [];

    /// <summary>The program's matching questions about values and work style, in the order people answer them.</summary>
    public IReadOnlyCollection<MatchQuestion> Questions => _questions;

    public const int MaxQuestions = 12;

    public MatchQuestion AddQuestion(MatchQuestion question)
    {
        EnsureEditable();
        if (_questions.Count >= MaxQuestions) throw new DomainException($"A program has at most {MaxQuestions} matching questions.");
        question.SortOrder = _questions.Count == 0 ? 1 : _questions.Max(q => q.SortOrder) + 1;
        _questions.Add(question);
        return question;
    }

    public void RemoveQuestion(int questionId)
    {
        EnsureEditable();
        var question = _questions.SingleOrDefault(q => q.Id == questionId) ?? throw new DomainException("That question is not one of this program's.");
        _questions.Remove(question);
    }

    /// <summary>Adds a mentor-training module at the end of the list.</summary>
    public void AddTrainingModule(TrainingModule module)
    {
        if (module.SortOrder == 0) module.SortOrder = _trainingModules.Count == 0 ? 1 : _trainingModules.Max(m => m.SortOrder) + 1;
        _trainingModules.Add(module);
    }
    public List<Cohort> Cohorts { get; } = [];

    public void SetCadence(int meetingCadenceDays, int expectedMeetingCount)
    {
        if (meetingCadenceDays is < 1 or > 180) throw new DomainException("Meeting cadence must be between 1 and 180 days.");
        if (expectedMeetingCount is < 1 or > 200) throw new DomainException("Expected meetings must be between 1 and 200.");
        MeetingCadenceDays = meetingCadenceDays;
        ExpectedMeetingCount = expectedMeetingCount;
    }

    /// <summary>What a draft still needs before it can be published, in words a coordinator reads; empty when ready.</summary>
    public static IReadOnlyList<string> MissingForPublishing(string? description, int targetCompetencies, int cohorts)
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(description)) missing.Add("a description, so staff know what the program is for");
        if (targetCompetencies == 0) missing.Add("at least one target competency");
        if (cohorts == 0) missing.Add("at least one cohort, with its dates and enrollment window");
        return missing;
    }

    /// <summary>A draft goes live: its open cohorts appear on the enrollment page.</summary>
    public void Publish(int cohorts)
    {
        if (Status is not ProgramStatus.Draft) throw new DomainException("Only a draft program can be published.");
        var missing = MissingForPublishing(Description, TargetCompetencies.Count, cohorts);
        if (missing.Count > 0) throw new DomainException($"Before publishing, add {string.Join("; ", missing)}.");
        Status = ProgramStatus.Active;
    }

    public void Activate()
    {
        if (Status is ProgramStatus.Archived) throw new DomainException("An archived program cannot be reactivated.");
        Status = ProgramStatus.Active;
    }

    /// <summary>The program has run its course: no new cohorts are expected, its history and reports stay.</summary>
    public void Complete(int runningMentorships)
    {
        if (Status is not ProgramStatus.Active) throw new DomainException("Only an active program can be completed.");
        if (runningMentorships > 0) throw new DomainException($"{Plural(runningMentorships)} still running. Complete the cohorts first, which ends them.");
        Status = ProgramStatus.Completed;
    }

    /// <summary>Puts the program out of sight and out of reach of edits; refused while people are still being mentored in it.</summary>
    public void Archive(int runningMentorships)
    {
        if (IsArchived) throw new DomainException($"{Name} is already archived.");
        if (runningMentorships > 0) throw new DomainException($"{Plural(runningMentorships)} still running. Complete the cohorts first, which ends them, then archive.");
        StatusBeforeArchive = Status;
        Status = ProgramStatus.Archived;
    }

    public void Unarchive()
    {
        if (!IsArchived) throw new DomainException($"{Name} is not archived.");
        Status = StatusBeforeArchive ?? ProgramStatus.Completed;
        StatusBeforeArchive = null;
    }

    /// <summary>An archived program is read-only.</summary>
    public void EnsureEditable()
    {
        if (IsArchived) throw new DomainException($"{Name} is archived and read-only. Unarchive it to change it.");
    }

    /// <summary>
    /// The format decides who joins mentorships in which role, so it is fixed once anyone has been matched; a program
    /// that should run in another format is a new program.
    /// </summary>
    public void ChangeFormat(ProgramFormat format, int mentorships)
    {
        if (format == Format) return;
        if (mentorships > 0)
            throw new DomainException($"The format cannot change once people are matched ({(mentorships == 1 ? "1 mentorship" : $"{mentorships} mentorships")} in this program). Create a new program for the new format instead.");
        Format = format;
    }

    private static string Plural(int mentorships) => mentorships == 1 ? "1 mentorship is" : $"{mentorships} mentorships are";

    public bool IsCoordinatedBy(string userId) => Coordinators.Any(c => c.UserId == userId);

    public void AddCoordinator(string userId)
    {
        if (!IsCoordinatedBy(userId)) Coordinators.Add(new ProgramCoordinator(userId));
    }

    public void RemoveCoordinator(string userId)
    {
        var coordinator = Coordinators.SingleOrDefault(c => c.UserId == userId);
        if (coordinator is null) return;
        if (Coordinators.Count == 1) throw new DomainException("A program needs at least one coordinator.");
        Coordinators.Remove(coordinator);
    }

    public void SetTargetCompetencies(IEnumerable<int> competencyIds)
    {
        var wanted = competencyIds.ToHashSet();
        TargetCompetencies.RemoveAll(t => !wanted.Contains(t.CompetencyId));
        foreach (var id in wanted.Where(id => TargetCompetencies.All(t => t.CompetencyId != id)))
            TargetCompetencies.Add(new ProgramCompetency(id));
    }
}

/// <summary>How much each matching criterion counts, set per program (0 turns a criterion off).</summary>
public class MatchWeights
{
    public int Competency { get; set; } = 5;
    public int Availability { get; set; } = 2;
    public int Modality { get; set; } = 1;
    public int Branch { get; set; } = 1;
    public int CareerStage { get; set; } = 2;
    public BranchRule BranchRule { get; set; } = BranchRule.Ignore;

    /// <summary>The mentee's ranked choice of mentor; counts only in cohorts where mentees rank mentors.</summary>
    public int MenteeChoice { get; set; } = 4;

    /// <summary>Proposed pairs scoring under this (0-100) are shown unticked with a warning.</summary>
    public int MinimumScore { get; set; } = 40;

    public MatchObjective Objective { get; set; } = MatchObjective.HighestTotal;

    /// <summary>Takes every setting of <paramref name="other"/> (e.g. a dry run's, adopted for the program).</summary>
    public void CopyFrom(MatchWeights other)
    {
        Competency = other.Competency;
        Availability = other.Availability;
        Modality = other.Modality;
        Branch = other.Branch;
        CareerStage = other.CareerStage;
        MenteeChoice = other.MenteeChoice;
        BranchRule = other.BranchRule;
        MinimumScore = other.MinimumScore;
        Objective = other.Objective;
    }

    public MatchWeights Copy()
    {
        var copy = new MatchWeights();
        copy.CopyFrom(this);
        return copy;
    }
}

/// <summary>What a matching run makes as large as it can.</summary>
public enum MatchObjective
{
    /// <summary>The sum of the pairs' scores, even when that leaves someone out who could have been matched.</summary>
    HighestTotal,

    /// <summary>As many people matched as possible; among those matchings, the highest sum of scores.</summary>
    MostMatched,
}

public class ProgramCompetency(int competencyId)
{
    public int ProgramId { get; private set; }
    public int CompetencyId { get; private set; } = competencyId;
    public Competency? Competency { get; private set; }
}

public class ProgramCoordinator(string userId)
{
    public int ProgramId { get; private set; }
    public string UserId { get; private set; } = userId;
    public AppUser? User { get; private set; }
}
