using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ZemgaleNvo.Web.Features.Session;

/// <summary>
/// "Palikt pieslēgtam" (WCAG 2.2.1): the session-timeout warning (wwwroot/js/session.js) calls this to
/// tell the portal the user is still there. Passing the cookie check is the whole work: the sliding
/// session cookie is renewed on the way in, so the idle limit starts again.
/// </summary>
[Authorize]
[Route("session")]
public sealed class SessionController : Controller
{
    [HttpGet("keep-alive")]
    public IActionResult KeepAlive()
    {
        Response.Headers.CacheControl = "no-store";
        return NoContent();
    }
}
