namespace MentorHub.Core.Domain;

/// <summary>How a program pairs people: one mentor with one mentee, peers, juniors mentoring seniors, or groups.</summary>
public enum ProgramFormat { OneToOne, Peer, Reverse, Group }

public enum ProgramStatus { Draft, Active, Completed, Archived }

public enum Modality { InPerson, Virtual, Hybrid }

/// <summary>Career stage, ordered from earliest to latest; reverse mentoring pairs an earlier-stage mentor with a later-stage mentee.</summary>
public enum CareerStage { EarlyCareer = 1, Developing = 2, Established = 3, Senior = 4 }

public static class CareerStages
{
    public static string Label(CareerStage stage) => stage switch
    {
        CareerStage.EarlyCareer => "Early career",
        _ => stage.ToString(),
    };
}

public enum EnrollmentRole { Mentor, Mentee, Peer }

public enum EnrollmentStatus { Applied, Invited, Active, Declined, Withdrawn, Completed }

/// <summary>Whether a competency on an enrollment is something the person offers (mentor) or wants to develop (mentee).</summary>
public enum CompetencyInterest { Expertise, Development }

/// <summary>How branch affects matching: prefer pairs from the same branch, from different branches, or ignore it.</summary>
public enum BranchRule { Ignore, PreferSame, PreferDifferent }

public enum MentorshipStatus { Proposed, Active, Paused, Closed }

/// <summary>A member's private answer to "Is this a good fit?", asked once the first meeting has been held.</summary>
public enum FitAnswer { Yes, NotSureYet, No }

/// <summary>Why a mentorship ended; outcome figures tell an ending that met its goals from one where someone left.</summary>
public enum MentorshipEndReason { GoalsMet, NotAGoodFit, LeftOrganisation, CohortCompleted, MemberWithdrew, Other }

public enum MemberRole { Mentor, Mentee, Peer }

public enum MeetingStatus { Scheduled, Held, Cancelled, Missed }

public enum GoalStatus { NotStarted, InProgress, Achieved, Abandoned }

public enum GoalUpdateKind { Progress, Comment, StatusChange }

public enum AssessmentKind { Baseline, Midpoint, Exit, Pulse }

public enum OutcomeKind { CertificationEarned, Promoted, RoleChanged, LeftOrganisation }

public enum NotificationStatus { Pending, Sent, Failed }

/// <summary>Kinds of mail a person may turn off. Security mail (invitations, password resets) is never optional.</summary>
[Flags]
public enum NotificationKinds
{
    None = 0,
    MeetingReminders = 1,
    MonthlyDigest = 2,
    Nudges = 4,
    MatchAnnouncements = 8,
    ProgramUpdates = 16,
    MeetingChanges = 32,
    Messages = 64,
}
