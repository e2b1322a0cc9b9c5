using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ZemgaleNvo.Domain.Checks;
using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Web.Authorization;
using ZemgaleNvo.Web.Features.Years;
using ZemgaleNvo.Web.Forms;
using ZemgaleNvo.Web.Gates;
using ZemgaleNvo.Web.Resources;

namespace ZemgaleNvo.Web.Features.Explanations;

/// <summary>
/// Explanations of a year's deviations: the performer's staff write them on the year page (a plain
/// form per deviation, no JavaScript needed) while the year is open; a reviewer accepts each while
/// the year is submitted. A refusal shows the year page again with the text as typed.
/// </summary>
[Authorize]
[Route("agreements/{id:int}/years/{number:int}/explanations")]
public sealed class ExplanationsController(
    AppDbContext db, YearWorkspaceQuery workspace, IStringLocalizer<SharedResource> localizer) : Controller
{
    private const string Prefix = "Explanation";

    [HttpPost("")]
    [OpensYear(AgreementOperation.Edit, Graph = true)]
    public async Task<IActionResult> Save(int id, int number, [FromForm(Name = Prefix)] ExplanationDraft draft, OpenedYear opened, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(opened);
        var deviation = await CurrentDeviationAsync(opened, draft.Finding, cancellationToken);
        if (deviation is null)
        {
            // The finding was fixed away meanwhile, or the post names none of this year's deviations.
            ModelState.AddModelError("", localizer["Šāda novirze šim gadam vairs netiek konstatēta; paskaidrojums nav vajadzīgs."]);
            return await PageAgainAsync(opened, draft, StatusCodes.Status409Conflict, cancellationToken);
        }
        var text = FormText.Clean(draft.Text);
        if (string.IsNullOrWhiteSpace(text))
        {
            ModelState.AddModelError($"{Prefix}.Text", localizer["Ierakstiet paskaidrojumu: kāpēc gads noritēja tā."]);
        }
        else if (text.Length > FindingExplanation.MaxLength)
        {
            ModelState.AddModelError($"{Prefix}.Text", localizer["Paskaidrojumā ne vairāk kā {0} zīmes (tagad {1}).", FindingExplanation.MaxLength, text.Length]);
        }
        if (!ModelState.IsValid)
        {
            return await PageAgainAsync(opened, draft, StatusCodes.Status422UnprocessableEntity, cancellationToken);
        }

        var existing = deviation.Explanation;
        if ((existing?.Version ?? 0) != draft.Version)
        {
            ModelState.AddModelError($"{Prefix}.Text", localizer["Kamēr jūs rakstījāt, paskaidrojumu saglabāja {0}. Salīdziniet ar saglabāto un saglabājiet vēlreiz.", existing?.WrittenByName ?? "?"]);
            draft.Version = existing?.Version ?? 0;
            ModelState.Remove($"{Prefix}.Version");
            return await PageAgainAsync(opened, draft, StatusCodes.Status409Conflict, cancellationToken);
        }
        var (userId, userName) = Signer(User);
        if (existing is null)
        {
            existing = new FindingExplanation
            {
                RuleCode = deviation.Key.RuleCode,
                BudgetLineId = deviation.Key.BudgetLineId,
                IndicatorId = deviation.Key.IndicatorId,
                Text = text!,
                WrittenByName = userName,
            };
            opened.Year.FindingExplanations.Add(existing);
        }
        existing.Write(text!, userId, userName, DateTime.UtcNow);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData[Flash.Key] = localizer["Kamēr jūs rakstījāt, paskaidrojums mainījās. Pārskatiet un saglabājiet vēlreiz."].Value;
            return Redirect(Url.Action("Workspace", "Years", new { id, number }) + "#explanations");
        }
        TempData[Flash.Key] = localizer["Paskaidrojums saglabāts."].Value;
        return Redirect(Url.Action("Workspace", "Years", new { id, number }) + "#explanations");
    }

    [HttpPost("accept")]
    [OpensYear(AgreementOperation.Review, Graph = true)]
    public async Task<IActionResult> Accept(int id, int number, [FromForm(Name = Prefix)] ExplanationDraft draft, OpenedYear opened, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(opened);
        if (opened.Year.Status != ReviewStatus.Submitted)
        {
            ModelState.AddModelError("", localizer["Paskaidrojumus var pieņemt tikai iesniegtam gadam."]);
            return await PageAgainAsync(opened, null, StatusCodes.Status409Conflict, cancellationToken);
        }
        var deviation = await CurrentDeviationAsync(opened, draft.Finding, cancellationToken);
        if (deviation?.Explanation is not { IsGiven: true } explanation)
        {
            ModelState.AddModelError("", localizer["Šai novirzei nav paskaidrojuma, ko pieņemt."]);
            return await PageAgainAsync(opened, null, StatusCodes.Status409Conflict, cancellationToken);
        }
        var (userId, userName) = Signer(User);
        explanation.Accept(userId, userName, DateTime.UtcNow);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData[Flash.Key] = localizer["Kamēr jūs lēmāt, gada statuss mainījās. Pārskatiet un mēģiniet vēlreiz."].Value;
            return Redirect(Url.Action("Workspace", "Years", new { id, number }) + "#explanations");
        }
        TempData[Flash.Key] = localizer["Paskaidrojums pieņemts."].Value;
        return Redirect(Url.Action("Workspace", "Years", new { id, number }) + "#explanations");
    }

    /// <summary>The deviation of this year that the form names, as the checks find it now; none if there is no such deviation.</summary>
    private async Task<ExplainedFinding?> CurrentDeviationAsync(OpenedYear opened, string? formValue, CancellationToken cancellationToken)
    {
        var key = FindingKey.Parse(formValue, opened.Year.Number);
        if (key is null)
        {
            return null;
        }
        var regions = await db.Regions.AsNoTracking().ToListAsync(cancellationToken);
        var findings = ConsistencyChecker.Check(opened.Agreement, regions);
        return ExplanationsPanel.DeviationsOf(opened.Year, findings).FirstOrDefault(d => d.Key == key);
    }

    private static (string? UserId, string UserName) Signer(ClaimsPrincipal user) =>
        (user.FindFirstValue(ClaimTypes.NameIdentifier), user.FindFirstValue(PortalClaims.FullName) ?? user.Identity?.Name ?? "?");

    private async Task<IActionResult> PageAgainAsync(OpenedYear opened, ExplanationDraft? draft, int status, CancellationToken cancellationToken)
    {
        var page = await workspace.BuildAsync(User, opened, null, null, cancellationToken, draft);
        return this.ViewWithStatus("~/Features/Years/Workspace.cshtml", page, status);
    }
}
