using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Checks;
using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.Web.Formatting;

namespace ZemgaleNvo.Web.Features.Reports.Export;

/// <summary>
/// The summary as JSON for the open-data portal: language-neutral field names (camelCase), a
/// <c>schemaVersion</c>, amounts in euros as numbers with two decimals, ISO 8601 dates, UTF-8 with
/// Latvian letters as they are (not <c>\u0101</c>), indented. The schema is in docs/open-data.md.
/// Every figure is read from the <see cref="SummaryReport"/> model.
/// </summary>
public static class SummaryJson
{
    /// <summary>Raised in the minor part when fields are added, in the major part when any field changes meaning or goes.</summary>
    public const string SchemaVersion = "1.2";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = SummaryJsonContext.Default,
    };

    private static readonly JsonTypeInfo<SummaryJsonDocument> DocumentType =
        (JsonTypeInfo<SummaryJsonDocument>)Options.GetTypeInfo(typeof(SummaryJsonDocument));

    public static byte[] Render(SummaryReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return JsonSerializer.SerializeToUtf8Bytes(Document(report), DocumentType);
    }

    internal static SummaryJsonDocument Document(SummaryReport report)
    {
        var a = report.Agreement;
        var ordinals = report.Lines.ToDictionary(l => l.Id, l => l.Ordinal);
        return new SummaryJsonDocument(
            SchemaVersion,
            "EUR",
            new AgreementJson(
                a.Id, a.Number, AgreementType(a.Type), a.Title, a.TaskText,
                new RegionJson(a.RegionCode, a.Region),
                new PerformerJson(a.PerformerId, a.Performer),
                a.PeriodStart, a.PeriodEnd, Status(a.SummaryStatus)),
            report.Lines.Select(l => new LineJson(l.Id, l.Ordinal, l.Name, l.ResultsHeading)).ToList(),
            report.Years.Select(Year).ToList(),
            report.LineTotals.Select(t => new LineTotalJson(t.Line.Ordinal, Euros(t.PlannedCents), Euros(t.ActualCents),
                Euros(report.Returns.FirstOrDefault(r => r.Line.Id == t.Line.Id)?.UnspentToReturnCents ?? 0),
                Euros(report.Returns.FirstOrDefault(r => r.Line.Id == t.Line.Id)?.OverspentCents ?? 0))).ToList(),
            new TotalsJson(
                Euros(report.Totals.PlannedCents), Euros(report.Totals.ActualCents),
                Euros(report.UnspentToReturnCents), Euros(report.OverspentCents)),
            new NonComplianceJson(
                Euros(report.NonCompliantCents),
                Euros(report.UnrecoveredCents),
                report.NonCompliance.Select(n => new NonComplianceItemJson(
                    n.YearNumber, n.Line.Ordinal, Euros(n.AmountCents), n.Reason, Euros(n.RecoveredCents), n.RecoveredOn,
                    Euros(n.UnrecoveredCents))
                {
                    DecisionReference = n.DecisionReference,
                    DecidedOn = n.DecidedOn,
                    Recoveries = n.Recoveries.Select(r => new RecoveryJson(r.Date, Euros(r.AmountCents), r.Reference)).ToList(),
                }).ToList()),
            a.OtherInformation,
            report.Findings.Select(f => new FindingJson(
                f.RuleCode, Severity(f.Severity), f.YearNumber,
                f.BudgetLineId is { } id && ordinals.TryGetValue(id, out var ordinal) ? ordinal : null,
                f.ActivityId, f.MessageLv, f.MessageEn, f.IndicatorId,
                report.ExplanationOf(f) is { } e ? Explanation(e) : null)).ToList(),
            report.PastExplanations(null).Select(e => new PastExplanationJson(
                e.Key.RuleCode, e.Key.YearNumber,
                e.Key.BudgetLineId is { } id && ordinals.TryGetValue(id, out var ordinal) ? ordinal : null,
                e.Key.IndicatorId, Explanation(e))).ToList())
        {
            Indicators = report.Indicators.Select(i => new IndicatorTargetJson(
                i.IndicatorId, i.Ordinal, i.Name, i.Unit, Qualifier(i.Qualifier), i.YearNumber, i.Target,
                i.Achieved, Qualifier(i.AchievedQualifier), i.Met, i.Percent)).ToList(),
        };
    }

    private static ExplanationJson Explanation(ReportExplanation e) => new(
        e.Text, e.WrittenByName, Utc(e.WrittenAtUtc), e.AcceptedByName, e.AcceptedAtUtc is { } a ? Utc(a) : null,
        e.MoreRequestedAtUtc is { } m ? Utc(m) : null);

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private static YearJson Year(ReportYear year) => new(
        year.Number,
        ReportFormat.Roman(year.Number),
        year.Start,
        year.End,
        Status(year.Status),
        year.EvaluationText,
        year.ReportedActualTotalCents is { } reported ? Euros(reported) : null,
        year.Strands.Select(s => new StrandJson(
            s.Line.Ordinal,
            s.Results.Select(r => new ResultJson(
                r.Id, r.Ordinal, r.Text,
                r.Indicators.Select(i => new IndicatorJson(i.Count, i.Unit, Qualifier(i.Qualifier))).ToList(),
                r.StartDate, r.EndDate, r.Place)).ToList())).ToList(),
        year.Budget.Select(b => new LineBudgetJson(
            b.Line.Ordinal, Euros(b.PlannedCents), Euros(b.CarriedInCents), Euros(b.ReallocatedInCents), Euros(b.ReallocatedOutCents),
            Euros(b.AvailableCents), Euros(b.ActualCents), Euros(b.RemainingCents), Euros(b.CarriedOutCents), b.ExecutionPercent)).ToList(),
        new YearTotalsJson(
            Euros(year.PlannedCents), Euros(year.CarriedInCents), Euros(year.AvailableCents), Euros(year.ActualCents),
            Euros(year.RemainingCents), Euros(year.CarriedOutCents), year.ExecutionPercent),
        year.Reallocations.Select(r => new ReallocationJson(r.From.Ordinal, r.To.Ordinal, Euros(r.AmountCents), r.Reason, r.Reference)).ToList());

    /// <summary>Cents to euros with a scale of exactly two decimals, so 3000000 is written <c>30000.00</c>, 12080 <c>120.80</c>.</summary>
    internal static decimal Euros(long cents) => Domain.Money.Cents.ToEuros(cents);

    private static string AgreementType(AgreementType type) => type switch
    {
        Domain.Agreements.AgreementType.Delegation => "delegation",
        Domain.Agreements.AgreementType.Participation => "participation",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "An agreement type the open-data schema does not know."),
    };

    private static string Status(ReviewStatus status) => status switch
    {
        ReviewStatus.Draft => "draft",
        ReviewStatus.Submitted => "submitted",
        ReviewStatus.Returned => "returned",
        ReviewStatus.Approved => "approved",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "A review status the open-data schema does not know."),
    };

    private static string Qualifier(IndicatorQualifier qualifier) => qualifier switch
    {
        IndicatorQualifier.Exactly => "exactly",
        IndicatorQualifier.AtLeast => "atLeast",
        IndicatorQualifier.MoreThan => "moreThan",
        _ => throw new ArgumentOutOfRangeException(nameof(qualifier), qualifier, "An indicator qualifier the open-data schema does not know."),
    };

    private static string Severity(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => "error",
        FindingSeverity.Warning => "warning",
        FindingSeverity.Deviation => "deviation",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "A finding severity the open-data schema does not know."),
    };
}
