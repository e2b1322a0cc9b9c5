using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Web.Features.Years;
using ZemgaleNvo.Web.Forms;
using ZemgaleNvo.Web.Gates;
using ZemgaleNvo.Web.Resources;

namespace ZemgaleNvo.Web.Features.SpendingImport;

/// <summary>The import page: the upload form, or the preview of a checked file.</summary>
/// <param name="Payload">The file itself (base64), carried by the preview's import button and checked again there.</param>
public sealed record SpendingImportPage(OpenedYear Opened, SpendingImportRules Rules, ImportCheck? Check = null, string? FileName = null, string? Payload = null);

/// <summary>
/// Itemised spending of one year from the accountant's spreadsheet (XLSX or Latvian Excel CSV):
/// upload → preview with every row's problems → import all rows or none. The import checks the
/// file again from scratch, so what is saved is exactly what the rules allow at that moment.
/// </summary>
[Authorize]
[Route("agreements/{id:int}/years/{number:int}/spending/import")]
public sealed class SpendingImportController(AppDbContext db, IStringLocalizer<SharedResource> localizer, PdfGlyphCoverage glyphs) : Controller
{
    /// <summary>A spending sheet of 5 000 rows is well under a megabyte; a larger upload is not one.</summary>
    private const long MaxFileBytes = 5 * 1024 * 1024;

    private SpendingImportRules Rules => new(localizer, glyphs);

    [HttpGet("")]
    [OpensYear(AgreementOperation.Edit)]
    public IActionResult Index(int id, int number, OpenedYear opened) => View("Index", new SpendingImportPage(opened, Rules));

    [HttpGet("template.csv")]
    [OpensYear(AgreementOperation.Edit)]
    public IActionResult Template(int id, int number, OpenedYear opened) =>
        File(SpendingTemplate.Csv(Rules, opened), "text/csv; charset=utf-8", "izdevumi-veidne.csv");

    [HttpGet("template.xlsx")]
    [OpensYear(AgreementOperation.Edit)]
    public IActionResult TemplateXlsx(int id, int number, OpenedYear opened) =>
        File(SpendingTemplate.Xlsx(Rules, opened, localizer["Izdevumi"]), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "izdevumi-veidne.xlsx");

    [HttpPost("preview")]
    [OpensYear(AgreementOperation.Edit)]
    [RequestSizeLimit(MaxFileBytes + 64 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxFileBytes + 64 * 1024)]
    public async Task<IActionResult> Preview(int id, int number, IFormFile? file, OpenedYear opened, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", localizer["Izvēlieties XLSX vai CSV failu."]);
            return this.ViewWithStatus("Index", new SpendingImportPage(opened, Rules), StatusCodes.Status422UnprocessableEntity);
        }
        if (file.Length > MaxFileBytes)
        {
            ModelState.AddModelError("file", localizer["Fails ir lielāks par {0} MB.", MaxFileBytes / 1024 / 1024]);
            return this.ViewWithStatus("Index", new SpendingImportPage(opened, Rules), StatusCodes.Status413PayloadTooLarge);
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var content = buffer.ToArray();
        var check = await CheckAsync(content, opened, cancellationToken);
        var page = new SpendingImportPage(opened, Rules, check, Path.GetFileName(file.FileName), check.CanImport ? Convert.ToBase64String(content) : null);
        return this.ViewWithStatus("Index", page, check.CanImport ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity);
    }

    [HttpPost("")]
    [OpensYear(AgreementOperation.Edit)]
    [RequestSizeLimit(2 * MaxFileBytes)]
    [RequestFormLimits(ValueLengthLimit = (int)(2 * MaxFileBytes))]
    public async Task<IActionResult> Import(int id, int number, [FromForm] string? payload, [FromForm] string? fileName, OpenedYear opened, CancellationToken cancellationToken)
    {
        byte[] content;
        try
        {
            content = Convert.FromBase64String(payload ?? "");
        }
        catch (FormatException)
        {
            content = [];
        }
        if (content.Length == 0)
        {
            ModelState.AddModelError("file", localizer["Izvēlieties XLSX vai CSV failu."]);
            return this.ViewWithStatus("Index", new SpendingImportPage(opened, Rules), StatusCodes.Status422UnprocessableEntity);
        }

        await using var transaction = await db.BeginYearWriteAsync(opened.Year.Id, cancellationToken);
        // Checked again under the year's write lock: a colleague may have added a document number since the preview.
        var check = await CheckAsync(content, opened, cancellationToken);
        if (!check.CanImport)
        {
            return this.ViewWithStatus("Index", new SpendingImportPage(opened, Rules, check, fileName), StatusCodes.Status422UnprocessableEntity);
        }
        db.SpendingEntries.AddRange(check.Rows.Select(r => r.Entry!));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        TempData[Flash.Key] = localizer["Importēti izdevumu ieraksti: {0}.", check.Rows.Count].Value;
        return Redirect(Url.Action(nameof(YearsController.Workspace), "Years", new { id, number })! + "#spending-heading");
    }

    private async Task<ImportCheck> CheckAsync(byte[] content, OpenedYear opened, CancellationToken cancellationToken)
    {
        var numbers = await db.SpendingEntries.Where(s => s.ImplementationYearId == opened.Year.Id && s.DocumentNumber != null)
            .Select(s => s.DocumentNumber!).ToListAsync(cancellationToken);
        return Rules.Check(SpendingSheet.Read(content), opened, numbers);
    }
}
