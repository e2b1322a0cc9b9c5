using System.ComponentModel.DataAnnotations;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Organisations;
using ZemgaleNvo.Domain.Periods;
using ZemgaleNvo.Infrastructure.Data.Configurations;
using ZemgaleNvo.Web.Forms;

namespace ZemgaleNvo.Web.Features.Admin.Agreements;

/// <summary>An agreement's own facts as the admin's form posts them.</summary>
public sealed class AgreementForm
{
    [Display(Name = "Līguma veids")]
    public AgreementType Type { get; set; } = AgreementType.Delegation;

    [StringLength(Limits.Code, ErrorMessage = "Ne vairāk kā {1} zīmes.")]
    [Display(Name = "Līguma numurs")]
    public string? Number { get; set; }

    [Display(Name = "Noslēgšanas datums")]
    public DateOnly? SignedOn { get; set; }

    [StringLength(Limits.Name, ErrorMessage = "Ne vairāk kā {1} zīmes.")]
    [Display(Name = "Deleģētājs")]
    public string? DelegatingAuthority { get; set; }

    [Required(ErrorMessage = "Ierakstiet līguma nosaukumu.")]
    [StringLength(Limits.Title, ErrorMessage = "Ne vairāk kā {1} zīmes.")]
    [Display(Name = "Nosaukums")]
    public string? Title { get; set; }

    [Required(ErrorMessage = "Ierakstiet deleģēto uzdevumu, kā tas formulēts līgumā.")]
    [StringLength(Limits.LongText, ErrorMessage = "Ne vairāk kā {1} zīmes.")]
    [Display(Name = "Uzdevums")]
    public string? TaskText { get; set; }

    [Required(ErrorMessage = "Izvēlieties izpildītāju.")]
    [Display(Name = "Izpildītājs")]
    public int? PerformerId { get; set; }

    [Required(ErrorMessage = "Izvēlieties reģionu.")]
    [Display(Name = "Reģions")]
    public int? RegionId { get; set; }

    [Required(ErrorMessage = "Norādiet perioda sākumu.")]
    [Display(Name = "Perioda sākums")]
    public DateOnly? PeriodStart { get; set; }

    [Required(ErrorMessage = "Norādiet perioda beigas.")]
    [Display(Name = "Perioda beigas")]
    public DateOnly? PeriodEnd { get; set; }

    [Required(ErrorMessage = "Norādiet, cik dienu pēc gada beigām jāiesniedz gada pārskats.")]
    [Range(0, ReportingSchedule.MaxDays, ErrorMessage = "Jānorāda vesels dienu skaits no {1} līdz {2}.")]
    [Display(Name = "Gada pārskats jāiesniedz dienās pēc gada beigām")]
    public int? YearReportDueDays { get; set; } = ReportingSchedule.DefaultYearReportDays;

    [Required(ErrorMessage = "Norādiet, cik dienu pēc līguma beigām jāiesniedz kopsavilkums.")]
    [Range(0, ReportingSchedule.MaxDays, ErrorMessage = "Jānorāda vesels dienu skaits no {1} līdz {2}.")]
    [Display(Name = "Kopsavilkums jāiesniedz dienās pēc līguma beigām")]
    public int? SummaryDueDays { get; set; } = ReportingSchedule.DefaultSummaryDays;

    public int Version { get; set; }

    public static AgreementForm From(DelegationAgreement agreement)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        return new AgreementForm
        {
            Type = agreement.Type,
            Number = agreement.Number,
            SignedOn = agreement.SignedOn,
            DelegatingAuthority = agreement.DelegatingAuthority,
            Title = agreement.Title,
            TaskText = agreement.TaskText,
            PerformerId = agreement.PerformerId,
            RegionId = agreement.RegionId,
            PeriodStart = agreement.PeriodStart,
            PeriodEnd = agreement.PeriodEnd,
            YearReportDueDays = agreement.YearReportDueDays,
            SummaryDueDays = agreement.SummaryDueDays,
            Version = agreement.Version,
        };
    }

    /// <summary>Everything but the period, which only the controller changes (it decides whether the years may be regenerated).</summary>
    public void ApplyFactsTo(DelegationAgreement agreement)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        agreement.Type = Type;
        agreement.Number = FormText.Clean(Number);
        agreement.SignedOn = SignedOn;
        agreement.DelegatingAuthority = FormText.Clean(DelegatingAuthority);
        agreement.Title = FormText.Clean(Title)!;
        agreement.TaskText = TaskText!.Trim();
        agreement.PerformerId = PerformerId!.Value;
        agreement.RegionId = RegionId!.Value;
        agreement.YearReportDueDays = YearReportDueDays!.Value;
        agreement.SummaryDueDays = SummaryDueDays!.Value;
    }
}

/// <summary>The planned amount of one year, typed as text so it comes back as typed.</summary>
public sealed class PlannedAmountRow
{
    public int YearNumber { get; set; }

    [Display(Name = "Plānots, euro")]
    public string? Amount { get; set; }
}

/// <summary>A budget line (and results strand) with its planned amount per implementation year.</summary>
public sealed class BudgetLineForm
{
    [Required(ErrorMessage = "Ierakstiet budžeta pozīcijas nosaukumu.")]
    [StringLength(Limits.Title, ErrorMessage = "Ne vairāk kā {1} zīmes.")]
    [Display(Name = "Budžeta pozīcija")]
    public string? Name { get; set; }

    [StringLength(Limits.Title, ErrorMessage = "Ne vairāk kā {1} zīmes.")]
    [Display(Name = "Rezultātu virsraksts")]
    public string? ResultsHeading { get; set; }

    public List<PlannedAmountRow> Amounts { get; set; } = [];
}

public sealed record AgreementChoices(IReadOnlyList<Organisation> Organisations, IReadOnlyList<Region> Regions);

public sealed record AgreementAdminRow(int Id, string Title, string? Number, string Performer, string Region, DateOnly PeriodStart, DateOnly PeriodEnd, int Years, int Lines);

/// <summary>The form for a new agreement, or the facts part of an existing one's page.</summary>
public sealed record AgreementFormPage(int? Id, AgreementForm Form, AgreementChoices Choices, ConcurrencyConflict? Conflict = null);

public sealed record BudgetLineView(int Id, int Ordinal, string Name, string? ResultsHeading, IReadOnlyDictionary<int, long> PlannedByYear, bool InUse);

/// <summary>An existing agreement's admin page: its facts, its years and its budget lines.</summary>
public sealed record AgreementEditPage(
    AgreementFormPage Facts,
    IReadOnlyList<ImplementationYear> Years,
    IReadOnlyList<BudgetLineView> Lines,
    IReadOnlyList<int> YearsWithData);

/// <param name="LineId">Null for a new line.</param>
/// <param name="FrozenYears">Approved years: their planned amounts are shown but cannot change.</param>
public sealed record BudgetLinePage(int AgreementId, string AgreementTitle, int? LineId, BudgetLineForm Form, IReadOnlyList<ImplementationYear> Years, IReadOnlySet<int> FrozenYears);
