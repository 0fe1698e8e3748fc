using System.Net;
using MentorHub.Core.Domain;
using MentorHub.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace MentorHub.Tests.Pages.Account;

[Collection(AppCollection.Name)]
public class PasswordResetTests(MentorHubAppFactory app)
{
    private const string NewPassword = "reading room at dawn";

    [Fact]
    public async Task Reset_link_from_the_email_sets_a_new_password_that_signs_in()
    {
        var user = await app.CreateUserAsync();
        using var client = app.CreateAppClient();

        var asked = await client.FollowAsync(await client.SubmitAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = user.Email! }));
        Assert.Contains("we have sent it a link", asked.Text);

        var mail = await Mailbox.LatestToAsync(app, user.Email!);
        Assert.Equal("Reset your MentorHub password", mail.Subject);
        var reset = await client.SubmitAsync(Mailbox.LinkIn(mail), new Dictionary<string, string>
        {
            ["Input.NewPassword"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });

        Assert.Equal("/Account/Login", reset.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.LoginAsync(user.Email!, MentorHubAppFactory.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.LoginAsync(user.Email!, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task A_reset_link_works_only_once()
    {
        var user = await app.CreateUserAsync();
        using var client = app.CreateAppClient();
        await client.SubmitAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = user.Email! });
        var link = Mailbox.LinkIn(await Mailbox.LatestToAsync(app, user.Email!));
        var fields = new Dictionary<string, string> { ["Input.NewPassword"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword };
        await client.SubmitAsync(link, fields);

        var again = await client.FollowAsync(await client.SubmitAsync(link, new Dictionary<string, string>
        {
            ["Input.NewPassword"] = "yet another passphrase",
            ["Input.ConfirmPassword"] = "yet another passphrase",
        }));

        Assert.Contains(again.Errors, e => e.Contains("invalid or has expired", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unknown_address_gets_the_same_answer_and_no_mail()
    {
        using var client = app.CreateAppClient();
        var before = Directory.Exists(app.MailFolder) ? Directory.GetFiles(app.MailFolder).Length : 0;

        var page = await client.FollowAsync(await client.SubmitAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = "nobody@test.mentorhub.local" }));

        Assert.Contains("we have sent it a link", page.Text);
        Assert.Equal(before, Directory.Exists(app.MailFolder) ? Directory.GetFiles(app.MailFolder).Length : 0);
    }

    [Fact]
    public async Task Mismatched_passwords_re_render_with_a_message()
    {
        var user = await app.CreateUserAsync();
        using var client = app.CreateAppClient();
        await client.SubmitAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = user.Email! });
        var link = Mailbox.LinkIn(await Mailbox.LatestToAsync(app, user.Email!));

        var page = await client.FollowAsync(await client.SubmitAsync(link, new Dictionary<string, string>
        {
            ["Input.NewPassword"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword + "!",
        }));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("The two passwords do not match.", page.Errors);
    }

    [Fact]
    public async Task Resetting_the_password_lifts_a_lockout()
    {
        var user = await app.CreateUserAsync();
        for (var i = 0; i < 10; i++)
        {
            using var attacker = app.CreateAppClient();
            await attacker.LoginAsync(user.Email!, "wrong");
        }
        using var client = app.CreateAppClient();
        Assert.Equal(HttpStatusCode.OK, (await client.LoginAsync(user.Email!)).StatusCode);
        await client.SubmitAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = user.Email! });

        await client.SubmitAsync(Mailbox.LinkIn(await Mailbox.LatestToAsync(app, user.Email!)),
            new Dictionary<string, string> { ["Input.NewPassword"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword });

        Assert.Equal(HttpStatusCode.Redirect, (await client.LoginAsync(user.Email!, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task Passwords_are_hashed_with_PBKDF2_at_210000_iterations()
    {
        var user = await app.CreateUserAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(user.Id);

        // Identity v3 format: 0x01, PRF (4 bytes), iteration count (4 bytes, big-endian), salt length, salt, subkey.
        var bytes = Convert.FromBase64String(stored!.PasswordHash!);
        Assert.Equal(0x01, bytes[0]);
        Assert.Equal(210_000, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(5, 4)));
    }

    [Fact]
    public async Task A_128_character_passphrase_is_accepted_and_129_is_refused()
    {
        var user = await app.CreateUserAsync();
        using var client = app.CreateAppClient();
        await client.SignInAsync(user.Email!);
        var tooLong = new string('x', 129);

        var refused = await client.FollowAsync(await client.SubmitAsync("/Account/ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = MentorHubAppFactory.Password,
            ["Input.NewPassword"] = tooLong,
            ["Input.ConfirmPassword"] = tooLong,
        }));
        Assert.Contains("Passwords can be at most 128 characters.", refused.Errors);

        var longest = string.Concat(Enumerable.Repeat("catalogue ", 13))[..128];
        var accepted = await client.SubmitAsync("/Account/ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = MentorHubAppFactory.Password,
            ["Input.NewPassword"] = longest,
            ["Input.ConfirmPassword"] = longest,
        });
        Assert.Equal("/Account/Profile", accepted.Headers.Location?.OriginalString);
    }
}
