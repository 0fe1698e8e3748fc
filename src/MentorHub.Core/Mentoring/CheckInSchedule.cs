using MentorHub.Core.Domain;

namespace MentorHub.Core.Mentoring;

/// <summary>
/// When a new member who develops (a mentee or a peer) is asked for their check-ins: a baseline a week after they are
/// matched, a midpoint half-way through the cohort (unless that has passed), and an exit at the cohort's end (two
/// weeks on when the cohort has already ended). Mentors are not asked.
/// </summary>
public static class CheckInSchedule
{
    public const int BaselineAfterDays = 7;
    public const int LateExitAfterDays = 14;

    public static IEnumerable<Assessment> For(MentorshipMember member, DateOnly today, DateOnly cohortStartsOn, DateOnly cohortEndsOn)
    {
        if (member.Role is MemberRole.Mentor) yield break;
        var midpoint = cohortStartsOn.AddDays((cohortEndsOn.DayNumber - cohortStartsOn.DayNumber) / 2);
        yield return new Assessment(member.Id, AssessmentKind.Baseline, today.AddDays(BaselineAfterDays));
        if (midpoint > today) yield return new Assessment(member.Id, AssessmentKind.Midpoint, midpoint);
        yield return new Assessment(member.Id, AssessmentKind.Exit, cohortEndsOn > today ? cohortEndsOn : today.AddDays(LateExitAfterDays));
    }
}
