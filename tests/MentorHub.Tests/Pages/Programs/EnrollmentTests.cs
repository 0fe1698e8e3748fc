using System.Net;
using MentorHub.Core.Domain;
using MentorHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Tests.Pages.Programs;

[Collection(AppCollection.Name)]
public class EnrollmentTests(MentorHubAppFactory app)
{
    private async Task<(AppUser Coordinator, int ProgramId, int CohortId, AppClient Client)> CohortAsync(ProgramFormat format = ProgramFormat.OneToOne, int opensInDays = -5, int closesInDays = 10)
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var programId = await app.CreateProgramAsync(coordinator.Id, format);
        var cohortId = await app.CreateCohortAsync(programId, opensInDays: opensInDays, closesInDays: closesInDays);
        var client = app.CreateAppClient();
        await client.SignInAsync(coordinator.Email!);
        return (coordinator, programId, cohortId, client);
    }

    [Fact]
    public async Task Inviting_a_new_person_creates_their_account_enrolls_them_and_sends_the_invitation()
    {
        var (_, programId, cohortId, client) = await CohortAsync();
        using var _client = client;
        var email = $"newbie-{Guid.NewGuid():N}@test.mentorhub.local";

        var response = await client.SubmitAsync($"/Programs/{programId}/Cohorts/{cohortId}/Invite", new Dictionary<string, string>
        {
            ["Input.Name"] = "Nia Newbie",
            ["Input.Email"] = email,
            ["Input.Role"] = "Mentee",
            ["Input.Branch"] = "Harbour",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var enrollment = await app.WithDbAsync(db => db.Enrollments.Include(e => e.User).SingleAsync(e => e.CohortId == cohortId));
        Assert.Equal((email, EnrollmentRole.Mentee, EnrollmentStatus.Active, "Harbour"), (enrollment.User!.Email, enrollment.Role, enrollment.Status, enrollment.User.Branch));
        var mail = await Mailbox.LatestToAsync(app, email);
        Assert.Equal("You are invited to MentorHub", mail.Subject);
        Assert.Contains("as a mentee", mail.TextBody);
    }

    [Fact]
    public async Task Inviting_someone_already_in_the_cohort_re_renders_with_a_message()
    {
        var (_, programId, cohortId, client) = await CohortAsync();
        using var _client = client;
        var member = await app.CreateUserAsync();
        await app.EnrollAsync(cohortId, member.Id, EnrollmentRole.Mentor);

        var page = await client.FollowAsync(await client.SubmitAsync($"/Programs/{programId}/Cohorts/{cohortId}/Invite", new Dictionary<string, string>
        {
            ["Input.Name"] = "Again",
            ["Input.Email"] = member.Email!,
            ["Input.Role"] = "Mentee",
        }));

        Assert.Contains($"{member.Email} is already in this cohort.", page.Errors);
        Assert.Equal("Again", page.InputValue("Input.Name"));
    }

    [Fact]
    public async Task A_peer_program_refuses_a_mentor_role()
    {
        var (_, programId, cohortId, client) = await CohortAsync(ProgramFormat.Peer);
        using var _client = client;

        var page = await client.FollowAsync(await client.SubmitAsync($"/Programs/{programId}/Cohorts/{cohortId}/Invite", new Dictionary<string, string>
        {
            ["Input.Name"] = "Pat",
            ["Input.Email"] = $"pat-{Guid.NewGuid():N}@test.mentorhub.local",
            ["Input.Role"] = "Mentor",
        }));

        Assert.Contains("A peer program has no mentors.", page.Errors);
    }

    [Theory]
    [InlineData("Europe/Berlin")]
    [InlineData("Australia/Sydney")]
    public async Task An_application_east_of_UTC_records_the_moment_in_UTC(string zone)
    {
        var (_, _, cohortId, coordinatorClient) = await CohortAsync();
        using var _c = coordinatorClient;
        var applicant = await app.CreateUserAsync();
        await app.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == applicant.Id)).TimeZoneId = zone;
            return await db.SaveChangesAsync();
        });
        using var client = app.CreateAppClient();
        await client.SignInAsync(applicant.Email!);

        await client.SubmitAsync("/Enroll", new Dictionary<string, string> { ["cohortId"] = cohortId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["role"] = "Mentee" },
            $"form:has(input[name=cohortId][value='{cohortId}'])");

        var created = await app.WithDbAsync(db => db.Enrollments.Where(e => e.CohortId == cohortId && e.UserId == applicant.Id).Select(e => e.CreatedAtUtc).SingleAsync());
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, created, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Staff_apply_while_the_window_is_open_and_the_coordinator_approves()
    {
        var (_, programId, cohortId, coordinatorClient) = await CohortAsync();
        using var _c = coordinatorClient;
        var applicant = await app.CreateUserAsync("Abe Applicant");
        using var client = app.CreateAppClient();
        await client.SignInAsync(applicant.Email!);

        var apply = await client.FollowAsync(await client.SubmitAsync("/Enroll", new Dictionary<string, string> { ["cohortId"] = cohortId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["role"] = "Mentee" },
            $"form:has(input[name=cohortId][value='{cohortId}'])"));
        Assert.Contains("You have applied", apply.Text);
        var enrollmentId = await app.WithDbAsync(db => db.Enrollments.Where(e => e.CohortId == cohortId && e.UserId == applicant.Id && e.Status == EnrollmentStatus.Applied).Select(e => e.Id).SingleAsync());

        var cohortPage = await coordinatorClient.GetAsync($"/Programs/{programId}/Cohorts/{cohortId}?status=Applied");
        await coordinatorClient.SubmitAsync(cohortPage, new Dictionary<string, string> { ["enrollmentId"] = enrollmentId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "form[action*='handler=Approve']");

        Assert.Equal(EnrollmentStatus.Active, await app.WithDbAsync(db => db.Enrollments.Where(e => e.Id == enrollmentId).Select(e => e.Status).SingleAsync()));
        Assert.Contains("is approved", (await Mailbox.LatestToAsync(app, applicant.Email!)).Subject);
    }

    [Fact]
    public async Task An_application_outside_the_window_is_refused()
    {
        var (_, _, cohortId, coordinatorClient) = await CohortAsync(opensInDays: 3, closesInDays: 10);
        using var _c = coordinatorClient;
        var applicant = await app.CreateUserAsync();
        using var client = app.CreateAppClient();
        await client.SignInAsync(applicant.Email!);
        var token = (await client.GetAsync("/Enroll")).Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value");

        var response = await client.FollowAsync(await client.Http.PostAsync("/Enroll", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["cohortId"] = cohortId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["role"] = "Mentee",
            ["__RequestVerificationToken"] = token ?? "",
        })));

        Assert.Contains("is closed", response.Text);
        Assert.False(await app.WithDbAsync(db => db.Enrollments.AnyAsync(e => e.CohortId == cohortId && e.UserId == applicant.Id)));
    }

    [Fact]
    public async Task Withdrawing_keeps_the_record_with_its_reason_and_date()
    {
        var (_, programId, cohortId, client) = await CohortAsync();
        using var _client = client;
        var member = await app.CreateUserAsync("Wanda Withdraws");
        var enrollmentId = await app.EnrollAsync(cohortId, member.Id, EnrollmentRole.Mentee);
        var url = $"/Programs/{programId}/Cohorts/{cohortId}/Participants/{enrollmentId}/Withdraw";

        var missing = await client.FollowAsync(await client.SubmitAsync(url, new Dictionary<string, string> { ["Input.Reason"] = "" }));
        Assert.Contains("Give the reason; it is kept for the retention figures.", missing.Errors);

        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await client.SubmitAsync(url, new Dictionary<string, string> { ["Input.Reason"] = "Moved to the county archive", ["Input.WithdrawnOn"] = today });

        var enrollment = await app.WithDbAsync(db => db.Enrollments.SingleAsync(e => e.Id == enrollmentId));
        Assert.Equal(EnrollmentStatus.Withdrawn, enrollment.Status);
        Assert.Equal("Moved to the county archive", enrollment.WithdrawalReason);
        Assert.Contains("Moved to the county archive", (await client.GetAsync($"/Programs/{programId}/Cohorts/{cohortId}?status=Withdrawn")).Text);
    }

    [Fact]
    public async Task A_participant_edits_their_matching_profile_and_an_outsider_gets_404()
    {
        var (_, _, cohortId, client) = await CohortAsync();
        using var _client = client;
        var mentor = await app.CreateUserAsync();
        var enrollmentId = await app.EnrollAsync(cohortId, mentor.Id, EnrollmentRole.Mentor);
        var competencyId = await app.WithDbAsync(db => db.Competencies.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        using var self = app.CreateAppClient();
        await self.SignInAsync(mentor.Email!);

        var saved = await self.SubmitAsync($"/Enrollments/{enrollmentId}/Profile", new Dictionary<string, string>
        {
            ["Input.Capacity"] = "3",
            [$"Input.Offers[{competencyId}]"] = "5",
            ["Input.Modality"] = "Virtual",
            ["Input.Slots"] = "4",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var enrollment = await app.WithDbAsync(db => db.Enrollments.Include(e => e.Competencies).SingleAsync(e => e.Id == enrollmentId));
        Assert.Equal(3, enrollment.MentorCapacity);
        Assert.Equal(5, Assert.Single(enrollment.Competencies).Level);
        Assert.Equal(1 << 4, enrollment.AvailabilitySlots);

        var outsider = await app.CreateUserAsync();
        using var other = app.CreateAppClient();
        await other.SignInAsync(outsider.Email!);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/Enrollments/{enrollmentId}/Profile")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Enrollments/{enrollmentId}/Profile")).Status);
    }

    [Fact]
    public async Task A_capacity_out_of_range_re_renders_with_a_message()
    {
        var (_, _, cohortId, client) = await CohortAsync();
        using var _client = client;
        var mentor = await app.CreateUserAsync();
        var enrollmentId = await app.EnrollAsync(cohortId, mentor.Id, EnrollmentRole.Mentor);

        var page = await client.FollowAsync(await client.SubmitAsync($"/Enrollments/{enrollmentId}/Profile", new Dictionary<string, string> { ["Input.Capacity"] = "40" }));

        Assert.Contains("A mentor takes between 1 and 10 mentees.", page.Errors);
    }

    [Fact]
    public async Task Training_content_is_rendered_without_scripts_and_a_mentor_can_mark_it_complete()
    {
        var (_, programId, cohortId, client) = await CohortAsync();
        using var _client = client;
        var saved = await client.SubmitAsync($"/Programs/{programId}/Training", new Dictionary<string, string>
        {
            ["Input.Title"] = "Listening well",
            ["Input.ContentMarkdown"] = "## Listen first\n<script>alert(1)</script>\n[bad](javascript:alert(2)) and **bold**",
            ["Input.EstimatedMinutes"] = "15",
            ["Input.SortOrder"] = "1",
            ["Input.IsRequired"] = "true",
        }, "form[action*='handler=Save']");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var moduleId = await app.WithDbAsync(db => db.TrainingModules.Where(m => m.ProgramId == programId).Select(m => m.Id).SingleAsync());
        var mentor = await app.CreateUserAsync();
        await app.EnrollAsync(cohortId, mentor.Id, EnrollmentRole.Mentor);
        using var mentorClient = app.CreateAppClient();
        await mentorClient.SignInAsync(mentor.Email!);

        var page = await mentorClient.GetAsync($"/Training/{moduleId}");
        var content = page.Document.QuerySelector(".training-content")!;
        Assert.Equal("Listen first", content.QuerySelector("h2")!.TextContent);
        Assert.Empty(content.QuerySelectorAll("script"));
        Assert.DoesNotContain(content.QuerySelectorAll("a"), a => (a.GetAttribute("href") ?? "").StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
        await mentorClient.SubmitAsync(page, new Dictionary<string, string>());
        Assert.True(await app.WithDbAsync(db => db.TrainingCompletions.AnyAsync(c => c.TrainingModuleId == moduleId && c.UserId == mentor.Id)));

        var stranger = await app.CreateUserAsync();
        using var strangerClient = app.CreateAppClient();
        await strangerClient.SignInAsync(stranger.Email!);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerClient.Http.GetAsync($"/Training/{moduleId}")).StatusCode);
    }
}
