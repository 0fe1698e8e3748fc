
namespace MentorHub.Web.Pages.Account;

/// <summary>The rules every new password meets, shared by the forms that set one.</summary>
public static class PasswordRules
{
    public const string Hint = "At least 8 characters; long passphrases welcome (up to 128).";

    public static IRuleBuilderOptions<T, string> NewPassword<T>(this IRuleBuilder<T, string> rule) => rule
        .NotEmpty().WithMessage("Choose a password.")
        .MinimumLength(IdentitySetup.MinPasswordLength).WithMessage($"Passwords need at least {IdentitySetup.MinPasswordLength} characters.")
        .MaximumLength(IdentitySetup.MaxPasswordLength).WithMessage($"Passwords can be at most {IdentitySetup.MaxPasswordLength} characters.");

    public static IRuleBuilderOptions<T, string> MatchesPassword<T>(this IRuleBuilder<T, string> rule, Func<T, string> password) => rule
        .Must((input, confirm) => confirm == password(input)).WithMessage("The two passwords do not match.");
}
