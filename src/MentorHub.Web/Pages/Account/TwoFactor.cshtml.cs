using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using QRCoder;

namespace MentorHub.Web.Pages.Account;

/// <summary>
/// Two-step sign-in with an authenticator app (TOTP, RFC 6238): set up by scanning a QR code drawn here (no outside
/// service sees the secret) and confirming one code; ten single-use recovery codes for a lost phone; turned off with
/// the password.
/// </summary>
public class TwoFactorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IOptions<TwoFactorOptions> options, ILogger<TwoFactorModel> logger) : PageModel
{
    public const int RecoveryCodeCount = 10;

    public bool IsEnabled { get; private set; }
    public bool IsRequired { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public string? SharedKey { get; private set; }
    public string? QrCodeDataUri { get; private set; }

    /// <summary>Shown once, right after they are made.</summary>
    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await LoadAsync(user, showSetUp: !user.TwoFactorEnabled, createKey: false);
        return Page();
    }

    /// <summary>Makes the authenticator key (a post: a GET never changes anything).</summary>
    public async Task<IActionResult> OnPostStartAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (user.TwoFactorEnabled) return RedirectToPage();
        await LoadAsync(user, showSetUp: true);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var code = Normalize(Code);
        if (code.Length == 0 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), "That code is not right. Enter the 6-digit code your app shows now (it changes every 30 seconds).");
            await LoadAsync(user, showSetUp: true);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        NewRecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("Two-step sign-in turned on for {UserId}", user.Id);
        this.FlashSuccess("Two-step sign-in is on. Keep your recovery codes somewhere safe.");
        await LoadAsync(user, showSetUp: false);
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!user.TwoFactorEnabled) return RedirectToPage();
        NewRecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        logger.LogInformation("New recovery codes made for {UserId}; the old ones stopped working", user.Id);
        await LoadAsync(user, showSetUp: false);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await LoadAsync(user, showSetUp: false);
        if (IsRequired)
        {
            ModelState.AddModelError(string.Empty, "Your role requires two-step sign-in, so it cannot be turned off.");
            return Page();
        }
        if (string.IsNullOrEmpty(Password) || !await users.CheckPasswordAsync(user, Password))
        {
            // Wrong guesses here count towards the account's lockout, as at sign-in.
            await users.AccessFailedAsync(user);
            ModelState.AddModelError(nameof(Password), "Enter your current password to turn two-step sign-in off.");
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        logger.LogWarning("Two-step sign-in turned off for {UserId}", user.Id);
        this.FlashSuccess("Two-step sign-in is off.");
        return RedirectToPage();
    }

    private async Task LoadAsync(AppUser user, bool showSetUp, bool createKey = true)
    {
        IsEnabled = user.TwoFactorEnabled;
        IsRequired = options.Value.IsRequiredFor(await users.GetRolesAsync(user));
        RecoveryCodesLeft = IsEnabled ? await users.CountRecoveryCodesAsync(user) : 0;
        if (!showSetUp) return;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) && !createKey) return;
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            // A new key renews the security stamp, which would end this very session at its next request.
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        SharedKey = Grouped(key!);
        var uri = $"otpauth://totp/{Uri.EscapeDataString("MentorHub")}:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer=MentorHub&digits=6";
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }

    /// <summary>Codes are typed with spaces or dashes as often as without.</summary>
    public static string Normalize(string? code) => (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);

    private static string Grouped(string key)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4) builder.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        return builder.ToString().TrimEnd().ToLower(CultureInfo.InvariantCulture);
    }
}
