using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using MentorHub.Core.Domain;
using Microsoft.AspNetCore.Identity;

namespace MentorHub.Web.Accounts;

/// <summary>
/// Refuses passwords that are easy to guess (ASVS 6.2.4, 6.2.11): one of the few thousand most common passwords (a
/// list shipped with MentorHub, so no network is needed), or one built on the person's own name or email address or
/// the word MentorHub.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    public const string CommonMessage = "That password is one of the most common ones and is easy to guess. Choose something less predictable: a few unrelated words work well.";
    public const string PersonalMessage = "Don't build the password on your name, your email address or the word MentorHub: those are the first things an attacker tries.";

    private static readonly Lazy<FrozenSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password)) return Task.FromResult(IdentityResult.Success);
        if (IsCommon(password)) return Failed("PasswordTooCommon", CommonMessage);
        if (IsPersonal(password, user)) return Failed("PasswordPersonal", PersonalMessage);
        return Task.FromResult(IdentityResult.Success);
    }

    public static bool IsCommon(string password)
    {
        var lower = password.Trim().ToLowerInvariant();
        // "Password1!", "summer2024": a common word with digits or symbols tacked on is just as guessable.
        var core = lower.TrimEnd("0123456789!@#$%^&*.?-_ ".ToCharArray());
        return Common.Value.Contains(lower) || (core.Length >= 4 && Common.Value.Contains(core));
    }

    public static bool IsPersonal(string password, AppUser user)
    {
        var plain = LettersAndDigits(password);
        if (plain.Contains("mentorhub", StringComparison.Ordinal)) return true;
        var words = new List<string>();
        if (user.Email is { } email)
        {
            words.Add(LettersAndDigits(email));
            words.Add(LettersAndDigits(email.Split('@')[0]));
        }
        if (!string.IsNullOrWhiteSpace(user.DisplayName))
        {
            words.Add(LettersAndDigits(user.DisplayName));
            words.AddRange(user.DisplayName.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(LettersAndDigits));
        }
        return words.Any(w => w.Length >= 4 && plain.Contains(w, StringComparison.Ordinal));
    }

    private static string LettersAndDigits(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value.ToLowerInvariant())
            if (char.IsLetterOrDigit(c)) builder.Append(c);
        return builder.ToString();
    }

    private static Task<IdentityResult> Failed(string code, string description) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = code, Description = description }));

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("MentorHub.Web.Accounts.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is missing from the build.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            words.Add(line.Trim().ToLower(CultureInfo.InvariantCulture));
        }
        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
