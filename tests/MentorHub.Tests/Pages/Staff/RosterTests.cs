using System.Globalization;
using System.Net;
using System.Text;
using MentorHub.Core.Domain;
using MentorHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Tests.Pages.Staff;

/// <summary>The staff roster: imported from HR with a preview, re-imported with what changed, and outcome records per person.</summary>
[Collection(AppCollection.Name)]
public class RosterTests(MentorHubAppFactory app)
{
    private static async Task<Page> UploadAsync(AppClient client, string csv, string path = "/Staff/Import")
    {
        var page = await client.GetAsync(path);
        var form = page.Document.QuerySelector("form[enctype='multipart/form-data']")!;
        using var body = new MultipartFormDataContent
        {
            { new StringContent(page.AntiforgeryToken), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "staff.csv" },
        };
        return await client.FollowAsync(await client.Http.PostAsync(new Uri(client.Http.BaseAddress!, form.GetAttribute("action")!), body));
    }

    private static string Row(Page page, string staffNumber) =>
        page.Document.QuerySelectorAll("#preview tbody tr").Single(r => r.Children[1].TextContent.Trim() == staffNumber).Children[5].TextContent.Trim();

    [Fact]
    public async Task Outcome_records_are_imported_against_the_roster_and_a_second_import_records_nothing_twice()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var participant = await app.CreateUserAsync("Quinn Participant");
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (a, b) = ($"A-{tag}", $"B-{tag}");
        var ids = await app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var quinn = new StaffMember(a, new StaffDetails("Quinn Participant", participant.Email, "Central", null, CareerStage.EarlyCareer, null, null, null), now);
            quinn.LinkTo(participant.Id);
            var rue = new StaffMember(b, new StaffDetails("Rue Colleague", null, "North", null, CareerStage.Developing, null, null, null), now);
            db.StaffMembers.AddRange(quinn, rue);
            // Already recorded on Quinn's account: the file's copy of it is skipped.
            db.OutcomeEvents.Add(new OutcomeEvent(participant.Id, null, OutcomeKind.CertificationEarned, new DateOnly(2025, 3, 14), null, null, null, now));
            await db.SaveChangesAsync();
            return (Quinn: quinn.Id, Rue: rue.Id);
        });
        var future = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(30);
        using var client = app.CreateAppClient();
        await client.SignInAsync(coordinator.Email!);
        var csv = "staff id;outcome;date;note\r\n"
            + $"{a};certification;2025-03-14;Digital preservation\r\n"
            + $"{a};promoted;2025-09-01;Senior technician\r\n"
            + $"{b};left;2026-01-31;Retired\r\n"
            + $"{b};promoted;{future:yyyy-MM-dd};\r\n"
            + $"Z-{tag};promoted;2025-09-01;\r\n"
            + $"{a};knighted;2025-09-01;\r\n";

        var preview = await UploadAsync(client, csv, "/Staff/ImportOutcomes");

        Assert.Contains("6 rows: 2 to record, 1 already recorded, 3 with problems (left out)", preview.Text);
        string Check(int line) => preview.Document.QuerySelectorAll("#preview tbody tr").Single(r => r.Children[0].TextContent.Trim() == $"{line}").Children[5].TextContent.Trim();
        Assert.Equal("Already recorded", Check(2));
        Assert.Contains("is in the future", Check(5));
        Assert.Equal($"No one with staff id Z-{tag} is on the roster.", Check(6));
        Assert.Contains("“knighted” is not an outcome", Check(7));

        var imported = await client.FollowAsync(await client.SubmitAsync(preview, new Dictionary<string, string>(), "#import-form"));
        Assert.Contains("Recorded 2 outcomes; 1 already recorded; 3 rows with problems were left out.", imported.Document.QuerySelector("#import-result")!.TextContent);
        var recorded = await app.WithDbAsync(db => db.OutcomeEvents.Where(o => o.StaffMemberId == ids.Quinn || o.StaffMemberId == ids.Rue)
            .OrderBy(o => o.OccurredOn).Select(o => new { o.Kind, o.UserId, o.Note }).ToListAsync());
        Assert.Equal([OutcomeKind.Promoted, OutcomeKind.LeftOrganisation], recorded.Select(o => o.Kind));
        Assert.Equal(participant.Id, recorded[0].UserId);
        var page = await client.GetAsync($"/Staff/{ids.Rue}");
        Assert.Contains("Retired", page.Text);

        var again = await UploadAsync(client, csv, "/Staff/ImportOutcomes");
        Assert.Contains("0 to record, 3 already recorded", again.Text);
        Assert.Null(again.Document.QuerySelector("#import-form button"));
    }

    [Fact]
    public async Task A_coordinator_imports_the_staff_list_then_a_newer_one_and_sees_what_changed()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var participant = await app.CreateUserAsync("Pat Participant");
        using var client = app.CreateAppClient();
        await client.SignInAsync(coordinator.Email!);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (a, b, c) = ($"A-{tag}", $"B-{tag}", $"C-{tag}");

        var preview = await UploadAsync(client, $"staff id;name;email;branch;job title;career stage;hire date;leave date;leave reason\r\n"
            + $"{a};Pat Participant;{participant.Email};Central;Library Technician;early career;2021-03-01;;\r\n"
            + $"{b};Bo Colleague;;Central;Cataloguer;developing;2019-06-15;;\r\n"
            + $"{c};Cy Broken;;North;;senior;15/06/2019;;\r\n");

        Assert.Contains("3 rows: 2 ready (2 new, 0 with changes, 0 unchanged), 1 with problems", preview.Text);
        Assert.Contains("UTF-8, semicolon-separated", preview.Text);
        Assert.Contains("“15/06/2019” is not a hire date; write dates as YYYY-MM-DD.", Row(preview, c));
        Assert.Equal(0, await app.WithDbAsync(db => db.StaffMembers.CountAsync(s => s.StaffNumber.EndsWith(tag))));

        var imported = await client.FollowAsync(await client.SubmitAsync(preview, new Dictionary<string, string> { ["mode"] = "valid" }, "#import-form"));
        Assert.Contains("Imported: 2 added, 0 updated, 0 unchanged.", imported.Document.QuerySelector("#import-result")!.TextContent);
        var pat = await app.WithDbAsync(db => db.StaffMembers.SingleAsync(s => s.StaffNumber == a));
        Assert.Equal((participant.Id, new DateOnly(2021, 3, 1), CareerStage.EarlyCareer), (pat.UserId, pat.HiredOn, pat.CareerStage));

        // The next month's list: Pat moved branch, Bo left, Cy is fixed.
        var again = await UploadAsync(client, $"staff id,name,email,branch,job title,career stage,hire date,leave date,leave reason,manager id\r\n"
            + $"{a},Pat Participant,{participant.Email},North,Library Technician,early career,2021-03-01,,,\r\n"
            + $"{b},Bo Colleague,,Central,Cataloguer,developing,2019-06-15,2026-10-31,Moved to a university library,\r\n"
            + $"{c},Cy Fixed,,North,,senior,2019-06-15,,,{a}\r\n");
        Assert.Equal("branch: Central → North", Row(again, a));
        Assert.Equal("left on 31 Oct 2026 (Moved to a university library)", Row(again, b));
        Assert.Equal("New", Row(again, c));
        var updated = await client.FollowAsync(await client.SubmitAsync(again, new Dictionary<string, string> { ["mode"] = "all" }, "#import-form"));
        Assert.Contains("Imported: 1 added, 2 updated, 0 unchanged.", updated.Text);
        Assert.Equal(new DateOnly(2026, 10, 31), await app.WithDbAsync(db => db.StaffMembers.Where(s => s.StaffNumber == b).Select(s => s.LeftOn).SingleAsync()));
        Assert.Equal(a, await app.WithDbAsync(db => db.StaffMembers.Where(s => s.StaffNumber == c).Select(s => s.ManagerStaffNumber).SingleAsync()));

        var roster = await client.GetAsync($"/Staff?q={tag}&show=left");
        Assert.Equal(["Bo Colleague"], roster.Document.QuerySelectorAll("#roster tbody th a").Select(x => x.TextContent));
    }

    [Fact]
    public async Task Outcomes_are_recorded_on_a_persons_page_with_clear_errors_and_removed_after_confirming()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var staffId = await app.WithDbAsync(async db =>
        {
            var person = new StaffMember($"O-{Guid.NewGuid():N}"[..12], new StaffDetails("Olu Outcome", null, "Central", "Technician", CareerStage.Developing, new DateOnly(2020, 1, 6), null, null), DateTime.UtcNow);
            db.StaffMembers.Add(person);
            await db.SaveChangesAsync();
            return person.Id;
        });
        using var client = app.CreateAppClient();
        await client.SignInAsync(coordinator.Email!);
        var page = await client.GetAsync($"/Staff/{staffId}");
        Assert.Contains("Has not taken part in a program: counts in the comparison group.", page.Text);

        var future = app.Clock.GetUtcNow().UtcDateTime.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var refused = await client.FollowAsync(await client.SubmitAsync(page, new Dictionary<string, string> { ["Input.Kind"] = "Promoted", ["Input.OccurredOn"] = future, ["Input.Note"] = "Senior Technician" }, "#record-outcome"));
        Assert.Contains("The date is in the future; record outcomes once they have happened.", refused.Errors);
        Assert.Equal("Senior Technician", refused.InputValue("Input.Note"));

        var on = app.Clock.GetUtcNow().UtcDateTime.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var recorded = await client.FollowAsync(await client.SubmitAsync(refused, new Dictionary<string, string> { ["Input.Kind"] = "Promoted", ["Input.OccurredOn"] = on, ["Input.Note"] = "Senior Technician" }, "#record-outcome"));
        Assert.Contains("Promoted recorded for Olu Outcome.", recorded.Text);
        var outcome = await app.WithDbAsync(db => db.OutcomeEvents.SingleAsync(o => o.StaffMemberId == staffId));
        Assert.Equal((OutcomeKind.Promoted, "Senior Technician", (string?)null), (outcome.Kind, outcome.Note, outcome.UserId));

        var removed = await client.FollowAsync(await client.SubmitAsync(recorded, new Dictionary<string, string>(), "#outcomes details form"));
        Assert.Contains("is removed", removed.Text);
        Assert.False(await app.WithDbAsync(db => db.OutcomeEvents.AnyAsync(o => o.StaffMemberId == staffId)));
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/Staff/{staffId + 100000}")).StatusCode);
    }

    [Fact]
    public async Task Participants_who_coordinate_nothing_cannot_open_the_roster()
    {
        var mentee = await app.CreateUserAsync();
        using var client = app.CreateAppClient();
        await client.SignInAsync(mentee.Email!);

        var response = await client.Http.GetAsync("/Staff");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString);
        Assert.DoesNotContain("href=\"/Staff\"", (await client.GetAsync("/")).Document.QuerySelector("nav")!.OuterHtml);
    }
}
