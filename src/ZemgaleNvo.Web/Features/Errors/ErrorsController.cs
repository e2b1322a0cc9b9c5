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
    [Route("/error/{statusCode:int?}")]
    public IActionResult Show(int? statusCode)
    {
        var code = statusCode ?? StatusCodes.Status500InternalServerError;
        if (code is < 400 or > 599)
        {
            code = StatusCodes.Status404NotFound;
        }
        Response.StatusCode = code;
        return View("Error", code);
    }
}
