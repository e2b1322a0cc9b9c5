using System.ComponentModel.DataAnnotations;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Infrastructure.Data.Configurations;
using ZemgaleNvo.Web.Forms;

namespace ZemgaleNvo.Web.Features.Results;

/// <summary>A result (numbered activity) as its form posts it.</summary>
public sealed class ResultForm
{
    /// <summary>Blank indicator rows a form offers; more are added with "Pievienot rādītāju".</summary>
    public const int SpareIndicatorRows = 1;
    public const int MaxIndicators = 20;

    [Display(Name = "Virziens")]
    public int BudgetLineId { get; set; }

    [Required(ErrorMessage = "Ierakstiet rezultāta aprakstu.")]
    [StringLength(Limits.ActivityText, ErrorMessage = "Ne vairāk kā {1} zīmes.")]
    [Display(Name = "Rezultāts")]
    public string? Text { get; set; }

    [Display(Name = "Sākuma datums")]
    public DateOnly? StartDate { get; set; }

    [Display(Name = "Beigu datums")]
    public DateOnly? EndDate { get; set; }

    [StringLength(Limits.ShortText, ErrorMessage = "Ne vairāk kā {1} zīmes.")]
    [Display(Name = "Vieta")]
    public string? Place { get; set; }

    public List<IndicatorRow> Indicators { get; set; } = [];

    /// <summary>The version the user started from; 0 for a new result.</summary>
    public int Version { get; set; }

    /// <summary>Rows that say something; fully blank rows are the form's spare rows and are ignored.</summary>
    public IEnumerable<(int Index, IndicatorRow Row)> FilledIndicators =>
        Indicators.Select((row, index) => (index, row)).Where(r => !r.row.IsBlank);

    public static ResultForm From(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return new ResultForm
        {
            BudgetLineId = activity.BudgetLineId,
            Text = activity.Text,
            StartDate = activity.StartDate,
            EndDate = activity.EndDate,
            Place = activity.Place,
            Version = activity.Version,
            Indicators = activity.Indicators.OrderBy(i => i.Id)
                .Select(i => new IndicatorRow { Count = i.Count, Unit = i.Unit, Qualifier = i.Qualifier, PerformanceIndicatorId = i.PerformanceIndicatorId })
                .ToList(),
        };
    }

    /// <summary>Adds blank rows so the form always offers room for another indicator.</summary>
    public ResultForm WithSpareRows(int spare = SpareIndicatorRows)
    {
        while (Indicators.Count(r => r.IsBlank) < spare && Indicators.Count < MaxIndicators)
        {
            Indicators.Add(new IndicatorRow());
        }
        return this;
    }

    public void ApplyTo(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity.BudgetLineId = BudgetLineId;
        activity.Text = FormText.Clean(Text)!;
        activity.StartDate = StartDate;
        activity.EndDate = EndDate;
        activity.Place = FormText.Clean(Place);
        activity.Indicators.Clear();
        foreach (var (_, row) in FilledIndicators)
        {
            activity.Indicators.Add(new Indicator { Count = row.Count!.Value, Unit = FormText.Clean(row.Unit)!, Qualifier = row.Qualifier, PerformanceIndicatorId = row.PerformanceIndicatorId });
        }
    }
}

/// <summary>One indicator of a result: "vairāk kā 60 konsultācijas".</summary>
public sealed class IndicatorRow
{
    [Range(0, 1_000_000, ErrorMessage = "Skaitam jābūt no {1} līdz {2}.")]
    [Display(Name = "Skaits")]
    public int? Count { get; set; }

    [StringLength(Limits.ShortText, ErrorMessage = "Ne vairāk kā {1} zīmes.")]
    [Display(Name = "Mērvienība")]
    public string? Unit { get; set; }

    [Display(Name = "Precizējums")]
    public IndicatorQualifier Qualifier { get; set; }

    /// <summary>The agreement's performance indicator the count reports on; none for a free count.</summary>
    [Display(Name = "Līguma rādītājs")]
    public int? PerformanceIndicatorId { get; set; }

    public bool IsBlank => Count is null && string.IsNullOrWhiteSpace(Unit) && PerformanceIndicatorId is null;
}
