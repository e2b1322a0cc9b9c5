namespace ZemgaleNvo.Web.Startup;

/// <summary>
/// Cookie names and the Secure flag. In production every cookie is <c>__Host-</c> prefixed and Secure
/// (the browser then refuses it over plain HTTP or from a sub-domain). Only the local development
/// profile, which serves plain http://localhost, turns that off with <c>Security:HttpsCookies=false</c>:
/// a <c>__Host-</c> cookie cannot exist without Secure, and antiforgery refuses Secure cookies on HTTP.
/// </summary>
public sealed record CookiePolicy(bool HttpsOnly)
{
    public const string Setting = "Security:HttpsCookies";

    public static CookiePolicy From(SecurityOptions security) => new(security?.HttpsCookies ?? true);

    public string Name(string purpose) => HttpsOnly ? $"__Host-ZemgaleNvo-{purpose}" : $"ZemgaleNvo-{purpose}";

    public CookieSecurePolicy SecurePolicy => HttpsOnly ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
}
