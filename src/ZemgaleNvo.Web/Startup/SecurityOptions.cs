using Microsoft.Extensions.Options;

namespace ZemgaleNvo.Web.Startup;

/// <summary>The <c>Security</c> section: cookie protection and the sign-in rate limit.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary><c>__Host-</c> prefixed, Secure cookies (<see cref="CookiePolicy"/>); only the local http profile turns it off.</summary>
    public bool HttpsCookies { get; set; } = true;

    /// <summary>Sign-in attempts one client address may make per minute before getting 429.</summary>
    public int SignInAttemptsPerMinute { get; set; } = Features.Account.SignInSecurity.DefaultAttemptsPerMinute;
}

internal sealed class SecurityOptionsValidation : IValidateOptions<SecurityOptions>
{
    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.SignInAttemptsPerMinute < 1
            ? ValidateOptionsResult.Fail($"{Features.Account.SignInSecurity.RateLimitSetting} {options.SignInAttemptsPerMinute} must be at least 1.")
            : ValidateOptionsResult.Success;
    }
}
