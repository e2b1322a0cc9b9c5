using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ZemgaleNvo.Web.Authorization;

namespace ZemgaleNvo.Web.Features.Agreements;

[Authorize]
[Route("agreements")]
public sealed class AgreementsController(AgreementDetailsQuery details, IAuthorizationService authorization) : Controller
{
    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var agreement = await details.RunAsync(id, cancellationToken);
        if (agreement is null)
        {
            return NotFound();
        }
        var access = await authorization.AuthorizeAsync(User, new AgreementResource(agreement.Id, agreement.PerformerId), AgreementOperations.View);
        if (!access.Succeeded)
        {
            return Forbid();
        }
        return View(agreement);
    }
}
