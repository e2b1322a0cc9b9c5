using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using ZemgaleNvo.Web.Resources;

namespace ZemgaleNvo.Web.Startup;

/// <summary>
/// With Secure cookies on (<c>Security:HttpsCookies</c>, the default) a plain-HTTP request can
/// neither sign in nor post a form: the browser drops the <c>__Host-</c> cookies and antiforgery
/// refuses to issue a Secure cookie on HTTP (the exception that made the login page a 500, issue 17).
/// Such a request, when nothing redirected it to HTTPS first (no HTTPS port known, no trusted proxy
/// saying <c>https</c>), gets a short Latvian page asking to open the portal with https://, status
/// 403 (as IIS's "SSL required"), before any page that would need a cookie runs. The page is written
/// here, not by a view: the layout carries forms, whose tokens would fail the same way. The health
/// probes stay open over HTTP for the load balancer.
/// </summary>
internal sealed class HttpsRequiredMiddleware(RequestDelegate next, CookiePolicy cookies, IStringLocalizer<SharedResource> localizer)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!cookies.HttpsOnly || context.Request.IsHttps || context.Request.Path.StartsWithSegments("/health"))
        {
            await next(context);
            return;
        }
        var https = UriHelper.BuildAbsolute("https", context.Request.Host, context.Request.PathBase, context.Request.Path, context.Request.QueryString);
        var html = HtmlEncoder.Default;
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "lv";
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync($$"""
            <!DOCTYPE html>
            <html lang="{{language}}">
            <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>{{html.Encode(localizer["Atveriet portālu ar https://"])}} – ZemgaleNvo</title>
            <link rel="stylesheet" href="{{html.Encode(context.Request.PathBase + "/lib/bootstrap/bootstrap.min.css")}}" />
            </head>
            <body>
            <main class="container py-4">
            <h1 class="h3">{{html.Encode(localizer["Atveriet portālu ar https://"])}}</h1>
            <p>{{html.Encode(localizer["Portāls pieņem pieslēgšanos un veidlapas tikai pa šifrētu savienojumu (HTTPS)."])}}</p>
            <p><a href="{{html.Encode(https)}}">{{html.Encode(https)}}</a></p>
            <p class="small">{{html.Encode(localizer["Administratoram: nodrošiniet HTTPS (sertifikātu vai reverso starpniekserveri, kas norādīts iestatījumā ReverseProxy:KnownProxies); vietējai palaišanai pa http iestatiet Security:HttpsCookies=false."])}}</p>
            </main>
            </body>
            </html>
            """, context.RequestAborted);
    }
}

/// <summary>
/// One line in the log at start-up when the portal listens on plain http:// with Secure cookies on
/// and trusts no proxy that could say the request was HTTPS: every request over that address will
/// get the "open with https://" page, and the operator should know why before users do.
/// </summary>
internal static partial class HttpsStartupWarning
{
    public static void WarnWhenServingPlainHttp(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var cookies = app.Services.GetRequiredService<CookiePolicy>();
            var proxies = app.Services.GetRequiredService<IOptions<ReverseProxyOptions>>().Value.KnownProxies;
            var plain = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses
                .Where(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)).ToList() ?? [];
            if (cookies.HttpsOnly && proxies.Count == 0 && plain.Count > 0)
            {
                LogPlainHttp(app.Logger, string.Join(", ", plain));
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Security:HttpsCookies is on but the portal listens on {Addresses} and trusts no proxy: plain-HTTP requests get the \"open with https://\" page. Serve HTTPS, list the proxy in ReverseProxy:KnownProxies, or set Security:HttpsCookies=false for a local run.")]
    private static partial void LogPlainHttp(ILogger logger, string addresses);
}
