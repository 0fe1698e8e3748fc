using System.Net;
using MentorHub.Core.Domain;
using MentorHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Tests.Pages.Programs;

[Collection(AppCollection.Name)]
public class ImportTests(MentorHubAppFactory app)
{
    private async Task<(string Url, int CohortId, AppClient Client)> CohortAsync()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var programId = await app.CreateProgramAsync(coordinator.Id);
        var cohortId = await app.CreateCohortAsync(programId);
        var client = app.CreateAppClient();
        await client.SignInAsync(coordinator.Email!);
        return ($"/Programs/{programId}/Cohorts/{cohortId}/Import", cohortId, client);
    }

    private static string Unique(string local) => $"{local}-{Guid.NewGuid():N}@test.mentorhub.local";

    private async Task<Page> PreviewAsync(AppClient client, string url, string csv) =>
        await client.FollowAsync(await client.UploadAsync(await client.GetAsync(url), "form[enctype='multipart/form-data']", "file", "people.csv", csv));

    private async Task<Page> WaitForImportAsync(AppClient client, HttpResponseMessage started)
    {
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var location = started.Headers.Location!.OriginalString;
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var page = await client.GetAsync(location);
            if (page.Text.Contains("Import finished", StringComparison.Ordinal)) return page;
            await Task.Delay(50);
        }
        throw new TimeoutException("The import did not finish.");
    }

    [Fact]
    public async Task A_file_with_more_rows_than_one_import_takes_is_refused_with_a_message()
    {
        var (url, cohortId, client) = await CohortAsync();
        using var _ = client;
        var csv = "name,email,role\n" + string.Concat(Enumerable.Range(0, MentorHub.Web.Pages.Programs.Cohorts.ImportModel.MaxRows + 1).Select(i => $"P{i},p{i}@x.org,mentee\n"));

        var preview = await PreviewAsync(client, url, csv);

        Assert.Contains("The file has 5,001 rows; one file can add at most 5,000 people. Split it into smaller files.", preview.Errors);
        Assert.Null(preview.Document.QuerySelector("#import-form"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Enrollments.CountAsync(e => e.CohortId == cohortId)));
    }

    [Fact]
    public async Task A_file_with_bad_rows_is_previewed_with_each_problem_and_nothing_is_imported()
    {
        var (url, cohortId, client) = await CohortAsync();
        using var _ = client;
        var duplicate = Unique("dup");
        var csv = $"name,email,role,competencies\nAda,{Unique("ada")},mentee,ILS administration\nBad Email,nope,mentee,\n"
            + $"Dee,{duplicate},mentee,\nDee Again,{duplicate},mentor,\nUnknown,{Unique("unk")},mentee,Underwater basket weaving\n";

        var preview = await PreviewAsync(client, url, csv);

        Assert.Contains("5 rows: 2 ready, 3 with problems.", preview.Text);
        Assert.Contains("“nope” is not a valid email address.", preview.Text);
        Assert.Contains("Unknown competency “Underwater basket weaving”.", preview.Text);
        Assert.Contains($"Duplicate: {duplicate} is already on line 4.", preview.Text);
        Assert.Null(preview.Document.QuerySelector("button[value=all]"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Enrollments.CountAsync(e => e.CohortId == cohortId)));

        var forced = await client.FollowAsync(await client.SubmitAsync(preview, new Dictionary<string, string> { ["mode"] = "all" }, "#import-form"));
        Assert.Contains(forced.Errors, e => e.Contains("nothing was imported", StringComparison.Ordinal));
        Assert.Equal(0, await app.WithDbAsync(db => db.Enrollments.CountAsync(e => e.CohortId == cohortId)));
    }

    [Fact]
    public async Task Choosing_the_valid_rows_imports_them_with_progress_and_invites_new_people()
    {
        var (url, cohortId, client) = await CohortAsync();
        using var _ = client;
        var ada = Unique("ada");
        var existing = await app.CreateUserAsync("Existing Person");
        var csv = $"name,email,role,branch,job title,competencies\nAda New,{ada},mentee,Harbour,Technician,ILS administration:2\n"
            + $"Existing Person,{existing.Email},mentor,,,\nBroken,broken,mentee,,,\n";

        var preview = await PreviewAsync(client, url, csv);
        var finished = await WaitForImportAsync(client, await client.SubmitAsync(preview, new Dictionary<string, string> { ["mode"] = "valid" }, "#import-form"));

        Assert.Contains("2 of 2 rows processed · 2 imported", finished.Text);
        var enrolled = await app.WithDbAsync(db => db.Enrollments.Where(e => e.CohortId == cohortId).Include(e => e.Competencies).Include(e => e.User).ToListAsync());
        Assert.Equal([ada, existing.Email], enrolled.OrderBy(e => e.User!.DisplayName).Select(e => e.User!.Email));
        var newcomer = enrolled.Single(e => e.User!.Email == ada);
        Assert.Equal((EnrollmentRole.Mentee, "Harbour", 2), (newcomer.Role, newcomer.User!.Branch, newcomer.Competencies.Single().Level));
        Assert.Equal("You are invited to MentorHub", (await Mailbox.LatestToAsync(app, ada)).Subject);
        Assert.StartsWith("You're in", (await Mailbox.LatestToAsync(app, existing.Email!)).Subject);
    }

    [Fact]
    public async Task The_template_imports_as_it_is_with_a_mentors_capacity_availability_and_modality()
    {
        var (url, cohortId, client) = await CohortAsync();
        using var _ = client;
        var template = await client.Http.GetStringAsync(url + "?handler=Template");
        Assert.StartsWith("name,email,role,branch,job title,competencies,capacity,availability,modality\r\n", template, StringComparison.Ordinal);
        var (grace, ada) = (Unique("grace"), Unique("ada"));
        var csv = template.Replace("grace@example.org", grace, StringComparison.Ordinal).Replace("ada@example.org", ada, StringComparison.Ordinal);

        var preview = await PreviewAsync(client, url, csv);
        Assert.Contains("2 rows: 2 ready.", preview.Text);
        Assert.Contains("2 mentees", preview.Document.QuerySelector("#preview")!.TextContent);
        var finished = await WaitForImportAsync(client, await client.SubmitAsync(preview, new Dictionary<string, string> { ["mode"] = "all" }, "#import-form"));

        Assert.Contains("2 of 2 rows processed · 2 imported", finished.Text);
        var imported = (await app.WithDbAsync(db => db.Enrollments.Where(e => e.CohortId == cohortId)
            .Select(e => new { e.Role, e.MentorCapacity, e.AvailabilitySlots, e.ModalityPreference }).ToListAsync())).OrderBy(e => e.Role).ToList();
        Assert.Equal((EnrollmentRole.Mentor, 2, "Mon morning; Wed afternoon", Modality.Hybrid),
            (imported[0].Role, imported[0].MentorCapacity, WeeklyAvailability.Describe(imported[0].AvailabilitySlots), imported[0].ModalityPreference!.Value));
        Assert.Equal((EnrollmentRole.Mentee, 1, "Mon morning; Thu afternoon", Modality.InPerson),
            (imported[1].Role, imported[1].MentorCapacity, WeeklyAvailability.Describe(imported[1].AvailabilitySlots), imported[1].ModalityPreference!.Value));
    }

    [Fact]
    public async Task A_clean_file_imports_all_rows()
    {
        var (url, cohortId, client) = await CohortAsync();
        using var _ = client;
        var rows = string.Concat(Enumerable.Range(1, 12).Select(i => $"Person {i},{Unique($"p{i}")},{(i % 3 == 0 ? "mentor" : "mentee")},,,\n"));

        var preview = await PreviewAsync(client, url, "name,email,role,branch,job title,competencies\n" + rows);
        var finished = await WaitForImportAsync(client, await client.SubmitAsync(preview, new Dictionary<string, string> { ["mode"] = "all" }, "#import-form"));

        Assert.Contains("12 of 12 rows processed · 12 imported", finished.Text);
        Assert.Equal(4, await app.WithDbAsync(db => db.Enrollments.CountAsync(e => e.CohortId == cohortId && e.Role == EnrollmentRole.Mentor)));
    }

    [Fact]
    public async Task A_semicolon_separated_Windows_1252_file_from_Excel_is_read_and_the_preview_says_so()
    {
        var (url, _, client) = await CohortAsync();
        using var _client = client;
        var page = await client.GetAsync(url);
        var form = page.Document.QuerySelector("form[enctype='multipart/form-data']")!;
        using var body = new MultipartFormDataContent();
        body.Add(new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken");
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var email = $"zoe-{Guid.NewGuid():N}@example.org";
        body.Add(new ByteArrayContent(System.Text.Encoding.GetEncoding(1252).GetBytes($"name;email;role\r\nZoë Müller;{email};mentee\r\n")), "file", "excel.csv");

        var response = await client.FollowAsync(await client.Http.PostAsync(new Uri(client.Http.BaseAddress!, form.GetAttribute("action")!), body));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Contains("Windows-1252, semicolon-separated", response.Text);
        Assert.Contains("Zoë Müller", response.Document.QuerySelector("#import-form ~ * , table")!.TextContent);
    }
}
