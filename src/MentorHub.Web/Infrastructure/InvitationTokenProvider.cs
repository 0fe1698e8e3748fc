using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MentorHub.Web.Infrastructure;

public sealed class InvitationTokenProviderOptions : DataProtectionTokenProviderOptions
{
    public InvitationTokenProviderOptions() => Name = InvitationTokenProvider.Name;
}

public static class InvitationTokenProvider
{
    public const string Name = "Invitation";
    public const string Purpose = "AcceptInvitation";
}

/// <summary>Invitation links live a week (password-reset links only two hours); both die once the password is set, because the security stamp changes.</summary>
public sealed class InvitationTokenProvider<TUser>(
    IDataProtectionProvider dataProtectionProvider,
    IOptions<InvitationTokenProviderOptions> options,
    ILogger<DataProtectorTokenProvider<TUser>> logger)
    : DataProtectorTokenProvider<TUser>(dataProtectionProvider, options, logger)
    where TUser : class;
