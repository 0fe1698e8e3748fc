using MentorHub.Core.Domain;
using MentorHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Tests.Pages.Programs;

/// <summary>One action for several ticked participants at once.</summary>
[Collection(AppCollection.Name)]
public class BulkActionTests(MentorHubAppFactory app)
{
    private static async Task<Page> BulkAsync(AppClient client, string cohortPath, string action, IEnumerable<int> selected, string? text = null, string? subject = null)
    {
        var page = await client.GetAsync(cohortPath);
        var form = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", page.AntiforgeryToken), new("bulkAction", action), new("text", text ?? ""), new("subject", subject ?? ""),
        };
        form.AddRange(selected.Select(id => new KeyValuePair<string, string>("selected", id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        return await client.FollowAsync(await client.Http.PostAsync($"{cohortPath}?handler=Bulk", new FormUrlEncodedContent(form)));
    }

    [Fact]
    public async Task Ticked_applications_are_approved_and_the_rest_skipped_then_ticked_people_are_emailed_and_withdrawn()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var programId = await app.CreateProgramAsync(coordinator.Id);
        var cohortId = await app.CreateCohortAsync(programId);
        var applicants = new List<int>();
        await app.WithDbAsync(async db =>
        {
            var cohort = await db.Cohorts.SingleAsync(c => c.Id == cohortId);
            foreach (var name in new[] { "Abel Applicant", "Bea Applicant" })
            {
                var application = Enrollment.Apply(cohort, (await app.CreateUserAsync(name)).Id, EnrollmentRole.Mentee, cohort.EnrollmentOpensOn, DateTime.UtcNow);
                db.Enrollments.Add(application);
                await db.SaveChangesAsync();
                applicants.Add(application.Id);
            }
            return 0;
        });
        var active = await app.EnrollAsync(cohortId, (await app.CreateUserAsync("Cy Active")).Id, EnrollmentRole.Mentor);
        using var client = app.CreateAppClient();
        await client.SignInAsync(coordinator.Email!);
        var path = $"/Programs/{programId}/Cohorts/{cohortId}";
        Assert.Equal(3, (await client.GetAsync(path)).Document.QuerySelectorAll("input[name=selected][form=bulk-form]").Length);

        var approved = await BulkAsync(client, path, "approve", [.. applicants, active]);
        Assert.Contains("2 people approved. 1 skipped (not waiting for approval).", approved.Text);
        Assert.Equal(2, await app.WithDbAsync(db => db.Enrollments.CountAsync(e => applicants.Contains(e.Id) && e.Status == EnrollmentStatus.Active)));

        var refused = await BulkAsync(client, path, "withdraw", [active]);
        Assert.Contains("Give the reason for the withdrawal", refused.Text);
        var emailed = await BulkAsync(client, path, "email", [applicants[0], active], text: "We meet at 10:00 in the Central Library.", subject: "Kick-off on Tuesday");
        Assert.Contains("2 people emailed.", emailed.Text);
        var sent = await app.WithDbAsync(db => db.Notifications.Where(n => n.DedupeKey.StartsWith($"coordinator-message:cohort:{cohortId}:")).Select(n => n.Subject).ToListAsync());
        Assert.Equal(["Kick-off on Tuesday", "Kick-off on Tuesday"], sent);

        var withdrawn = await BulkAsync(client, path, "withdraw", [applicants[1]], "Moved to another branch.");
        Assert.Contains("1 person withdrawn.", withdrawn.Text);
        var stored = await app.WithDbAsync(db => db.Enrollments.SingleAsync(e => e.Id == applicants[1]));
        Assert.Equal((EnrollmentStatus.Withdrawn, "Moved to another branch."), (stored.Status, stored.WithdrawalReason));
    }

    [Fact]
    public async Task Participants_of_another_cohort_are_never_touched()
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        var programId = await app.CreateProgramAsync(coordinator.Id);
        var cohortId = await app.CreateCohortAsync(programId);
        var other = await app.CreateCohortAsync(await app.CreateProgramAsync((await app.CreateUserAsync(null, Roles.Coordinator)).Id));
        var foreign = await app.EnrollAsync(other, (await app.CreateUserAsync()).Id, EnrollmentRole.Mentee);
        using var client = app.CreateAppClient();
        await client.SignInAsync(coordinator.Email!);

        var page = await BulkAsync(client, $"/Programs/{programId}/Cohorts/{cohortId}", "withdraw", [foreign], "Not mine");

        Assert.Contains("Tick at least one participant first.", page.Text);
        Assert.Equal(EnrollmentStatus.Active, await app.WithDbAsync(db => db.Enrollments.Where(e => e.Id == foreign).Select(e => e.Status).SingleAsync()));
    }
}
