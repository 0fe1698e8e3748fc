namespace MentorHub.Core.Domain;

/// <summary>A person taking part in a cohort in one role, with the profile used for matching.</summary>
public class Enrollment : IVersioned
{
    private Enrollment() { }

    private Enrollment(int cohortId, string userId, EnrollmentRole role, EnrollmentStatus status, DateTime createdAtUtc)
    {
        CohortId = cohortId;
        UserId = userId;
        Role = role;
        Status = status;
        CreatedAtUtc = createdAtUtc;
        if (status is EnrollmentStatus.Active) ActivatedAtUtc = createdAtUtc;
    }

    /// <summary>
    /// A person applies while the cohort's enrollment window is open on <paramref name="today"/>, their own calendar
    /// day; a coordinator then approves or declines.
    /// </summary>
    public static Enrollment Apply(Cohort cohort, string userId, EnrollmentRole role, DateOnly today, DateTime nowUtc)
    {
        if (!cohort.IsEnrollmentOpen(today))
            throw new DomainException($"Enrollment for {cohort.Name} is closed (open {cohort.EnrollmentOpensOn:d MMM yyyy} to {cohort.EnrollmentClosesOn:d MMM yyyy}).");
        return new Enrollment(cohort.Id, userId, role, EnrollmentStatus.Applied, nowUtc);
    }

    /// <summary>A coordinator enrolls a person directly (invitation or import); they are active at once.</summary>
    public static Enrollment Enroll(int cohortId, string userId, EnrollmentRole role, DateTime nowUtc) =>
        new(cohortId, userId, role, EnrollmentStatus.Active, nowUtc);

    public int Id { get; private set; }
    public int CohortId { get; private set; }
    public Cohort? Cohort { get; private set; }
    public string UserId { get; private set; } = "";
    public AppUser? User { get; private set; }
    public EnrollmentRole Role { get; private set; }
    public EnrollmentStatus Status { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? ActivatedAtUtc { get; private set; }
    public DateOnly? EndedOn { get; private set; }
    public string? WithdrawalReason { get; private set; }

    /// <summary>How many mentees a mentor can take (mentors only).</summary>
    public int MentorCapacity { get; private set; } = 1;
    public Modality? ModalityPreference { get; set; }

    /// <summary>Weekly availability as a <see cref="WeeklyAvailability"/> bit set.</summary>
    public int AvailabilitySlots { get; set; }

    /// <summary>Branch for matching; defaults to the person's branch when empty.</summary>
    public string? Branch { get; set; }
    public string? Preferences { get; set; }
    public Guid Version { get; set; }

    public List<EnrollmentCompetency> Competencies { get; } = [];

    private readonly List<MatchAnswer> _answers = [];

    /// <summary>Answers to the program's matching questions.</summary>
    public IReadOnlyCollection<MatchAnswer> Answers => _answers;

    /// <summary>Answers a matching question (no values: the answer is withdrawn, and the question counts as unanswered).</summary>
    public void Answer(MatchQuestion question, IReadOnlyList<int> values)
    {
        var existing = _answers.SingleOrDefault(a => a.QuestionId == question.Id);
        if (values.Count == 0)
        {
            if (existing is not null) _answers.Remove(existing);
            return;
        }
        var normalized = question.Normalize(values);
        if (existing is null) _answers.Add(new MatchAnswer(question.Id, normalized));
        else existing.Values = normalized;
    }

    public bool IsActive => Status is EnrollmentStatus.Active;

    /// <summary>A mentee's ranked mentors (enrollment ids, first choice first, comma-separated), where the cohort's mentees rank.</summary>
    public string? RankedMentors { get; private set; }

    public IReadOnlyList<int> MentorChoices => ParseChoices(RankedMentors);

    public static IReadOnlyList<int> ParseChoices(string? ranked) => string.IsNullOrEmpty(ranked) ? []
        : ranked.Split(',').Select(v => int.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    /// <summary>Ranks mentors, first choice first (an empty list withdraws the choices); at most <paramref name="most"/>.</summary>
    public void RankMentors(IReadOnlyList<int> mentorEnrollmentIds, int most)
    {
        if (Role is not EnrollmentRole.Mentee) throw new DomainException("Only mentees rank mentors.");
        if (mentorEnrollmentIds.Distinct().Count() != mentorEnrollmentIds.Count) throw new DomainException("Choose each mentor once.");
        if (mentorEnrollmentIds.Count > most) throw new DomainException($"Rank at most {most} mentors.");
        if (mentorEnrollmentIds.Contains(Id)) throw new DomainException("A person cannot be their own mentor.");
        RankedMentors = mentorEnrollmentIds.Count == 0 ? null : string.Join(',', mentorEnrollmentIds.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>
    /// A coordinator changes the person's role (mentor or mentee) while they are not matched yet; what they offer and
    /// what they want to develop swap with it, and a new mentor starts with one place.
    /// </summary>
    public void ChangeRole(EnrollmentRole role, ProgramFormat format, bool matchedBefore)
    {
        if (role == Role) return;
        if (matchedBefore) throw new DomainException("The role cannot change once the person has been matched in this cohort.");
        if (Status is not (EnrollmentStatus.Active or EnrollmentStatus.Applied)) throw new DomainException("Only a current participant's role can change.");
        if (format is ProgramFormat.Peer || role is EnrollmentRole.Peer) throw new DomainException("In a peer program everyone takes part as a peer.");
        var swapped = Competencies.Select(c => new EnrollmentCompetency(c.CompetencyId,
            c.Interest is CompetencyInterest.Expertise ? CompetencyInterest.Development : CompetencyInterest.Expertise, c.Level)).ToList();
        Competencies.Clear();
        Competencies.AddRange(swapped);
        Role = role;
        MentorCapacity = 1;
    }

    public void SetCapacity(int capacity)
    {
        if (Role is not EnrollmentRole.Mentor) throw new DomainException("Only mentors have a capacity.");
        if (capacity is < 1 or > 10) throw new DomainException("A mentor's capacity must be between 1 and 10 mentees.");
        MentorCapacity = capacity;
    }

    public void SetCompetency(int competencyId, CompetencyInterest interest, int level)
    {
        if (level is < 1 or > 5) throw new DomainException("Competency levels run from 1 to 5.");
        var existing = Competencies.SingleOrDefault(c => c.CompetencyId == competencyId && c.Interest == interest);
        if (existing is null) Competencies.Add(new EnrollmentCompetency(competencyId, interest, level));
        else existing.Level = level;
    }

    /// <summary>Replaces this person's competencies of one kind (what they offer, or what they want to develop).</summary>
    public void SetCompetencies(CompetencyInterest interest, IEnumerable<(int CompetencyId, int Level)> levels)
    {
        var wanted = levels.ToList();
        if (wanted.Any(l => l.Level is < 1 or > 5)) throw new DomainException("Competency levels run from 1 to 5.");
        Competencies.RemoveAll(c => c.Interest == interest && wanted.All(w => w.CompetencyId != c.CompetencyId));
        foreach (var (competencyId, level) in wanted) SetCompetency(competencyId, interest, level);
    }

    public void Approve(DateTime nowUtc)
    {
        if (Status is not (EnrollmentStatus.Applied or EnrollmentStatus.Invited)) throw new DomainException("Only an application or invitation can be approved.");
        Status = EnrollmentStatus.Active;
        ActivatedAtUtc = nowUtc;
    }

    public void Decline()
    {
        if (Status is not EnrollmentStatus.Applied) throw new DomainException("Only an application can be declined.");
        Status = EnrollmentStatus.Declined;
    }

    /// <summary>Withdrawal keeps the row: retention figures count who left, when and why.</summary>
    public void Withdraw(DateOnly on, string reason)
    {
        if (Status is EnrollmentStatus.Withdrawn or EnrollmentStatus.Completed or EnrollmentStatus.Declined)
            throw new DomainException("This participant has already left the cohort.");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Give a reason for the withdrawal.");
        Status = EnrollmentStatus.Withdrawn;
        EndedOn = on;
        WithdrawalReason = reason.Trim();
    }

    public void Complete(DateOnly on)
    {
        if (Status is not EnrollmentStatus.Active) throw new DomainException("Only an active participant can complete a cohort.");
        Status = EnrollmentStatus.Completed;
        EndedOn = on;
    }
}

public class EnrollmentCompetency(int competencyId, CompetencyInterest interest, int level)
{
    public int Id { get; private set; }
    public int EnrollmentId { get; private set; }
    public int CompetencyId { get; private set; } = competencyId;
    public Competency? Competency { get; private set; }
    public CompetencyInterest Interest { get; private set; } = interest;

    /// <summary>1-5: a mentor's expertise, or a mentee's current level.</summary>
    public int Level { get; set; } = level;
}

/// <summary>Weekly availability: seven days by three parts of the day, one bit each.</summary>
public static class WeeklyAvailability
{
    public const int PartsPerDay = 3;
    public static readonly string[] PartNames = ["Morning", "Afternoon", "Evening"];

    public static int Slot(DayOfWeek day, int part) => 1 << (((int)day * PartsPerDay) + part);

    public static bool Has(int slots, DayOfWeek day, int part) => (slots & Slot(day, part)) != 0;

    public static int Count(int slots) => System.Numerics.BitOperations.PopCount((uint)slots);

    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>
    /// Reads slots written as a day and a part of the day, separated by semicolons: <c>Mon morning; Wed afternoon</c>.
    /// Days may be written in full or as three letters, or as <c>weekdays</c> or <c>every day</c>.
    /// </summary>
    /// <returns>The slots, or the entries that could not be read.</returns>
    public static (int Slots, IReadOnlyList<string> Unreadable) Parse(string text)
    {
        var slots = 0;
        var unreadable = new List<string>();
        foreach (var entry in text.Split([';', '|', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var words = entry.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var part = words.Length >= 2 ? PartOf(words[^1]) : -1;
            var days = part < 0 ? null : DaysOf(string.Join(' ', words[..^1]));
            if (days is null)
            {
                unreadable.Add(entry);
                continue;
            }
            foreach (var day in days) slots |= Slot(day, part);
        }
        return (slots, unreadable);
    }

    /// <summary>The slots as <see cref="Parse"/> reads them, Monday first: <c>Mon morning; Wed afternoon</c>.</summary>
    public static string Describe(int slots)
    {
        var entries = new List<string>();
        foreach (var day in Weekdays.Append(DayOfWeek.Saturday).Append(DayOfWeek.Sunday))
        {
            for (var part = 0; part < PartsPerDay; part++)
            {
                if (Has(slots, day, part)) entries.Add($"{day.ToString()[..3]} {PartNames[part].ToLowerInvariant()}");
            }
        }
        return string.Join("; ", entries);
    }

    private static int PartOf(string word) => word.ToLowerInvariant().TrimEnd('s') switch
    {
        "morning" or "am" => 0,
        "afternoon" or "pm" => 1,
        "evening" => 2,
        _ => -1,
    };

    private static IEnumerable<DayOfWeek>? DaysOf(string text)
    {
        var word = text.Trim().ToLowerInvariant();
        if (word is "weekday" or "weekdays") return Weekdays;
        if (word is "every day" or "daily" or "any day") return Enum.GetValues<DayOfWeek>();
        if (word.Length < 3) return null;
        var days = Enum.GetValues<DayOfWeek>().Where(d => d.ToString().StartsWith(word.TrimEnd('s'), StringComparison.OrdinalIgnoreCase)).ToList();
        return days.Count == 1 ? days : null;
    }
}
