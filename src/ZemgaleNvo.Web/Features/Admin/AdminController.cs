using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ZemgaleNvo.Web.Authorization;

namespace ZemgaleNvo.Web.Features.Admin;

/// <summary>The admin area's start page: what can be managed where.</summary>
[Authorize(Policy = PortalPolicies.Administer)]
[Route("admin")]
public sealed class AdminController : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View();
}
