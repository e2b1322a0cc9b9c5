using System.ComponentModel.DataAnnotations;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Infrastructure.Data.Configurations;
using ZemgaleNvo.Web.Features.Years;
using ZemgaleNvo.Web.Forms;

namespace ZemgaleNvo.Web.Features.Spending;

/// <summary>An itemised expense as its form posts it; the amount stays text so it comes back as typed.</summary>
public sealed class SpendingEntryForm
{
    [Display(Name = "Budžeta pozīcija")]
    public int BudgetLineId { get; set; }

    [Required(ErrorMessage = "Norādiet datumu.")]
    [Display(Name = "Datums")]
    public DateOnly? Date { get; set; }

    [Required(ErrorMessage = "Ierakstiet, par ko maksāts.")]
    [StringLength(Limits.ShortText, ErrorMessage = "Ne vairāk kā {1} zīmes.")]
    [Display(Name = "Apraksts")]
    public string? Description { get; set; }

    [StringLength(Limits.ShortText, ErrorMessage = "Ne vairāk kā {1} zīmes.")]
    [Display(Name = "Piegādātājs")]
    public string? Supplier { get; set; }

    [StringLength(Limits.Code, ErrorMessage = "Ne vairāk kā {1} zīmes.")]
    [Display(Name = "Dokumenta Nr.")]
    public string? DocumentNumber { get; set; }

    [Display(Name = "Summa, euro")]
    public string? Amount { get; set; }

    public int Version { get; set; }

    public static SpendingEntryForm From(SpendingEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new SpendingEntryForm
        {
            BudgetLineId = entry.BudgetLineId,
            Date = entry.Date,
            Description = entry.Description,
            Supplier = entry.Supplier,
            DocumentNumber = entry.DocumentNumber,
            Amount = MoneyField.Prefill(entry.AmountCents),
            Version = entry.Version,
        };
    }

    public void ApplyTo(SpendingEntry entry, long amountCents)
    {
        ArgumentNullException.ThrowIfNull(entry);
        entry.BudgetLineId = BudgetLineId;
        entry.Date = Date!.Value;
        entry.Description = FormText.Clean(Description)!;
        entry.Supplier = FormText.Clean(Supplier);
        entry.DocumentNumber = FormText.Clean(DocumentNumber);
        entry.AmountCents = amountCents;
    }
}

/// <param name="StatedTotals">Lines whose spending is so far one stated total (no itemised entries): that total, which a first entry replaces.</param>
public sealed record SpendingEntryPage(OpenedYear Opened, int? EntryId, SpendingEntryForm Form, ConcurrencyConflict? Conflict = null, IReadOnlyDictionary<int, long>? StatedTotals = null);

/// <summary>A line's spending as one figure, for performers who do not itemise. Empty removes it.</summary>
public sealed class LineTotalForm
{
    [Display(Name = "Izdevumi kopā, euro")]
    public string? Amount { get; set; }

    /// <summary>The version of the saved total the form started from; 0 when there was none.</summary>
    public int Version { get; set; }
}

public sealed record LineTotalPage(OpenedYear Opened, BudgetLine Line, bool HasItemisedEntries, LineTotalForm Form, ConcurrencyConflict? Conflict = null);
