using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ZemgaleNvo.Web.Features.Account;

namespace ZemgaleNvo.Web.Features.Errors;

/// <summary>Generic error pages: a plain message in the user's language, never a stack trace.</summary>
[AllowAnonymous]
[AllowedBeforeSecondFactor]
[IgnoreAntiforgeryToken] // re-executed after a refused POST: checking the token again would blank the page
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController : Controller
{
    // No parameters to bind, on purpose: the re-executed request still carries the refused body, and
    // model binding reads the form for its value providers before it binds anything, so an unreadable
    // form (a %00, more than 1 024 fields, too large) would fail a second time, turning the first
    // read's 400 into a 500. The code is read from the route values directly.
    [Route("/error/{statusCode:int?}")]
    public IActionResult Show()
    {
        var code = int.TryParse(RouteData.Values["statusCode"] as string, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : StatusCodes.Status500InternalServerError;
        if (code is < 400 or > 599)
        {
            code = StatusCodes.Status404NotFound;
        }
        Response.StatusCode = code;
        return View("Error", code);
    }
}
