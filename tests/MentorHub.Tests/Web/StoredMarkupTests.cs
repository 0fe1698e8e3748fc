using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using MentorHub.Core.Notifications;
using MentorHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MentorHub.Tests.Web;

public partial class EndpointSweepTests
{
    private const string Payload = "<script>alert(1)</script><img src=x onerror=alert(2)><a href=\"javascript:alert(3)\">x</a>";

    /// <summary>Anything that would run: a script without a source, an event-handler attribute, a javascript: link.</summary>
    private static IEnumerable<string> Active(IParentNode document) =>
        document.QuerySelectorAll("script:not([src])").Select(e => "inline script: " + e.OuterHtml)
            .Concat(document.QuerySelectorAll("*").Where(e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))).Select(e => "handler: " + e.OuterHtml))
            .Concat(document.QuerySelectorAll("[href^='javascript:' i], [src^='javascript:' i]").Select(e => "javascript link: " + e.OuterHtml));

    [Fact]
    public async Task Markup_stored_in_free_text_is_inert_on_every_page_and_in_mail()
    {
        var world = await WorldAsync();
        await app.WithDbAsync(async db =>
        {
            foreach (var user in await db.Users.Where(u => u.Id == world.Mentor.Id || u.Id == world.Mentee.Id || u.Id == world.Coordinator.Id).ToListAsync())
            {
                user.DisplayName = "Pat " + Payload;
                user.JobTitle = Payload;
                user.Branch = Payload;
            }
            var program = await db.Programs.SingleAsync(p => p.Id == int.Parse(world.Ids["program"]));
            (program.Name, program.Description) = ("Program " + Payload, Payload);
            (await db.Cohorts.SingleAsync(c => c.Id == int.Parse(world.Ids["cohort"]))).Name = "Cohort " + Payload;
            var meeting = await db.Meetings.SingleAsync(m => m.Id == int.Parse(world.Ids["meeting"]));
            (meeting.Agenda, meeting.Location) = (Payload, Payload);
            var goal = await db.Goals.Include(g => g.Milestones).SingleAsync(g => g.Id == int.Parse(world.Ids["goal"]));
            (goal.Title, goal.Description) = ("Goal " + Payload, Payload);
            goal.Comment(Payload, world.Mentor.Id, app.Clock.GetUtcNow().UtcDateTime);
            var workshop = await db.Workshops.SingleAsync(w => w.Id == int.Parse(world.Ids["workshop"]));
            (workshop.Title, workshop.Description, workshop.Location) = ("Workshop " + Payload, Payload, Payload);
            var module = await db.TrainingModules.SingleAsync(m => m.Id == int.Parse(world.Ids["module"]));
            (module.Title, module.ContentMarkdown) = ("Module " + Payload, Payload + "\n\n[click](javascript:alert(4))");
            db.Resources.Add(MentorHub.Core.Domain.Resource.ForMentorship(int.Parse(world.Ids["mentorship"]), "Resource " + Payload, "https://example.org/r", Payload, world.Mentor.Id, app.Clock.GetUtcNow().UtcDateTime));
            return await db.SaveChangesAsync();
        });

        var found = new List<string>();
        var pages = 0;
        foreach (var person in new[] { world.Admin, world.Coordinator, world.Mentor, world.Mentee })
        {
            using var client = app.CreateAppClient();
            await client.SignInAsync(person.Email!);
            foreach (var url in Routes().Values.Select(world.Url).Append("/").Append("/Programs").Append("/Admin/Users?q=Pat"))
            {
                var page = await client.GetAsync(url);
                pages++;
                found.AddRange(Active(page.Document).Select(a => $"{url}: {a}"));
            }
        }

        var mail = await app.WithDbAsync(async db =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var mentee = await db.Users.SingleAsync(u => u.Id == world.Mentee.Id);
            var outbox = new NotificationOutbox(db, app.Clock);
            await outbox.QueueAsync(AccountEmails.PasswordReset(Recipient.Of(mentee), "https://mentorhub.test/reset"));
            return db.ChangeTracker.Entries<MentorHub.Core.Domain.Notification>().Single().Entity.HtmlBody;
        });
        found.AddRange(Active(new HtmlParser().ParseDocument(mail)).Select(a => $"mail: {a}"));

        Assert.True(found.Count == 0, string.Join("\n", found.Distinct().Take(20)));
        Assert.Contains("&lt;script&gt;", mail, StringComparison.Ordinal);
        Assert.True(pages > 150, $"{pages} pages");
    }
}
