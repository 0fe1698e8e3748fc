using MentorHub.Core.Domain;

namespace MentorHub.Tests.Domain;

public class DomainRulesTests
{
    private static readonly DateTime Now = new(2026, 3, 10, 12, 0, 0, DateTimeKind.Utc);

    private static Cohort Cohort() => new(1, "Spring", new DateOnly(2026, 4, 1), new DateOnly(2026, 12, 1), new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 20));

    [Fact]
    public void A_cohort_cannot_end_before_it_starts_or_close_enrollment_after_it_ends()
    {
        Assert.Throws<DomainException>(() => new Cohort(1, "x", new DateOnly(2026, 5, 1), new DateOnly(2026, 4, 1), new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 2)));
        Assert.Throws<DomainException>(() => new Cohort(1, "x", new DateOnly(2026, 4, 1), new DateOnly(2026, 5, 1), new DateOnly(2026, 3, 1), new DateOnly(2026, 6, 1)));
    }

    [Fact]
    public void Applying_is_possible_only_while_the_enrollment_window_is_open()
    {
        var cohort = Cohort();

        Assert.Equal(EnrollmentStatus.Applied, Enrollment.Apply(cohort, "u1", EnrollmentRole.Mentee, DateOnly.FromDateTime(Now), Now).Status);
        var error = Assert.Throws<DomainException>(() => Enrollment.Apply(cohort, "u1", EnrollmentRole.Mentee, new DateOnly(2026, 3, 21), new DateTime(2026, 3, 21, 0, 0, 1, DateTimeKind.Utc)));
        Assert.Contains("closed", error.Message);
    }

    [Fact]
    public void Withdrawal_needs_a_reason_and_keeps_the_date()
    {
        var enrollment = Enrollment.Enroll(1, "u1", EnrollmentRole.Mentee, Now);

        Assert.Throws<DomainException>(() => enrollment.Withdraw(new DateOnly(2026, 5, 1), " "));
        enrollment.Withdraw(new DateOnly(2026, 5, 1), "Moved branch");

        Assert.Equal(EnrollmentStatus.Withdrawn, enrollment.Status);
        Assert.Equal(new DateOnly(2026, 5, 1), enrollment.EndedOn);
        Assert.Throws<DomainException>(() => enrollment.Withdraw(new DateOnly(2026, 5, 2), "again"));
    }

    [Fact]
    public void Only_mentors_have_a_capacity_and_it_stays_between_1_and_10()
    {
        Assert.Throws<DomainException>(() => Enrollment.Enroll(1, "u", EnrollmentRole.Mentee, Now).SetCapacity(2));
        var mentor = Enrollment.Enroll(1, "u", EnrollmentRole.Mentor, Now);
        Assert.Throws<DomainException>(() => mentor.SetCapacity(0));
        mentor.SetCapacity(4);
        Assert.Equal(4, mentor.MentorCapacity);
    }

    [Fact]
    public void A_member_joins_in_the_role_of_their_enrollment()
    {
        var mentorship = new Mentorship(1, Now);
        var mentee = Enrollment.Enroll(1, "u", EnrollmentRole.Mentee, Now);

        Assert.Throws<DomainException>(() => mentorship.AddMember(mentee, MemberRole.Mentor, new DateOnly(2026, 4, 1)));
        mentorship.AddMember(mentee, MemberRole.Mentee, new DateOnly(2026, 4, 1));
        Assert.True(mentorship.HasMember("u"));
        Assert.Throws<DomainException>(() => mentorship.Activate(new DateOnly(2026, 4, 1)));
    }

    [Fact]
    public void Rescheduling_raises_the_calendar_sequence_and_a_cancelled_meeting_cannot_be_logged()
    {
        var meeting = new Meeting(1, Now.AddDays(1), 60, Modality.Virtual, null, "https://meet.example.org/x", null, "u");

        meeting.Reschedule(Now.AddDays(2), 45);
        Assert.Equal(1, meeting.Sequence);
        meeting.Cancel("Snow day", Now);
        Assert.Equal(2, meeting.Sequence);
        Assert.Throws<DomainException>(() => meeting.LogAsHeld(null, ["u"], [], "u", Now.AddDays(3)));
    }

    [Fact]
    public void Only_attendees_of_a_held_meeting_leave_feedback_from_1_to_5()
    {
        var meeting = new Meeting(1, Now.AddHours(-2), 60, Modality.InPerson, "Room 1", null, null, "a");
        meeting.LogAsHeld("Good", ["a", "b"], [3], "a", Now);

        Assert.Throws<DomainException>(() => meeting.LeaveFeedback("c", 4, null, Now));
        Assert.Throws<DomainException>(() => meeting.LeaveFeedback("a", 6, null, Now));
        meeting.LeaveFeedback("a", 5, "Great", Now);
        meeting.LeaveFeedback("a", 4, "Changed my mind", Now);
        Assert.Equal(4, Assert.Single(meeting.Feedback).Rating);
    }

    [Fact]
    public void A_meeting_cannot_be_logged_before_it_starts()
    {
        var meeting = new Meeting(1, Now.AddHours(1), 60, Modality.Virtual, null, null, null, "a");

        Assert.Throws<DomainException>(() => meeting.LogAsHeld(null, ["a"], [], "a", Now));
    }

    [Fact]
    public void Goal_progress_stays_between_0_and_100_and_a_closed_goal_no_longer_changes()
    {
        var goal = new Goal(1, 1, "Run reports", null, null, new DateOnly(2026, 6, 1), "u", Now);

        Assert.Throws<DomainException>(() => goal.RecordProgress(101, null, "u", Now));
        goal.RecordProgress(40, "Halfway-ish", "u", Now);
        Assert.Equal(GoalStatus.InProgress, goal.Status);
        goal.MarkAchieved("u", DateOnly.FromDateTime(Now), Now);
        Assert.Equal(100, goal.ProgressPercent);
        Assert.Throws<DomainException>(() => goal.RecordProgress(50, null, "u", Now));
        Assert.Equal(3, goal.Updates.Count(u => u.Kind != GoalUpdateKind.Comment) + 1);
    }

    [Fact]
    public void An_open_goal_past_its_target_date_is_overdue_but_an_achieved_one_is_not()
    {
        var goal = new Goal(1, 1, "Run reports", null, null, new DateOnly(2026, 3, 1), "u", Now);

        Assert.True(goal.IsOverdue(new DateOnly(2026, 3, 2)));
        goal.MarkAchieved("u", DateOnly.FromDateTime(Now), Now);
        Assert.False(goal.IsOverdue(new DateOnly(2026, 3, 2)));
    }

    [Fact]
    public void A_program_keeps_at_least_one_coordinator()
    {
        var program = new MentorshipProgram("P", ProgramFormat.Peer, 14, 6, Modality.Hybrid, Now);
        program.AddCoordinator("a");
        program.AddCoordinator("b");

        program.RemoveCoordinator("a");
        Assert.Throws<DomainException>(() => program.RemoveCoordinator("b"));
    }

    [Fact]
    public void A_workshop_refuses_rsvps_beyond_its_capacity()
    {
        var workshop = new Workshop(1, "Clinic", null, Now, 60, Modality.Virtual, null, 1);
        workshop.Rsvp("a", Now);

        Assert.Throws<DomainException>(() => workshop.Rsvp("b", Now));
        workshop.Rsvp("a", Now);
        Assert.Single(workshop.Rsvps);
    }

    [Fact]
    public void A_failed_notification_backs_off_then_fails_at_the_limit()
    {
        var notification = new Notification("k", "test", null, "a@b.c", "s", "<p>h</p>", "t", Now);

        notification.MarkAttemptFailed("refused", Now, maxAttempts: 2);
        Assert.Equal(NotificationStatus.Pending, notification.Status);
        Assert.Equal(Now.AddMinutes(2), notification.NextAttemptAtUtc);
        notification.MarkAttemptFailed("refused", Now, maxAttempts: 2);
        Assert.Equal(NotificationStatus.Failed, notification.Status);
    }
}
