using System.Net;
using MentorHub.Core.Domain;
using MentorHub.Core.Notifications;
using MentorHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorHub.Tests.Security;

[Collection(AppCollection.Name)]
public class AccountSecurityTests(MentorHubAppFactory app)
{
    private async Task<string> CreateFeedAsync(AppClient client)
    {
        var created = await client.FollowAsync(await client.SubmitAsync("/Me/Calendar", new Dictionary<string, string>()));
        return new Uri(created.Document.QuerySelector("#feed-url")!.GetAttribute("value")!).PathAndQuery;
    }

    [Fact]
    public async Task A_disabled_accounts_session_ends_at_its_next_request_and_it_cannot_sign_in_until_enabled()
    {
        var admin = await app.CreateUserAsync(null, Roles.Administrator);
        var person = await app.CreateUserAsync();
        using var adminClient = app.CreateAppClient();
        using var personClient = app.CreateAppClient();
        await adminClient.SignInAsync(admin.Email!);
        await personClient.SignInAsync(person.Email!);
        var feed = await CreateFeedAsync(personClient);
        Assert.Equal(HttpStatusCode.OK, (await personClient.GetAsync("/")).Status);

        var asked = await adminClient.FollowAsync(await adminClient.SubmitAsync($"/Admin/Users/Account?id={person.Id}", new Dictionary<string, string>(), "form[action*='handler=Disable']"));
        Assert.Contains("Disable", asked.Text);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == person.Id && u.DisabledAtUtc != null)));
        var done = await adminClient.FollowAsync(await adminClient.SubmitAsync(asked, new Dictionary<string, string>(), "form[action*='handler=Disable']"));

        Assert.Contains("Disabled", done.Document.QuerySelector("#account-status")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await personClient.Http.GetAsync("/")).StatusCode);
        using var calendar = app.CreateAppClient();
        Assert.Equal(HttpStatusCode.NotFound, (await calendar.Http.GetAsync(feed)).StatusCode);
        using var again = app.CreateAppClient();
        var refused = await again.FollowAsync(await again.LoginAsync(person.Email!));
        Assert.Contains(refused.Errors, e => e.Contains("disabled", StringComparison.Ordinal));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "AccountDisabled" && a.EntityId == person.Id && a.UserId == admin.Id)));

        await adminClient.SubmitAsync($"/Admin/Users/Account?id={person.Id}", new Dictionary<string, string>(), "form[action*=Enable]");
        using var later = app.CreateAppClient();
        Assert.Equal(HttpStatusCode.Redirect, (await later.LoginAsync(person.Email!)).StatusCode);
    }

    [Fact]
    public async Task A_disabled_account_with_a_wrong_password_gets_the_usual_message()
    {
        var admin = await app.CreateUserAsync(null, Roles.Administrator);
        var person = await app.CreateUserAsync();
        using var adminClient = app.CreateAppClient();
        await adminClient.SignInAsync(admin.Email!);
        await adminClient.SubmitAsync($"/Admin/Users/Account?id={person.Id}&handler=Disable", new Dictionary<string, string> { ["confirmed"] = "true" }, "form[action*=Disable]");
        Assert.True(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == person.Id && u.DisabledAtUtc != null)));

        using var client = app.CreateAppClient();
        var page = await client.FollowAsync(await client.LoginAsync(person.Email!, "a wrong guess"));

        Assert.Contains(MentorHub.Web.Pages.Account.LoginModel.FailedMessage, page.Errors);
    }

    [Fact]
    public async Task An_administrator_cannot_disable_their_own_account()
    {
        var admin = await app.CreateUserAsync(null, Roles.Administrator);
        using var client = app.CreateAppClient();
        await client.SignInAsync(admin.Email!);
        var token = (await client.GetAsync($"/Admin/Users/Account?id={admin.Id}")).AntiforgeryToken;

        var page = await client.FollowAsync(await client.Http.PostAsync($"/Admin/Users/Account?id={admin.Id}&handler=Disable",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["confirmed"] = "true", ["__RequestVerificationToken"] = token })));

        Assert.Contains("You cannot disable your own account.", page.Text);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == admin.Id && u.DisabledAtUtc != null)));
    }

    [Fact]
    public async Task Ending_all_sessions_signs_the_person_out_everywhere()
    {
        var admin = await app.CreateUserAsync(null, Roles.Administrator);
        var person = await app.CreateUserAsync();
        using var adminClient = app.CreateAppClient();
        using var personClient = app.CreateAppClient();
        await adminClient.SignInAsync(admin.Email!);
        await personClient.SignInAsync(person.Email!);

        var asked = await adminClient.FollowAsync(await adminClient.SubmitAsync($"/Admin/Users/Account?id={person.Id}", new Dictionary<string, string>(), "form[action*=EndSessions]"));
        await adminClient.SubmitAsync(asked, new Dictionary<string, string>(), "form[action*=EndSessions]");

        Assert.Equal(HttpStatusCode.Redirect, (await personClient.Http.GetAsync("/")).StatusCode);
        using var again = app.CreateAppClient();
        Assert.Equal(HttpStatusCode.Redirect, (await again.LoginAsync(person.Email!)).StatusCode);
    }

    [Fact]
    public async Task A_password_reset_kills_the_old_calendar_feed_link()
    {
        var person = await app.CreateUserAsync();
        using var client = app.CreateAppClient();
        await client.SignInAsync(person.Email!);
        var feed = await CreateFeedAsync(client);
        using var calendar = app.CreateAppClient();
        Assert.Equal(HttpStatusCode.OK, (await calendar.Http.GetAsync(feed)).StatusCode);

        using var anonymous = app.CreateAppClient();
        await anonymous.SubmitAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = person.Email! });
        var link = Mailbox.LinkIn(await Mailbox.LatestToAsync(app, person.Email!));
        var reset = await anonymous.SubmitAsync(link, new Dictionary<string, string> { ["Input.NewPassword"] = "lantern over the stacks", ["Input.ConfirmPassword"] = "lantern over the stacks" });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await calendar.Http.GetAsync(feed)).StatusCode);
    }

    [Fact]
    public async Task A_password_change_kills_the_old_calendar_feed_link()
    {
        var person = await app.CreateUserAsync();
        using var client = app.CreateAppClient();
        await client.SignInAsync(person.Email!);
        var feed = await CreateFeedAsync(client);

        var changed = await client.SubmitAsync("/Account/ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = MentorHubAppFactory.Password,
            ["Input.NewPassword"] = "lantern over the stacks",
            ["Input.ConfirmPassword"] = "lantern over the stacks",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        using var calendar = app.CreateAppClient();
        Assert.Equal(HttpStatusCode.NotFound, (await calendar.Http.GetAsync(feed)).StatusCode);
    }

    [Fact]
    public async Task A_burst_of_sign_ins_from_one_address_is_throttled_while_the_owner_signs_in_from_another()
    {
        var victim = await app.CreateUserAsync();
        using var attacker = app.CreateAppClient();
        var form = await attacker.GetAsync("/Account/Login");
        var statuses = new List<HttpStatusCode>();

        for (var attempt = 0; attempt < 30; attempt++)
        {
            using var response = await attacker.Http.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = victim.Email!,
                ["Input.Password"] = $"guess-{attempt}",
                ["__RequestVerificationToken"] = form.AntiforgeryToken,
            }));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(25, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        using var owner = app.CreateAppClient();
        Assert.Equal(HttpStatusCode.Redirect, (await owner.LoginAsync(victim.Email!)).StatusCode);
    }

    [Fact]
    public async Task A_throttled_address_sees_a_page_that_says_to_wait()
    {
        using var client = app.CreateAppClient();
        var form = await client.GetAsync("/Account/ForgotPassword");
        HttpResponseMessage? last = null;
        for (var attempt = 0; attempt < 6; attempt++)
        {
            last?.Dispose();
            last = await client.Http.PostAsync("/Account/ForgotPassword", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = $"someone-{attempt}@test.mentorhub.local",
                ["__RequestVerificationToken"] = form.AntiforgeryToken,
            }));
        }

        var page = await client.FollowAsync(last!);
        Assert.Equal(HttpStatusCode.TooManyRequests, page.Status);
        Assert.Contains("Wait a minute, then try again.", page.Text);
    }

    [Fact]
    public async Task Guesses_of_the_current_password_count_towards_lockout_and_are_throttled()
    {
        var person = await app.CreateUserAsync();
        using var client = app.CreateAppClient();
        await client.SignInAsync(person.Email!);
        var statuses = new List<HttpStatusCode>();

        for (var attempt = 0; attempt < 6; attempt++)
        {
            using var response = await client.SubmitAsync("/Account/ChangePassword", new Dictionary<string, string>
            {
                ["Input.CurrentPassword"] = $"guess {attempt}",
                ["Input.NewPassword"] = "lantern over the stacks",
                ["Input.ConfirmPassword"] = "lantern over the stacks",
            });
            statuses.Add(response.StatusCode);
        }

        // The sign-in used one of the address's five; four guesses are heard, the rest refused.
        Assert.Equal(4, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(2, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(4, await app.WithDbAsync(db => db.Users.Where(u => u.Id == person.Id).Select(u => u.AccessFailedCount).SingleAsync()));
    }

    [Fact]
    public async Task Reset_mail_goes_to_a_person_at_most_once_in_five_minutes()
    {
        var person = await app.CreateUserAsync();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            using var client = app.CreateAppClient();
            var page = await client.FollowAsync(await client.SubmitAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = person.Email! }));
            Assert.Contains("we have sent it a link", page.Text);
        }

        Assert.Equal(1, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.RecipientUserId == person.Id && n.Kind == NotificationKind.PasswordReset)));
    }
}
