using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ZemgaleNvo.Domain.Organisations;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Web.Authorization;
using ZemgaleNvo.Web.Forms;
using ZemgaleNvo.Web.Resources;

namespace ZemgaleNvo.Web.Features.Admin.Regions;

/// <summary>Planning regions: list, create, edit, and delete only while no agreement or organisation refers to one.</summary>
[Authorize(Policy = PortalPolicies.Administer)]
[Route("admin/regions")]
public sealed class AdminRegionsController(AppDbContext db, IStringLocalizer<SharedResource> localizer) : Controller
{
    private const string FormPrefix = "Form";

    private static string Key(string field) => $"{FormPrefix}.{field}";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var rows = await db.Regions.AsNoTracking()
            .OrderBy(r => r.Name)
            .Select(r => new RegionRow(
                r.Id, r.Name, r.NameStem, r.Code,
                db.Agreements.IgnoreQueryFilters().Count(a => a.RegionId == r.Id),
                db.Organisations.Count(o => o.RegionId == r.Id)))
            .ToListAsync(cancellationToken);
        return View("Index", rows);
    }

    [HttpGet("new")]
    public IActionResult New() => View("Form", new RegionPage(null, new RegionForm()));

    [HttpPost("new")]
    public async Task<IActionResult> Create([FromForm(Name = FormPrefix)] RegionForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        await ValidateAsync(form, null, cancellationToken);
        if (!ModelState.IsValid)
        {
            return Invalid(null, form);
        }
        var region = new Region { Name = "", NameStem = "", Code = "" };
        form.ApplyTo(region);
        db.Regions.Add(region);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Saved by another admin a moment ago: the uniqueness checks now say which field.
            db.ChangeTracker.Clear();
            await ValidateAsync(form, null, cancellationToken);
            return Invalid(null, form);
        }
        TempData[Flash.Key] = localizer["Reģions „{0}” pievienots.", region.Name].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var region = await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return region is null ? NotFound() : View("Form", await PageAsync(id, RegionForm.From(region), null, cancellationToken));
    }

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Update(int id, [FromForm(Name = FormPrefix)] RegionForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var region = await db.Regions.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (region is null)
        {
            return NotFound();
        }
        await ValidateAsync(form, id, cancellationToken);
        if (!ModelState.IsValid)
        {
            return this.ViewWithStatus("Form", await PageAsync(id, form, null, cancellationToken), StatusCodes.Status422UnprocessableEntity);
        }
        if (region.Version != form.Version)
        {
            return await ConflictAsync(region, form, cancellationToken);
        }
        form.ApplyTo(region);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Regions.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
            return current is null ? NotFound() : await ConflictAsync(current, form, cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            await ValidateAsync(form, id, cancellationToken);
            return this.ViewWithStatus("Form", await PageAsync(id, form, null, cancellationToken), StatusCodes.Status422UnprocessableEntity);
        }
        TempData[Flash.Key] = localizer["Reģions „{0}” saglabāts.", region.Name].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        var region = await db.Regions.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (region is null)
        {
            return NotFound();
        }
        var (agreements, organisations) = await UsageAsync(id, cancellationToken);
        if (agreements > 0 || organisations > 0)
        {
            ModelState.AddModelError(string.Empty, localizer["Reģionu dzēst nevar: uz to atsaucas līgumi ({0}) un organizācijas ({1}).", agreements, organisations]);
            return this.ViewWithStatus("Form", await PageAsync(id, RegionForm.From(region), null, cancellationToken), StatusCodes.Status409Conflict);
        }
        db.Regions.Remove(region);
        await db.SaveChangesAsync(cancellationToken);
        TempData[Flash.Key] = localizer["Reģions „{0}” izdzēsts.", region.Name].Value;
        return RedirectToAction(nameof(Index));
    }

    private async Task ValidateAsync(RegionForm form, int? id, CancellationToken cancellationToken)
    {
        var name = FormText.Clean(form.Name);
        var lower = name?.ToLowerInvariant();
        var stem = FormText.Clean(form.NameStem);
        var code = FormText.Clean(form.Code);
#pragma warning disable CA1304, CA1311, CA1862 // ToLower is translated to SQL LOWER(): no .NET culture is involved.
        if (name is not null && await db.Regions.AnyAsync(r => r.Id != id && r.Name.ToLower() == lower, cancellationToken))
        {
            ModelState.AddModelError(Key(nameof(RegionForm.Name)), localizer["Reģions ar šādu nosaukumu jau ir."]);
        }
#pragma warning restore CA1304, CA1311, CA1862
        // The consistency checks look for the stem in task texts ("Zemgales reģionā"): it has to be part of the name.
        if (name is not null && stem is not null && !name.Contains(stem, StringComparison.CurrentCultureIgnoreCase))
        {
            ModelState.AddModelError(Key(nameof(RegionForm.NameStem)), localizer["Saknei jābūt nosaukuma daļai, kas nemainās locījumos, piemēram, „Zemgales” nosaukumā „Zemgales reģions”."]);
        }
        if (code is not null && ModelState.GetFieldValidationState(Key(nameof(RegionForm.Code))) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid
            && await db.Regions.AnyAsync(r => r.Id != id && r.Code == code, cancellationToken))
        {
            ModelState.AddModelError(Key(nameof(RegionForm.Code)), localizer["Reģions ar šo kodu jau ir."]);
        }
    }

    private ViewResult Invalid(int? id, RegionForm form) =>
        this.ViewWithStatus("Form", new RegionPage(id, form), StatusCodes.Status422UnprocessableEntity);

    private async Task<IActionResult> ConflictAsync(Region saved, RegionForm yours, CancellationToken cancellationToken)
    {
        var fields = new List<ConflictField>
        {
            new(localizer["Nosaukums"], saved.Name, FormText.Clean(yours.Name) ?? ""),
            new(localizer["Nosaukuma sakne"], saved.NameStem, FormText.Clean(yours.NameStem) ?? ""),
            new(localizer["Kods"], saved.Code, FormText.Clean(yours.Code) ?? ""),
        };
        var conflict = await ConcurrencyConflict.DescribeAsync(db, nameof(Region), saved.Id, fields, deleted: false, cancellationToken);
        yours.Version = saved.Version;
        ModelState.Remove(Key(nameof(RegionForm.Version)));
        return this.ViewWithStatus("Form", await PageAsync(saved.Id, yours, conflict, cancellationToken), StatusCodes.Status409Conflict);
    }

    private async Task<RegionPage> PageAsync(int id, RegionForm form, ConcurrencyConflict? conflict, CancellationToken cancellationToken)
    {
        var (agreements, organisations) = await UsageAsync(id, cancellationToken);
        return new RegionPage(id, form, conflict, agreements, organisations);
    }

    private async Task<(int Agreements, int Organisations)> UsageAsync(int id, CancellationToken cancellationToken) =>
        (await db.Agreements.IgnoreQueryFilters().CountAsync(a => a.RegionId == id, cancellationToken),
         await db.Organisations.CountAsync(o => o.RegionId == id, cancellationToken));
}
