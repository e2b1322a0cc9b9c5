using System.Net;
using Microsoft.Extensions.Options;

namespace ZemgaleNvo.Web.Startup;

/// <summary>The <c>ReverseProxy</c> section: the proxies whose <c>X-Forwarded-For</c>/<c>-Proto</c> are trusted.</summary>
public sealed class ReverseProxyOptions
{
    public const string Section = "ReverseProxy";

    /// <summary>IP addresses; nothing else is trusted, loopback neither unless it is listed (<c>127.0.0.1</c>, <c>::1</c>).</summary>
    public IList<string> KnownProxies { get; } = [];
}

internal sealed class ReverseProxyOptionsValidation : IValidateOptions<ReverseProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, ReverseProxyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var wrong = options.KnownProxies.Where(p => !IPAddress.TryParse(p, out _)).ToList();
        return wrong.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"ReverseProxy:KnownProxies \"{string.Join("\", \"", wrong)}\" is not an IP address; list the proxies' addresses, e.g. \"10.0.0.5\".");
    }
}
