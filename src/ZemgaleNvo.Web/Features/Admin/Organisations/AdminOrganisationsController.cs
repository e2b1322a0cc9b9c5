using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ZemgaleNvo.Domain.Organisations;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Web.Authorization;
using ZemgaleNvo.Web.Forms;
using ZemgaleNvo.Web.Resources;

namespace ZemgaleNvo.Web.Features.Admin.Organisations;

/// <summary>
/// Organisations (performers of agreements, employers of NGO staff): list, create, edit, and delete
/// only while nothing refers to them.
/// </summary>
[Authorize(Policy = PortalPolicies.Administer)]
[Route("admin/organisations")]
public sealed class AdminOrganisationsController(AppDbContext db, IStringLocalizer<SharedResource> localizer) : Controller
{
    private const string FormPrefix = "Form";

    private static string Key(string field) => $"{FormPrefix}.{field}";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var rows = await db.Organisations.AsNoTracking()
            .OrderBy(o => o.Name)
            .Select(o => new OrganisationRow(
                o.Id, o.Name, o.RegistrationNumber, o.Region!.Name,
                db.Agreements.IgnoreQueryFilters().Count(a => a.PerformerId == o.Id),
                db.Users.Count(u => u.OrganisationId == o.Id)))
            .ToListAsync(cancellationToken);
        return View("Index", rows);
    }

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken cancellationToken) =>
        View("Form", new OrganisationPage(null, new OrganisationForm(), await RegionsAsync(cancellationToken)));

    [HttpPost("new")]
    public async Task<IActionResult> Create([FromForm(Name = FormPrefix)] OrganisationForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        await ValidateAsync(form, null, cancellationToken);
        if (!ModelState.IsValid)
        {
            return await InvalidAsync(null, form, cancellationToken);
        }
        var organisation = new Organisation { Name = "" };
        form.ApplyTo(organisation);
        db.Organisations.Add(organisation);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another admin saved the same name or number a moment ago: the checks above would now say so.
            db.ChangeTracker.Clear();
            await ValidateAsync(form, null, cancellationToken);
            return await InvalidAsync(null, form, cancellationToken);
        }
        TempData[Flash.Key] = localizer["Organizācija „{0}” pievienota.", organisation.Name].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        return organisation is null ? NotFound() : View("Form", await PageAsync(id, OrganisationForm.From(organisation), null, cancellationToken));
    }

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Update(int id, [FromForm(Name = FormPrefix)] OrganisationForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organisation is null)
        {
            return NotFound();
        }
        await ValidateAsync(form, id, cancellationToken);
        if (!ModelState.IsValid)
        {
            return await InvalidAsync(id, form, cancellationToken);
        }
        if (organisation.Version != form.Version)
        {
            return await ConflictAsync(organisation, form, cancellationToken);
        }
        form.ApplyTo(organisation);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Organisations.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
            return current is null ? NotFound() : await ConflictAsync(current, form, cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            await ValidateAsync(form, id, cancellationToken);
            return await InvalidAsync(id, form, cancellationToken);
        }
        TempData[Flash.Key] = localizer["Organizācija „{0}” saglabāta.", organisation.Name].Value;
        return RedirectToAction(nameof(Index));
    }

    /// <summary>Only an organisation nothing refers to: agreements and user accounts keep their history.</summary>
    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organisation is null)
        {
            return NotFound();
        }
        var (agreements, users) = await UsageAsync(id, cancellationToken);
        if (agreements > 0 || users > 0)
        {
            ModelState.AddModelError(string.Empty, localizer["Organizāciju dzēst nevar: uz to atsaucas līgumi ({0}) un lietotāji ({1}), kuru vēsturei tā jāsaglabā.",
                agreements, users]);
            return this.ViewWithStatus("Form", await PageAsync(id, OrganisationForm.From(organisation), null, cancellationToken), StatusCodes.Status409Conflict);
        }
        db.Organisations.Remove(organisation);
        await db.SaveChangesAsync(cancellationToken);
        TempData[Flash.Key] = localizer["Organizācija „{0}” izdzēsta.", organisation.Name].Value;
        return RedirectToAction(nameof(Index));
    }

    private async Task ValidateAsync(OrganisationForm form, int? id, CancellationToken cancellationToken)
    {
        var name = FormText.Clean(form.Name);
        var lower = name?.ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // ToLower is translated to SQL LOWER(): no .NET culture is involved.
        if (name is not null && await db.Organisations.AnyAsync(o => o.Id != id && o.Name.ToLower() == lower, cancellationToken))
        {
            ModelState.AddModelError(Key(nameof(OrganisationForm.Name)), localizer["Organizācija ar šādu nosaukumu jau ir."]);
        }
#pragma warning restore CA1304, CA1311, CA1862
        var number = form.CleanRegistrationNumber;
        if (number is not null && ModelState.GetFieldValidationState(Key(nameof(OrganisationForm.RegistrationNumber))) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            if (number.Length != 11 || !number.All(char.IsAsciiDigit))
            {
                ModelState.AddModelError(Key(nameof(OrganisationForm.RegistrationNumber)), localizer["Reģistrācijas numurā jābūt 11 cipariem, piemēram, 40008123456."]);
            }
            else if (await db.Organisations.AnyAsync(o => o.Id != id && o.RegistrationNumber == number, cancellationToken))
            {
                ModelState.AddModelError(Key(nameof(OrganisationForm.RegistrationNumber)), localizer["Organizācija ar šo reģistrācijas numuru jau ir."]);
            }
        }
        if (form.RegionId is { } regionId && !await db.Regions.AnyAsync(r => r.Id == regionId, cancellationToken))
        {
            ModelState.AddModelError(Key(nameof(OrganisationForm.RegionId)), localizer["Izvēlieties reģionu no saraksta."]);
        }
    }

    private async Task<IActionResult> InvalidAsync(int? id, OrganisationForm form, CancellationToken cancellationToken) =>
        this.ViewWithStatus("Form", await PageAsync(id, form, null, cancellationToken), StatusCodes.Status422UnprocessableEntity);

    private async Task<IActionResult> ConflictAsync(Organisation saved, OrganisationForm yours, CancellationToken cancellationToken)
    {
        var regions = await RegionsAsync(cancellationToken);
        string RegionName(int? regionId) => regions.FirstOrDefault(r => r.Id == regionId)?.Name ?? "";
        var fields = new List<ConflictField>
        {
            new(localizer["Nosaukums"], saved.Name, FormText.Clean(yours.Name) ?? ""),
            new(localizer["Reģistrācijas numurs"], saved.RegistrationNumber ?? "", yours.CleanRegistrationNumber ?? ""),
            new(localizer["Reģions"], RegionName(saved.RegionId), RegionName(yours.RegionId)),
        };
        var conflict = await ConcurrencyConflict.DescribeAsync(db, nameof(Organisation), saved.Id, fields, deleted: false, cancellationToken);
        yours.Version = saved.Version;
        ModelState.Remove(Key(nameof(OrganisationForm.Version)));
        return this.ViewWithStatus("Form", await PageAsync(saved.Id, yours, conflict, cancellationToken), StatusCodes.Status409Conflict);
    }

    private async Task<OrganisationPage> PageAsync(int? id, OrganisationForm form, ConcurrencyConflict? conflict, CancellationToken cancellationToken)
    {
        var (agreements, users) = id is null ? (0, 0) : await UsageAsync(id.Value, cancellationToken);
        return new OrganisationPage(id, form, await RegionsAsync(cancellationToken), conflict, agreements, users);
    }

    private async Task<(int Agreements, int Users)> UsageAsync(int id, CancellationToken cancellationToken) =>
        (await db.Agreements.IgnoreQueryFilters().CountAsync(a => a.PerformerId == id, cancellationToken),
         await db.Users.CountAsync(u => u.OrganisationId == id, cancellationToken));

    private Task<List<Region>> RegionsAsync(CancellationToken cancellationToken) =>
        db.Regions.AsNoTracking().OrderBy(r => r.Name).ToListAsync(cancellationToken);
}
