using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Caching.Distributed;

namespace ZemgaleNvo.Web.Features.Session;

/// <summary>
/// A form posted after the session ended keeps what was typed (WCAG 2.2.1/3.3): instead of losing the
/// evaluation text on the way to the sign-in page, the posted fields are kept on the server for a short
/// while, and after signing in the user is back on the form with them filled in and a message saying the
/// session had ended. Nothing is saved on their behalf: they check and save again.
/// </summary>
/// <remarks>
/// The fields are protected with data protection and kept in the distributed cache (memory by default,
/// shared when the deployment configures one) under a random key; the browser holds only that key in an
/// HttpOnly cookie. The user of the ended session is recorded when the old cookie still names them, and
/// the fields come back only to that user, only on the page they were typed on, only once, and at most
/// <see cref="Lifetime"/> after the post. The antiforgery token is never kept.
/// </remarks>
public static class PendingForms
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(20);

    private const string Purpose = "ZemgaleNvo.Session.PendingForm.v1";

    /// <summary>ViewData key: the layout says "the session had ended" when set.</summary>
    public const string RestoredKey = "SessionEndedFormRestored";

    private static readonly JsonSerializerOptions Json = new();

    private sealed record Pending(string? UserId, string Path, Dictionary<string, string[]> Fields);

    private static string CookieName(CookieAuthenticationOptions options) => (options.Cookie.Name ?? "Auth") + ".PendingForm";

    /// <summary>The cookie's OnRedirectToLogin: a posted form is kept, and the sign-in returns to the page it came from.</summary>
    public static async Task OnRedirectToLoginAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var redirect = context.RedirectUri;
        if (HttpMethods.IsPost(request.Method) && request.HasFormContentType && request.ContentLength is null or <= MaxKeptBytes
            && await ReadableFormAsync(request, context.HttpContext.RequestAborted) is { } form)
        {
            var fields = form.Where(f => f.Key != "__RequestVerificationToken")
                .ToDictionary(f => f.Key, f => f.Value.Select(v => v ?? "").ToArray(), StringComparer.Ordinal);
            var page = FormPage(request);
            if (fields.Count > 0 && page is not null)
            {
                var pending = new Pending(EndedSessionUser(context), page, fields);
                var services = context.HttpContext.RequestServices;
                var protector = services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).ToTimeLimitedDataProtector();
                var key = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
                var sealedFields = protector.Protect(JsonSerializer.Serialize(pending, Json), Lifetime);
                await services.GetRequiredService<IDistributedCache>().SetStringAsync(key, sealedFields,
                    new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime }, context.HttpContext.RequestAborted);
                context.Response.Cookies.Append(CookieName(context.Options), key, new CookieOptions
                {
                    HttpOnly = true,
                    SameSite = SameSiteMode.Lax,
                    Secure = context.Options.Cookie.SecurePolicy == CookieSecurePolicy.Always || request.IsHttps,
                    MaxAge = Lifetime,
                    Path = "/",
                });
                redirect = context.Options.LoginPath + QueryString.Create(context.Options.ReturnUrlParameter, page);
            }
        }
        context.Response.Redirect(redirect);
    }

    /// <summary>The page the form was on: the same-site referrer, or else the address it posted to (the portal's forms post to their own page).</summary>
    private static string? FormPage(HttpRequest request)
    {
        if (Uri.TryCreate(request.Headers.Referer.ToString(), UriKind.Absolute, out var referrer)
            && string.Equals(referrer.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase))
        {
            return referrer.PathAndQuery;
        }
        return request.Path.HasValue ? request.Path.Value + request.QueryString : null;
    }

    /// <summary>The user of the session that ended, when its (expired) cookie still says so.</summary>
    /// <summary>
    /// Forms of people typing (an evaluation, a list of explanations) are far below this; what is
    /// larger is not kept, so an anonymous client cannot fill the cache with big bodies.
    /// </summary>
    private const long MaxKeptBytes = 256 * 1024;

    /// <summary>
    /// The posted form, or nothing when the body cannot be read as one (a %00, too many fields, a
    /// broken multipart body): such a request gets the sign-in redirect like any other, never a 500.
    /// </summary>
    private static async Task<IFormCollection?> ReadableFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await request.ReadFormAsync(cancellationToken);
        }
        catch (Exception unreadable) when (unreadable is InvalidDataException or IOException or BadHttpRequestException)
        {
            return null;
        }
    }

    private static string? EndedSessionUser(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (string.IsNullOrEmpty(context.Options.Cookie.Name) || context.Request.Cookies.Keys.All(k => !k.StartsWith(context.Options.Cookie.Name, StringComparison.Ordinal)))
        {
            return null;
        }
        try
        {
            var ticket = context.Options.TicketDataFormat.Unprotect(context.Options.CookieManager.GetRequestCookie(context.HttpContext, context.Options.Cookie.Name!));
            return ticket?.Principal.FindFirstValue(ClaimTypes.NameIdentifier);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    /// <summary>
    /// On the page the form was typed on, signed in again: its fields come back as the form's attempted
    /// values (the tag helpers show them as after a refused save), once.
    /// </summary>
    public sealed class RestoreFilter(IDistributedCache cache, IDataProtectionProvider protection,
        Microsoft.Extensions.Options.IOptionsMonitor<CookieAuthenticationOptions> cookies) : IAsyncResultFilter
    {
        public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
        {
            ArgumentNullException.ThrowIfNull(context);
            ArgumentNullException.ThrowIfNull(next);
            var http = context.HttpContext;
            var options = cookies.Get(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme);
            var name = CookieName(options);
            if (HttpMethods.IsGet(http.Request.Method) && context.Result is ViewResult view
                && http.User.Identity?.IsAuthenticated == true && http.Request.Cookies[name] is { Length: > 0 } key)
            {
                var pending = await ReadAsync(key, http.RequestAborted);
                var here = http.Request.Path.Value + http.Request.QueryString;
                if (pending is not null && string.Equals(pending.Path, here, StringComparison.Ordinal))
                {
                    await cache.RemoveAsync(key, http.RequestAborted);
                    http.Response.Cookies.Delete(name, new CookieOptions { Path = "/" });
                    if (pending.UserId is null || pending.UserId == http.User.FindFirstValue(ClaimTypes.NameIdentifier))
                    {
                        foreach (var (field, values) in pending.Fields)
                        {
                            view.ViewData.ModelState.SetModelValue(field, values, string.Join(",", values));
                        }
                        view.ViewData[RestoredKey] = true;
                    }
                }
            }
            await next();
        }

        private async Task<Pending?> ReadAsync(string key, CancellationToken cancel)
        {
            var stored = await cache.GetStringAsync(key, cancel);
            if (stored is null)
            {
                return null;
            }
            try
            {
                var json = protection.CreateProtector(Purpose).ToTimeLimitedDataProtector().Unprotect(stored);
                return JsonSerializer.Deserialize<Pending>(json, Json);
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                return null;
            }
        }
    }
}
