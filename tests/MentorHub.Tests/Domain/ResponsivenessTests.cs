using MentorHub.Core.Mentoring;

namespace MentorHub.Tests.Domain;

public class ResponsivenessTests
{
    private static readonly DateTime Now = new(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    private static ResponsivenessState Assess(double? waitingDaysAgo, double? seenDaysAgo, double? remindedDaysAgo = null) =>
        Responsiveness.Assess(new MemberActivity(Ago(waitingDaysAgo), Ago(seenDaysAgo), Ago(remindedDaysAgo)), Now);

    private static DateTime? Ago(double? days) => days is { } d ? Now.AddDays(-d) : null;

    [Fact]
    public void Nothing_waiting_means_responsive_however_long_the_member_has_been_away() =>
        Assert.Equal(ResponsivenessState.Responsive, Assess(waitingDaysAgo: null, seenDaysAgo: 300));

    [Theory]
    [InlineData(13.9, 40.0, ResponsivenessState.Responsive)]
    [InlineData(14.0, 40.0, ResponsivenessState.ReminderDue)]
    [InlineData(30.0, null, ResponsivenessState.ReminderDue)]
    [InlineData(30.0, 10.0, ResponsivenessState.Responsive)]
    [InlineData(30.0, 14.0, ResponsivenessState.ReminderDue)]
    public void Fourteen_days_of_silence_while_something_waits_earns_a_reminder(double waiting, double? seen, ResponsivenessState expected) =>
        Assert.Equal(expected, Assess(waiting, seen));

    [Fact]
    public void One_reminder_per_silence_then_a_flag_seven_days_on()
    {
        Assert.Equal(ResponsivenessState.Reminded, Assess(waitingDaysAgo: 20, seenDaysAgo: 40, remindedDaysAgo: 6.9));
        Assert.Equal(ResponsivenessState.Unresponsive, Assess(waitingDaysAgo: 21, seenDaysAgo: 40, remindedDaysAgo: 7));
    }

    [Fact]
    public void A_visit_after_the_reminder_ends_the_silence_and_a_new_one_earns_a_new_reminder()
    {
        Assert.Equal(ResponsivenessState.Responsive, Assess(waitingDaysAgo: 40, seenDaysAgo: 10, remindedDaysAgo: 20));
        Assert.Equal(ResponsivenessState.ReminderDue, Assess(waitingDaysAgo: 60, seenDaysAgo: 20, remindedDaysAgo: 30));
    }
}
