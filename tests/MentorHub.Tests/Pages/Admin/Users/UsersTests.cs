using System.Net;
using MentorHub.Core.Domain;
using MentorHub.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace MentorHub.Tests.Pages.Admin.Users;

[Collection(AppCollection.Name)]
public class UsersTests(MentorHubAppFactory app)
{
    [Theory]
    [InlineData("/Admin/Users")]
    [InlineData("/Admin/Users/Invite")]
    public async Task Non_administrators_are_refused_admin_pages(string url)
    {
        var coordinator = await app.CreateUserAsync(null, Roles.Coordinator);
        using var client = app.CreateAppClient();
        await client.SignInAsync(coordinator.Email!);

        var response = await client.Http.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.FollowAsync(response)).Status);
    }

    [Fact]
    public async Task Non_administrators_are_refused_the_roles_page_of_any_user()
    {
        var member = await app.CreateUserAsync();
        using var client = app.CreateAppClient();
        await client.SignInAsync(member.Email!);

        var response = await client.Http.GetAsync($"/Admin/Users/Roles?id={member.Id}");

        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Administrator_finds_people_by_name_and_sees_their_roles()
    {
        var admin = await app.CreateUserAsync(null, Roles.Administrator);
        var unique = Guid.NewGuid().ToString("N")[..6];
        await app.CreateUserAsync($"Findable Ferguson {unique}", Roles.Coordinator);
        using var client = app.CreateAppClient();
        await client.SignInAsync(admin.Email!);

        var page = await client.GetAsync($"/Admin/Users?q=ferguson+{unique}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var rows = page.Document.QuerySelectorAll("tbody tr");
        var row = Assert.Single(rows);
        Assert.Contains($"Findable Ferguson {unique}", row.TextContent);
        Assert.Contains("Coordinator", row.TextContent);
    }

    [Fact]
    public async Task Search_with_no_match_shows_an_empty_state()
    {
        var admin = await app.CreateUserAsync(null, Roles.Administrator);
        using var client = app.CreateAppClient();
        await client.SignInAsync(admin.Email!);

        var page = await client.GetAsync("/Admin/Users?q=%25no_such_person%25");

        Assert.Contains("Nobody matches that search.", page.Text);
    }

    [Fact]
    public async Task Granting_a_role_takes_effect_and_removing_one_asks_for_confirmation_first()
    {
        var admin = await app.CreateUserAsync(null, Roles.Administrator);
        var person = await app.CreateUserAsync();
        using var client = app.CreateAppClient();
        await client.SignInAsync(admin.Email!);

        var granted = await client.SubmitAsync($"/Admin/Users/Roles?id={person.Id}", new Dictionary<string, string> { ["SelectedRoles"] = Roles.Coordinator });
        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        Assert.Equal([Roles.Coordinator], await RolesOfAsync(person.Id));

        var unchecking = await client.GetAsync($"/Admin/Users/Roles?id={person.Id}");
        var confirm = await client.FollowAsync(await client.SubmitAsync(unchecking, new Dictionary<string, string> { ["SelectedRoles"] = "" }));
        Assert.Contains("You are removing Coordinator", confirm.Text);
        Assert.Equal([Roles.Coordinator], await RolesOfAsync(person.Id));

        var removed = await client.SubmitAsync(confirm, new Dictionary<string, string> { ["SelectedRoles"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Empty(await RolesOfAsync(person.Id));
    }

    [Fact]
    public async Task The_roles_page_of_an_unknown_user_is_404()
    {
        var admin = await app.CreateUserAsync(null, Roles.Administrator);
        using var client = app.CreateAppClient();
        await client.SignInAsync(admin.Email!);

        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync("/Admin/Users/Roles?id=no-such-user")).StatusCode);
    }

    [Fact]
    public async Task Invitation_creates_the_account_and_its_link_lets_the_person_choose_a_password_once()
    {
        var admin = await app.CreateUserAsync("Inviting Admin", Roles.Administrator);
        using var adminClient = app.CreateAppClient();
        await adminClient.SignInAsync(admin.Email!);
        var email = $"new-{Guid.NewGuid():N}@test.mentorhub.local";

        var invited = await adminClient.SubmitAsync("/Admin/Users/Invite", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Nell Newcomer",
            ["Input.Email"] = email,
            ["Input.MakeCoordinator"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        Assert.Equal([Roles.Coordinator], await RolesOfAsync((await FindAsync(email))!.Id));

        var mail = await Mailbox.LatestToAsync(app, email);
        Assert.Contains("Inviting Admin has invited you", mail.TextBody);
        var link = Mailbox.LinkIn(mail);
        using var newcomer = app.CreateAppClient();
        var accepted = await newcomer.SubmitAsync(link, new Dictionary<string, string>
        {
            ["Input.NewPassword"] = "first day at the branch",
            ["Input.ConfirmPassword"] = "first day at the branch",
        });
        Assert.Equal("/", accepted.Headers.Location?.OriginalString);
        // Signed in, the newcomer is welcomed first, with their name already filled in.
        Assert.Equal("/Welcome", (await newcomer.Http.GetAsync("/")).Headers.Location?.OriginalString);
        var welcome = await newcomer.GetAsync("/Welcome");
        Assert.Contains("Welcome to MentorHub", welcome.Text);
        Assert.Equal("Nell Newcomer", welcome.InputValue("Input.DisplayName"));

        using var replay = app.CreateAppClient();
        Assert.Contains("invalid, has expired, or has already been used", (await replay.GetAsync(link)).Text);
    }

    [Fact]
    public async Task Inviting_an_existing_address_re_renders_with_a_message()
    {
        var admin = await app.CreateUserAsync(null, Roles.Administrator);
        using var client = app.CreateAppClient();
        await client.SignInAsync(admin.Email!);

        var page = await client.FollowAsync(await client.SubmitAsync("/Admin/Users/Invite", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Someone Again",
            ["Input.Email"] = admin.Email!,
        }));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Someone with this email already has an account.", page.Errors);
        Assert.Equal("Someone Again", page.InputValue("Input.DisplayName"));
    }

    private async Task<AppUser?> FindAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
    }

    private async Task<List<string>> RolesOfAsync(string userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return [.. await users.GetRolesAsync((await users.FindByIdAsync(userId))!)];
    }
}

[Collection(AppCollection.Name)]
public class RenameTests(MentorHubAppFactory app)
{
    [Fact]
    public async Task An_administrator_renames_a_person_and_an_empty_name_is_refused_with_the_old_one_kept()
    {
        var admin = await app.CreateUserAsync(null, Roles.Administrator);
        var person = await app.CreateUserAsync("Robbie Typo");
        using var client = app.CreateAppClient();
        await client.SignInAsync(admin.Email!);
        var url = $"/Admin/Users/Account?id={person.Id}";

        var empty = await client.FollowAsync(await client.SubmitAsync(await client.GetAsync(url), new Dictionary<string, string> { ["DisplayName"] = "  " }, "#rename-form"));
        Assert.Contains("Enter the person's name.", empty.Errors);

        var renamed = await client.FollowAsync(await client.SubmitAsync(await client.GetAsync(url), new Dictionary<string, string> { ["DisplayName"] = "Robin Tate" }, "#rename-form"));
        Assert.Contains("Robbie Typo is now shown as Robin Tate.", renamed.Text);
        Assert.Equal("Robin Tate", await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Users.Where(u => u.Id == person.Id).Select(u => u.DisplayName))));
        Assert.True(await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.AuditEntries, a => a.Action == "UserRenamed" && a.EntityId == person.Id && a.UserId == admin.Id)));
    }
}
