using Serilog;
using ZemgaleNvo.Web.Features.Account;
using ZemgaleNvo.Web.Features.Health;

namespace ZemgaleNvo.Web.Startup;

internal static class PortalPipeline
{
    public static void UsePortalPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.WarnWhenServingPlainHttp();
        if (!app.Environment.IsDevelopment())
        {
            // Generic Latvian error page; the details go to the log, never to the browser.
            app.UseExceptionHandler("/error");
            app.UseHsts();
            // Plain http is sent to https when the portal serves https itself (a Kestrel https
            // endpoint, or HttpsRedirection:HttpsPort / ASPNETCORE_HTTPS_PORT). It comes after the
            // forwarded headers, so behind a known proxy that terminated TLS (X-Forwarded-Proto:
            // https) the request already counts as https and is not redirected again (no loop); with
            // no https port known it redirects nothing. The health probes are left alone: a load
            // balancer asks each instance over plain http inside the network and follows no redirect.
            app.UseWhen(context => !context.Request.Path.StartsWithSegments("/health"), branch => branch.UseHttpsRedirection());
        }
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseSerilogRequestLogging();
        app.UseStaticFiles();
        app.UseRequestLocalization();
        // Secure cookies and a plain-HTTP request: a Latvian page asking for https://, not a 500 (issue 17).
        app.UseMiddleware<HttpsRequiredMiddleware>();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<TwoFactorRequirementMiddleware>();
        app.UseAuthorization();
        app.MapControllers();
        app.MapPortalHealthChecks();
    }
}
