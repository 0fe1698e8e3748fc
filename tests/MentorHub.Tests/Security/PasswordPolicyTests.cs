using MentorHub.Core.Domain;
using MentorHub.Tests.Infrastructure;
using MentorHub.Web.Accounts;

namespace MentorHub.Tests.Security;

public class CommonPasswordValidatorTests
{
    private static readonly AppUser Margaret = new() { Email = "margaret.okafor@riverbend.org", DisplayName = "Margaret Okafor" };

    [Theory]
    [InlineData("password")]
    [InlineData("12345678")]
    [InlineData("PASSWORD")]
    [InlineData("Password1!")]
    [InlineData("sunshine2024")]
    [InlineData("iloveyou")]
    public void Common_passwords_are_refused(string password) => Assert.True(CommonPasswordValidator.IsCommon(password));

    [Theory]
    [InlineData("reading room at dawn")]
    [InlineData("Correct-horse-battery-1")]
    [InlineData("serials check-in at nine")]
    public void Uncommon_passphrases_pass(string password)
    {
        Assert.False(CommonPasswordValidator.IsCommon(password));
        Assert.False(CommonPasswordValidator.IsPersonal(password, Margaret));
    }

    [Theory]
    [InlineData("mentorhub")]
    [InlineData("MentorHub-2026!")]
    [InlineData("margaret.okafor@riverbend.org")]
    [InlineData("Margaret.Okafor1")]
    [InlineData("okafor rules the stacks")]
    public void Passwords_built_on_the_persons_name_email_or_the_product_are_refused(string password) =>
        Assert.True(CommonPasswordValidator.IsPersonal(password, Margaret));
}

[Collection(AppCollection.Name)]
public class PasswordPolicyTests(MentorHubAppFactory app)
{
    [Theory]
    [InlineData("password", CommonPasswordValidator.CommonMessage)]
    [InlineData("12345678", CommonPasswordValidator.CommonMessage)]
    [InlineData("mentorhub", CommonPasswordValidator.PersonalMessage)]
    public async Task Change_password_refuses_a_guessable_password_with_a_clear_message(string password, string message)
    {
        var user = await app.CreateUserAsync();
        using var client = app.CreateAppClient();
        await client.SignInAsync(user.Email!);

        var page = await client.FollowAsync(await client.SubmitAsync("/Account/ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = MentorHubAppFactory.Password,
            ["Input.NewPassword"] = password,
            ["Input.ConfirmPassword"] = password,
        }));

        Assert.Contains(message, page.Errors);
    }

    [Fact]
    public async Task Change_password_refuses_the_persons_own_email()
    {
        var user = await app.CreateUserAsync();
        using var client = app.CreateAppClient();
        await client.SignInAsync(user.Email!);

        var page = await client.FollowAsync(await client.SubmitAsync("/Account/ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = MentorHubAppFactory.Password,
            ["Input.NewPassword"] = user.Email!,
            ["Input.ConfirmPassword"] = user.Email!,
        }));

        Assert.Contains(CommonPasswordValidator.PersonalMessage, page.Errors);
    }
}
