namespace MentorHub.Core.Domain;

/// <summary>
/// The relationship meetings and goals hang on. Its members carry their roles, so one entity serves
/// one-to-one, peer, reverse and group mentoring.
/// </summary>
public class Mentorship : IVersioned
{
    private Mentorship() { }

    public Mentorship(int cohortId, DateTime proposedAtUtc, double? matchScore = null, string? matchExplanation = null)
    {
        CohortId = cohortId;
        ProposedAtUtc = proposedAtUtc;
        MatchScore = matchScore;
        MatchExplanation = matchExplanation;
    }

    public int Id { get; private set; }
    public int CohortId { get; private set; }
    public Cohort? Cohort { get; private set; }
    public MentorshipStatus Status { get; private set; } = MentorshipStatus.Proposed;
    public double? MatchScore { get; private set; }

    /// <summary>Why the pair was matched: the score's breakdown, as shown to the coordinator.</summary>
    public string? MatchExplanation { get; private set; }
    public DateTime ProposedAtUtc { get; private set; }
    public DateOnly? StartedOn { get; private set; }
    public DateOnly? ClosedOn { get; private set; }
    public string? ClosureReason { get; private set; }
    public MentorshipEndReason? EndReason { get; private set; }

    /// <summary>When a coordinator last nudged the pair; one nudge a week at most.</summary>
    public DateTime? LastNudgedAtUtc { get; private set; }

    public bool IsRunning => Status is MentorshipStatus.Active or MentorshipStatus.Paused;
    public Guid Version { get; set; }

    private readonly List<MentorshipMember> _members = [];

    /// <summary>The members; joined only through <see cref="AddMember"/>, which checks the enrollment and the role.</summary>
    public IReadOnlyCollection<MentorshipMember> Members => _members;
    public List<Meeting> Meetings { get; } = [];
    public List<Goal> Goals { get; } = [];

    public void AddMember(Enrollment enrollment, MemberRole role, DateOnly joinedOn)
    {
        if (enrollment.CohortId != CohortId) throw new DomainException("Members must be enrolled in the mentorship's cohort.");
        if (!enrollment.IsActive) throw new DomainException("Only active participants can join a mentorship.");
        if (Members.Any(m => m.EnrollmentId == enrollment.Id && enrollment.Id != 0)) throw new DomainException("That person is already a member.");
        var expected = enrollment.Role switch
        {
            EnrollmentRole.Mentor => MemberRole.Mentor,
            EnrollmentRole.Mentee => MemberRole.Mentee,
            _ => MemberRole.Peer,
        };
        if (role != expected) throw new DomainException($"A {enrollment.Role.ToString().ToLowerInvariant()} joins as a {expected.ToString().ToLowerInvariant()}.");
        _members.Add(new MentorshipMember(enrollment, role, joinedOn));
    }

    /// <summary>History as it was (demo data): a member who has since withdrawn, without today's checks.</summary>
    internal void RestoreMember(Enrollment enrollment, MemberRole role, DateOnly joinedOn) => _members.Add(new MentorshipMember(enrollment, role, joinedOn));

    public bool HasMember(string userId) => Members.Any(m => m.UserId == userId);

    public void Activate(DateOnly on)
    {
        if (Status is not MentorshipStatus.Proposed) throw new DomainException("Only a proposed mentorship can be started.");
        if (Members.Count < 2) throw new DomainException("A mentorship needs at least two members.");
        Status = MentorshipStatus.Active;
        StartedOn = on;
    }

    public void Pause()
    {
        if (Status is not MentorshipStatus.Active) throw new DomainException("Only an active mentorship can be paused.");
        Status = MentorshipStatus.Paused;
    }

    public void Resume()
    {
        if (Status is not MentorshipStatus.Paused) throw new DomainException("Only a paused mentorship can be resumed.");
        Status = MentorshipStatus.Active;
    }

    /// <summary>
    /// Ends the mentorship; meetings, goals and check-ins stay as history. Its members are free to be matched again
    /// while their cohort runs.
    /// </summary>
    public void End(DateOnly on, MentorshipEndReason reason, string? note)
    {
        if (Status is MentorshipStatus.Closed) throw new DomainException("This mentorship has already ended.");
        if (StartedOn is { } started && on < started) throw new DomainException($"A mentorship cannot end before it started ({started:d MMM yyyy}).");
        if (reason is MentorshipEndReason.Other && string.IsNullOrWhiteSpace(note)) throw new DomainException("Say why the mentorship ended.");
        Status = MentorshipStatus.Closed;
        ClosedOn = on;
        EndReason = reason;
        ClosureReason = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        foreach (var member in Members.Where(m => m.IsCurrent)) member.Leave(on);
    }

    /// <summary>A date the system ends the mentorship on (a cohort completed, a member withdrew): never before it started.</summary>
    public DateOnly NotBeforeStart(DateOnly on) => StartedOn is { } started && started > on ? started : on;

    /// <summary>
    /// Takes one member out of a running group (moved to another group, back to the matching pool, or withdrawn); the
    /// group goes on with the others. A group keeps a mentor and at least one other member: otherwise end it instead.
    /// </summary>
    public MentorshipMember RemoveMember(int enrollmentId, DateOnly on)
    {
        if (!IsRunning) throw new DomainException("Members can be moved only while the mentorship runs.");
        var member = Members.SingleOrDefault(m => m.EnrollmentId == enrollmentId && m.IsCurrent)
            ?? throw new DomainException("That person is not a current member of this mentorship.");
        if (!CanGoOnWithout(member))
            throw new DomainException("Without this person the mentorship would lose its mentor or be down to one person: end it instead.");
        member.Leave(NotBeforeStart(on));
        return member;
    }

    /// <summary>Whether the mentorship still has two current members without this one, and its mentor if it had one.</summary>
    public bool CanGoOnWithout(MentorshipMember member)
    {
        var rest = Members.Where(m => m.IsCurrent && m != member).ToList();
        var leaderless = Members.Any(m => m.Role is MemberRole.Mentor) && rest.All(m => m.Role is not MemberRole.Mentor);
        return rest.Count >= 2 && !leaderless && rest.Any(m => m.Role is not MemberRole.Mentor);
    }

    public static readonly TimeSpan NudgeInterval = TimeSpan.FromDays(7);

    /// <summary>When the pair may next be nudged (null: now).</summary>
    public DateTime? NextNudgeAllowedAtUtc => LastNudgedAtUtc + NudgeInterval;

    public void RecordNudge(DateTime nowUtc)
    {
        if (!IsRunning) throw new DomainException("Only a running mentorship can be nudged.");
        if (NextNudgeAllowedAtUtc is { } next && nowUtc < next) throw new DomainException($"This pair was nudged on {LastNudgedAtUtc:d MMM yyyy}; nudge again from {next:d MMM yyyy}.");
        LastNudgedAtUtc = nowUtc;
    }
}

public class MentorshipMember
{
    private MentorshipMember() { }

    internal MentorshipMember(Enrollment enrollment, MemberRole role, DateOnly joinedOn)
    {
        Enrollment = enrollment;
        EnrollmentId = enrollment.Id;
        UserId = enrollment.UserId;
        Role = role;
        JoinedOn = joinedOn;
    }

    public int Id { get; private set; }
    public int MentorshipId { get; private set; }
    public Mentorship? Mentorship { get; private set; }
    public int EnrollmentId { get; private set; }
    public Enrollment? Enrollment { get; private set; }

    /// <summary>The enrollment's user, kept here so "is this person a member" is one indexed lookup.</summary>
    public string UserId { get; private set; } = "";
    public AppUser? User { get; private set; }
    public MemberRole Role { get; private set; }
    public DateOnly JoinedOn { get; private set; }

    /// <summary>True while the mentorship runs; a closed mentorship's members are free to be matched again.</summary>
    public bool IsCurrent { get; private set; } = true;

    /// <summary>When the member left while the mentorship went on, or when it ended.</summary>
    public DateOnly? LeftOn { get; private set; }

    internal void Leave(DateOnly on)
    {
        IsCurrent = false;
        LeftOn = on;
    }

    /// <summary>The member's answer to "Is this a good fit?"; the note is read by coordinators only.</summary>
    public FitAnswer? Fit { get; private set; }
    public string? FitNote { get; private set; }
    public DateTime? FitAnsweredAtUtc { get; private set; }

    /// <summary>When the automatic "waiting on you" reminder last went to this member (see <see cref="Mentoring.Responsiveness"/>).</summary>
    public DateTime? RemindedAtUtc { get; private set; }

    /// <summary>The newest message this member has seen in the conversation; later ones by others are unread.</summary>
    public int? LastReadMessageId { get; private set; }

    /// <summary>When mail last told this member about a new message; at most one per <see cref="MessageMailInterval"/>.</summary>
    public DateTime? MessageMailedAtUtc { get; private set; }

    public static readonly TimeSpan MessageMailInterval = TimeSpan.FromMinutes(15);

    /// <summary>Marks the conversation read up to a message; reading never goes backwards.</summary>
    public void ReadUpTo(int messageId)
    {
        if (LastReadMessageId is not { } read || messageId > read) LastReadMessageId = messageId;
    }

    /// <summary>Whether a new message may be mailed to this member now, and if so records that it was.</summary>
    public bool TryRecordMessageMail(DateTime nowUtc)
    {
        if (MessageMailedAtUtc is { } last && nowUtc - last < MessageMailInterval) return false;
        MessageMailedAtUtc = nowUtc;
        return true;
    }

    public void RecordReminder(DateTime nowUtc)
    {
        if (!IsCurrent) throw new DomainException("Only a current member can be reminded.");
        RemindedAtUtc = nowUtc;
    }

    /// <summary>Answers (or changes the answer to) the fit check, once a first meeting has been held.</summary>
    public void AnswerFit(FitAnswer answer, string? note, bool firstMeetingHeld, DateTime nowUtc)
    {
        if (!IsCurrent) throw new DomainException("Only a current member can answer the fit check.");
        if (!firstMeetingHeld) throw new DomainException("The fit check opens once your first meeting has been logged as held.");
        Fit = answer;
        FitNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        FitAnsweredAtUtc = nowUtc;
    }
}
