using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using ZemgaleNvo.Web.Features.Account;
using ZemgaleNvo.Web.Startup;

namespace ZemgaleNvo.Web.Features.Home;

[Authorize]
public sealed class HomeController(AgreementListQuery agreements, CookiePolicy cookies) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await agreements.RunAsync(cancellationToken));

    /// <summary>Switches the UI language and remembers it in a cookie for a year.</summary>
    [HttpPost("/language")]
    [AllowAnonymous]
    [AllowedBeforeSecondFactor]
    public IActionResult SetLanguage(string culture, string? returnUrl)
    {
        var chosen = culture == "en" ? "en" : "lv-LV";
        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, Secure = cookies.HttpsOnly || Request.IsHttps, SameSite = SameSiteMode.Lax });
        return LocalRedirect(Url.SafeReturnUrl(returnUrl));
    }
}
