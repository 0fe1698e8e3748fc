using MentorHub.Core.Domain;
using MentorHub.Core.Notifications;
using MentorHub.Core.Notifications.Templates;

namespace MentorHub.Tests.Notifications;

/// <summary>What a digest says, from facts alone: no database, no host.</summary>
public class DigestComposerTests
{
    private static readonly DigestMonth March = DigestMonth.Of(2027, 3, TimeZoneInfo.Utc);
    private static readonly SiteLinks Links = new(new Uri("https://mentorhub.test/"));
    private static readonly Recipient Mentor = new("u-mentor", "nils@example.org", "Nils Guide", "UTC", NotificationKinds.None);
    private static readonly Recipient Coordinator = new("u-coord", "olga@example.org", "Olga Overseer", "UTC", NotificationKinds.None);

    private static DigestFacts Facts() => new(March, new DateTime(2027, 4, 1, 7, 0, 0, DateTimeKind.Utc))
    {
        Memberships = [new DigestMembership(1, Mentor.UserId, MemberRole.Mentor, 10, "Metadata Practice Group")],
        Members =
        [
            new DigestMember(1, Mentor.UserId, MemberRole.Mentor, 10, "Nils Guide"),
            new DigestMember(2, "u-pia", MemberRole.Mentee, 10, "Pia Learner"),
            new DigestMember(3, "u-tom", MemberRole.Mentee, 10, "Tom Quiet"),
        ],
        Goals = [new DigestGoal(7, 10, 2, "Map serials to BIBFRAME", GoalStatus.InProgress, 55, new DateOnly(2027, 3, 30), null)],
        UpdatesByGoal = new Dictionary<int, int> { [7] = 2 },
        CheckIns = [new DigestCheckIn(9, 3, AssessmentKind.Exit, new DateOnly(2027, 4, 8))],
        Programs =
        [
            new DigestProgram(4, "Metadata Practice Group", [Coordinator.UserId], 1, new MonthFigure(3, 5), new MonthFigure(0, 1), new MonthFigure(2, 0), 1, 0, [],
                Enumerable.Range(1, 12).Select(i => new DigestAttention(100 + i, $"Pair {i}", "Goals past their target", "1 goal")).ToList(), []),
        ],
    };

    private static List<string> Lines(EmailContent content) =>
        content.Blocks.OfType<EmailSection>().SelectMany(s => s.Items).Select(i => $"{i.Text} | {i.Link} | {i.Detail}").ToList();

    [Fact]
    public void A_mentor_reads_each_mentee_by_name_with_what_they_moved_and_what_is_due()
    {
        var lines = Lines(DigestComposer.Compose(Facts(), Mentor, Links)!);

        Assert.Contains("Pia Learner moved “Map serials to BIBFRAME” | https://mentorhub.test/Goals/7 | now 55% · 2 updates in March 2027", lines);
        Assert.Contains("Pia Learner's goal “Map serials to BIBFRAME” is past its target | https://mentorhub.test/Goals/7 | target 30 March 2027", lines);
        Assert.Contains("Tom Quiet: 0 goal updates, 0 goals achieved in March 2027 | https://mentorhub.test/Mentorships/10 | no open goals", lines);
        Assert.Contains("Tom Quiet's exit check-in | https://mentorhub.test/Mentorships/10 | due 8 April 2027", lines);
    }

    [Fact]
    public void A_coordinator_reads_the_month_against_the_one_before_and_ten_pairs_then_a_link_for_the_rest()
    {
        var lines = Lines(DigestComposer.Compose(Facts(), Coordinator, Links)!);

        Assert.Contains("Meetings held: 3 in March 2027, 5 in February 2027 |  | ", lines);
        Assert.Contains("Check-ins completed: 2 in March 2027, 0 in February 2027 |  | ", lines);
        Assert.Equal(DigestComposer.AttentionShown, lines.Count(l => l.StartsWith("Goals past their target: Pair ", StringComparison.Ordinal)));
        Assert.Contains("and 2 more needing attention | https://mentorhub.test/Programs/4/Connections | ", lines);
    }

    [Fact]
    public void Someone_with_nothing_to_report_gets_no_digest()
    {
        var stranger = new Recipient("u-none", "x@example.org", "Nobody", "UTC", NotificationKinds.None);

        Assert.Null(DigestComposer.Compose(Facts(), stranger, Links));
    }
}
