using Serilog;
using ZemgaleNvo.Web.Features.Account;
using ZemgaleNvo.Web.Features.Health;

namespace ZemgaleNvo.Web.Startup;

internal static class PortalPipeline
{
    public static void UsePortalPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            // Generic Latvian error page; the details go to the log, never to the browser.
            app.UseExceptionHandler("/error");
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseSerilogRequestLogging();
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<TwoFactorRequirementMiddleware>();
        app.UseAuthorization();
        app.MapControllers();
        app.MapPortalHealthChecks();
    }
}
