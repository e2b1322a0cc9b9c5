using System.ComponentModel.DataAnnotations;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Infrastructure.Data.Configurations;
using ZemgaleNvo.Web.Features.Years;

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

public sealed record NonComplianceFormPage(OpenedYear Opened, NonComplianceForm Form);

public sealed record RecoveryFormPage(OpenedYear Opened, NonCompliantExpenditure Case, RecoveryForm Form);
