using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using ZemgaleNvo.Infrastructure.Identity;
using ZemgaleNvo.Web.Notifications;

namespace ZemgaleNvo.Web.Features.Account;

/// <summary>
/// Lifetime of set-password links, apart from Identity's other data-protection tokens: an invitation
/// must survive a weekend (72 hours), which would be too long for, say, an email-change token.
/// </summary>
public sealed class SetPasswordTokenOptions : DataProtectionTokenProviderOptions
{
    public static readonly TimeSpan Lifespan = TimeSpan.FromHours(72);

    public SetPasswordTokenOptions()
    {
        Name = SetPasswordTokenProvider.ProviderName;
        TokenLifespan = Lifespan;
    }
}

/// <summary>
/// Identity's password-reset tokens, under their own data-protection purpose and lifetime. A token
/// carries the user's security stamp, and setting the password renews the stamp: each link works
/// once, and any admin action on the account (lock, role change, a new link) voids older links.
/// </summary>
public sealed class SetPasswordTokenProvider(
    IDataProtectionProvider dataProtectionProvider,
    IOptions<SetPasswordTokenOptions> options,
    ILogger<DataProtectorTokenProvider<AppUser>> logger)
    : DataProtectorTokenProvider<AppUser>(dataProtectionProvider, options, logger)
{
    public const string ProviderName = "SetPassword";
}

/// <summary>A set-password link as made for one user: where it points, and whether the email went out (or waits in the outbox).</summary>
public sealed record SetPasswordLink(Uri Url, AccountMailOutcome Mail)
{
    public bool Emailed => Mail == AccountMailOutcome.Sent;
    public bool Queued => Mail == AccountMailOutcome.Queued;
}

/// <summary>Makes the one-time set-password link for a user and emails it.</summary>
public sealed class SetPasswordLinks(UserManager<AppUser> userManager, MailSettings mail, IAccountMail accountMail)
{
    public const string Path = "account/set-password";

    /// <param name="requestBase">The portal's address from the current request, used only when
    /// <c>Notifications:PortalBaseUrl</c> is not set (mail off): the link is then only shown to the admin, never emailed.</param>
    public async Task<SetPasswordLink> IssueAsync(AppUser user, Uri requestBase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var token = await userManager.GeneratePasswordResetTokenAsync(user);
        var root = mail.PortalBaseUrl ?? requestBase;
        var url = new Uri(root, $"{Path}?user={Uri.EscapeDataString(user.Id)}&token={Encode(token)}");
        var mailed = await accountMail.SendSetPasswordLinkAsync(user.Email ?? "", user.FullName, url, SetPasswordTokenOptions.Lifespan, cancellationToken);
        return new SetPasswordLink(url, mailed);
    }

    /// <summary>Identity's tokens contain '+', '/' and '='; base64url keeps them intact in a query string and in mail clients.</summary>
    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    /// <returns>The token, or null when the text is not one this portal made.</returns>
    public static string? Decode(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(text));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
