using System.ComponentModel.DataAnnotations;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Infrastructure.Data.Configurations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using ZemgaleNvo.Web.Features.Years;
using ZemgaleNvo.Web.Forms;

namespace ZemgaleNvo.Web.Features.NonCompliance;

/// <summary>A non-compliant expenditure as the reviewer's form posts it; the amount stays text so it comes back as typed.</summary>
public sealed class NonComplianceForm
{
    [Display(Name = "Budžeta pozīcija")]
    public int BudgetLineId { get; set; }

    [Display(Name = "Neatbilstoši veiktie izdevumi, euro")]
    public string? Amount { get; set; }

    [Required(ErrorMessage = "Ierakstiet, kāpēc izdevumi ir neatbilstoši.")]
    [StringLength(Limits.ShortText * 5, ErrorMessage = "Ne vairāk kā {1} zīmes.")]
    [Display(Name = "Pamatojums")]
    public string? Reason { get; set; }

    [Required(ErrorMessage = "Norādiet lēmuma vai pārbaudes akta numuru.")]
    [StringLength(Limits.ShortText, ErrorMessage = "Ne vairāk kā {1} zīmes.")]
    [Display(Name = "Lēmums")]
    public string? DecisionReference { get; set; }

    [Required(ErrorMessage = "Norādiet lēmuma datumu.")]
    [Display(Name = "Lēmuma datums")]
    public DateOnly? DecidedOn { get; set; }

    /// <summary>The finding's version when a correction was opened; a new finding ignores it.</summary>
    public int Version { get; set; }

    /// <summary>The form of a recorded finding, as its correction starts.</summary>
    public static NonComplianceForm From(NonCompliantExpenditure found)
    {
        ArgumentNullException.ThrowIfNull(found);
        return new NonComplianceForm
        {
            BudgetLineId = found.BudgetLineId,
            Amount = MoneyField.Prefill(found.AmountCents),
            Reason = found.Reason,
            DecisionReference = found.DecisionReference,
            DecidedOn = found.DecidedOn,
            Version = found.Version,
        };
    }
}

/// <summary>Finding a recorded case among the opened year's (loaded with the reporting graph).</summary>
public static class NonComplianceCases
{
    /// <summary>The year's case with this id; null for another year's or another organisation's id, as for one that does not exist.</summary>
    public static NonCompliantExpenditure? FindCase(this OpenedYear opened, int caseId)
    {
        ArgumentNullException.ThrowIfNull(opened);
        return opened.Year.NonCompliantExpenditures.FirstOrDefault(c => c.Id == caseId);
    }
}

/// <summary>The checks of the finding's form, for a new finding and a correction alike.</summary>
public static class NonComplianceFormRules
{
    public const string Prefix = "Form";

    public static string Key(string field) => $"{Prefix}.{field}";

    /// <summary>Adds a message for each field that is wrong; the amount in cents when it reads.</summary>
    public static long? Check(ModelStateDictionary modelState, NonComplianceForm form, OpenedYear opened, DateOnly today, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(opened);
        ArgumentNullException.ThrowIfNull(localizer);
        if (opened.Line(form.BudgetLineId) is null)
        {
            modelState.AddModelError(Key(nameof(NonComplianceForm.BudgetLineId)), localizer["Izvēlieties šī līguma budžeta pozīciju."]);
        }
        var amount = MoneyField.Read(modelState, Key(nameof(NonComplianceForm.Amount)), form.Amount, localizer);
        if (amount == 0)
        {
            modelState.AddModelError(Key(nameof(NonComplianceForm.Amount)), localizer["Summai jābūt lielākai par nulli."]);
        }
        if (form.DecidedOn is { } decided && decided > today)
        {
            modelState.AddModelError(Key(nameof(NonComplianceForm.DecidedOn)), localizer["Lēmuma datums nevar būt nākotnē."]);
        }
        return amount;
    }
}

/// <summary>Money returned against one non-compliant expenditure, as the reviewer's form posts it.</summary>
public sealed class RecoveryForm
{
    [Display(Name = "Atgūtā summa, euro")]
    public string? Amount { get; set; }

    [Required(ErrorMessage = "Norādiet atgūšanas datumu.")]
    [Display(Name = "Atgūšanas datums")]
    public DateOnly? Date { get; set; }

    [Required(ErrorMessage = "Norādiet maksājuma uzdevumu vai citu dokumentu, kas atgūšanu apliecina.")]
    [StringLength(Limits.ShortText, ErrorMessage = "Ne vairāk kā {1} zīmes.")]
    [Display(Name = "Atsauce")]
    public string? Reference { get; set; }

    public int Version { get; set; }
}

/// <summary>The year's non-compliant expenditure with its recoveries; <see cref="CanRecord"/> only for reviewers.</summary>
public sealed record NonComplianceListPage(OpenedYear Opened, IReadOnlyList<NonCompliantExpenditure> Cases, bool CanRecord)
{
    public long AmountCents => Cases.Sum(c => c.AmountCents);

    public long UnrecoveredCents => Cases.Sum(c => c.UnrecoveredCents);
}

/// <summary>The finding's form: a new one, or the correction of <paramref name="Case"/>.</summary>
public sealed record NonComplianceFormPage(OpenedYear Opened, NonComplianceForm Form, NonCompliantExpenditure? Case = null);

/// <summary>The question before a finding is deleted.</summary>
public sealed record NonComplianceDeletePage(OpenedYear Opened, NonCompliantExpenditure Case);

public sealed record RecoveryFormPage(OpenedYear Opened, NonCompliantExpenditure Case, RecoveryForm Form);
