using ZemgaleNvo.Web.Formatting;

namespace ZemgaleNvo.Web.Features.Reports.Export;

/// <summary>
/// The summary as a spreadsheet, one sheet per section of the report, headings in the report's
/// language. Amounts are numbers in euros (format <c>#,##0.00</c>) and dates are real dates (format
/// <c>dd.mm.yyyy</c>), so Excel can sum and sort them. Every figure is read from the
/// <see cref="SummaryReport"/> model, the same one the page and the PDF show.
/// </summary>
public static class SummaryXlsx
{
    public static byte[] Render(SummaryReport report, ReportFormat format)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(format);
        var text = new ReportText(format);
        var words = new ExportText(format);
        return XlsxWorkbook.Write(
        [
            AgreementSheet(report, format, text, words),
            ResultsSheet(report, format, text, words),
            FundingSheet(BudgetTable.For(report, text), words),
            ReturnsSheet(report, text, words),
            IndicatorsSheet(IndicatorTable.For(report, format), words),
            SpendingSheet(report, text, words),
            ReallocationsSheet(report, text, words),
            NonComplianceSheet(report, format, text, words),
            FindingsSheet(report, format, text, words),
        ]);
    }

    private static XlsxSheet AgreementSheet(SummaryReport report, ReportFormat format, ReportText text, ExportText words)
    {
        var a = report.Agreement;
        var sheet = new XlsxSheet(words.AgreementSheet, [40, 100, 14, 22, 80]).Header(words.Field, words.Value);
        void Fact(string label, XlsxCell value) => sheet.Row(XlsxCell.Of(label, XlsxStyle.Bold), value);

        Fact(words.Title, XlsxCell.Of(a.Title, XlsxStyle.Wrap));
        Fact(words.Number, XlsxCell.Of(a.Number ?? format.None));
        Fact(words.Type, XlsxCell.Of(words.AgreementType(a.Type)));
        Fact(text.Region, XlsxCell.Of(a.Region));
        Fact(text.Task, XlsxCell.Of(a.TaskText, XlsxStyle.Wrap));
        Fact(text.Performer, XlsxCell.Of(a.Performer));
        Fact(words.PeriodStart, XlsxCell.Date(a.PeriodStart));
        Fact(words.PeriodEnd, XlsxCell.Date(a.PeriodEnd));
        Fact(text.Status, XlsxCell.Of(format.Status(a.SummaryStatus)));
        Fact(text.OtherInformation, XlsxCell.Of(a.OtherInformation ?? format.None, XlsxStyle.Wrap));

        // The implementation years, a small table of their own under the facts.
        sheet.Row();
        sheet.Row(
            XlsxCell.Of(text.Year, XlsxStyle.Header), XlsxCell.Of(words.Start, XlsxStyle.Header), XlsxCell.Of(words.End, XlsxStyle.Header),
            XlsxCell.Of(text.Status, XlsxStyle.Header), XlsxCell.Of(text.Evaluation, XlsxStyle.Header));
        foreach (var year in report.Years)
        {
            sheet.Row(
                XlsxCell.Of(format.YearName(year.Number)), XlsxCell.Date(year.Start), XlsxCell.Date(year.End),
                XlsxCell.Of(format.Status(year.Status)), XlsxCell.Of(year.EvaluationText, XlsxStyle.Wrap));
        }
        return sheet;
    }

    private static XlsxSheet ResultsSheet(SummaryReport report, ReportFormat format, ReportText text, ExportText words)
    {
        var sheet = new XlsxSheet(words.ResultsSheet, [8, 40, 6, 80, 40, 12, 12, 16])
            .Header(text.Year, text.Line, words.Ordinal, words.Result, words.Indicators, words.Start, words.End, words.Place);
        foreach (var year in report.Years)
        {
            foreach (var strand in year.Strands)
            {
                // Issue 13, 6: the strand is named above its results (the typed heading, else "Virziens „…”"),
                // and an empty strand says which strand it is, as the page and the PDF do.
                sheet.Row(XlsxCell.Of(ReportFormat.Roman(year.Number)), XlsxCell.Of(strand.Line.Name, XlsxStyle.Wrap), XlsxCell.Empty,
                    XlsxCell.Of(strand.Results.Count == 0 ? text.NoResultsFor(strand.Line) : text.StrandHeading(strand.Line), XlsxStyle.Bold));
                foreach (var result in strand.Results)
                {
                    var indicators = string.Join("; ", result.Indicators.Select(i => format.Indicator(i.Count, i.Unit, i.Qualifier)));
                    sheet.Row(
                        XlsxCell.Of(ReportFormat.Roman(year.Number)),
                        XlsxCell.Of(strand.Line.Name, XlsxStyle.Wrap),
                        XlsxCell.Integer(result.Ordinal),
                        XlsxCell.Of(result.Text, XlsxStyle.Wrap),
                        indicators.Length == 0 ? XlsxCell.Empty : XlsxCell.Of(indicators, XlsxStyle.Wrap),
                        XlsxCell.Date(result.StartDate),
                        XlsxCell.Date(result.EndDate),
                        XlsxCell.Of(result.Place));
                }
            }
        }
        return sheet;
    }

    private static XlsxSheet FundingSheet(BudgetTable table, ExportText words)
    {
        var sheet = new XlsxSheet(words.FundingSheet, [13, 45, 14, 14, 14, 14, 14, 14, 14, 14, 10]).Header(table.FlatHeadings());
        foreach (var row in table.Rows)
        {
            var bold = row.IsTotal;
            var label = bold ? XlsxStyle.Bold : XlsxStyle.Default;
            XlsxCell[] cells =
            [
                XlsxCell.Of(row.YearLabel, label),
                XlsxCell.Of(row.LineLabel, bold ? XlsxStyle.Bold : XlsxStyle.Wrap),
                .. row.Amounts.Select(cents => XlsxCell.Money(cents, bold)),
                XlsxCell.Percent(row.ExecutionPercent, bold),
            ];
            sheet.Row(cells);
        }
        return sheet;
    }

    /// <summary>Issue 13: per line, the unspent money to return to the state budget and the overspend, then the totals and the template's sentences.</summary>
    private static XlsxSheet ReturnsSheet(SummaryReport report, ReportText text, ExportText words)
    {
        var sheet = new XlsxSheet(words.ReturnsSheet, [60, 18, 18]).Header(text.Line, text.UnspentToReturn, text.Overspent);
        foreach (var line in report.Returns)
        {
            sheet.Row(XlsxCell.Of(line.Line.Name, XlsxStyle.Wrap), XlsxCell.Money(line.UnspentToReturnCents), XlsxCell.Money(line.OverspentCents));
        }
        sheet.Row(XlsxCell.Of(text.Total, XlsxStyle.Bold), XlsxCell.Money(report.UnspentToReturnCents, bold: true), XlsxCell.Money(report.OverspentCents, bold: true));
        foreach (var note in text.ReturnNotes(report))
        {
            sheet.Row(XlsxCell.Of(note, XlsxStyle.Wrap));
        }
        return sheet;
    }

    /// <summary>
    /// Target against achieved per indicator and year. Target and achieved stay text ("vismaz 8",
    /// "vairāk kā 60"): the qualifier is part of the figure, and a bare number would state more than
    /// the report does. The percentage is a number.
    /// </summary>
    private static XlsxSheet IndicatorsSheet(IndicatorTable table, ExportText words)
    {
        var sheet = new XlsxSheet(words.IndicatorsSheet, [60, 8, 16, 16, 10]).Header(table.FlatHeadings());
        foreach (var row in table.Rows)
        {
            sheet.Row(
                XlsxCell.Of(row.Indicator, XlsxStyle.Wrap),
                XlsxCell.Of(row.YearLabel),
                XlsxCell.Of(row.Target),
                XlsxCell.Of(row.Achieved, row.BelowTarget ? XlsxStyle.Bold : XlsxStyle.Default),
                XlsxCell.Percent(row.Percent, row.BelowTarget));
        }
        return sheet;
    }

    private static XlsxSheet SpendingSheet(SummaryReport report, ReportText text, ExportText words)
    {
        var sheet = new XlsxSheet(words.SpendingSheet, [8, 12, 40, 60, 30, 18, 14])
            .Header(text.Year, text.Date, text.Line, text.Description, text.Supplier, text.Document, text.Amount);
        foreach (var year in report.Years)
        {
            foreach (var s in year.Spending)
            {
                sheet.Row(
                    XlsxCell.Of(ReportFormat.Roman(year.Number)), XlsxCell.Date(s.Date), XlsxCell.Of(s.Line.Name, XlsxStyle.Wrap),
                    XlsxCell.Of(s.Description, XlsxStyle.Wrap), XlsxCell.Of(s.Supplier, XlsxStyle.Wrap), XlsxCell.Of(s.DocumentNumber),
                    XlsxCell.Money(s.AmountCents));
            }
        }
        return sheet;
    }

    private static XlsxSheet ReallocationsSheet(SummaryReport report, ReportText text, ExportText words)
    {
        var sheet = new XlsxSheet(words.ReallocationsSheet, [8, 40, 40, 14, 60, 20])
            .Header(text.Year, text.From, text.To, text.Amount, text.Reason, words.Reference);
        foreach (var year in report.Years)
        {
            foreach (var r in year.Reallocations)
            {
                sheet.Row(
                    XlsxCell.Of(ReportFormat.Roman(year.Number)), XlsxCell.Of(r.From.Name, XlsxStyle.Wrap), XlsxCell.Of(r.To.Name, XlsxStyle.Wrap),
                    XlsxCell.Money(r.AmountCents), XlsxCell.Of(r.Reason, XlsxStyle.Wrap), XlsxCell.Of(r.Reference));
            }
        }
        return sheet;
    }

    /// <summary>The items, then the two totals the template asks for; "Nav" when there is nothing, as the template has it.</summary>
    private static XlsxSheet NonComplianceSheet(SummaryReport report, ReportFormat format, ReportText text, ExportText words)
    {
        var sheet = new XlsxSheet(words.NonComplianceSheet, [8, 40, 14, 60, 14, 14, 14, 30, 14, 40])
            .Header(text.Year, text.Line, text.Amount, text.Reason, text.Recovered, words.RecoveredOn, text.Unrecovered,
                words.Decision, words.DecidedOn, words.Recoveries);
        foreach (var n in report.NonCompliance)
        {
            sheet.Row(
                XlsxCell.Of(ReportFormat.Roman(n.YearNumber)), XlsxCell.Of(n.Line.Name, XlsxStyle.Wrap), XlsxCell.Money(n.AmountCents),
                XlsxCell.Of(n.Reason, XlsxStyle.Wrap), XlsxCell.Money(n.RecoveredCents), XlsxCell.Date(n.RecoveredOn),
                XlsxCell.Money(n.UnrecoveredCents),
                XlsxCell.Of(n.DecisionReference ?? "", XlsxStyle.Wrap), XlsxCell.Date(n.DecidedOn),
                XlsxCell.Of(string.Join("\n", n.Recoveries.Select(text.RecoveryLine)), XlsxStyle.Wrap));
        }
        if (report.NonCompliance.Count == 0)
        {
            sheet.Row(XlsxCell.Of(format.None));
        }
        else
        {
            sheet.Row(
                XlsxCell.Of(text.Total, XlsxStyle.Bold), XlsxCell.Empty, XlsxCell.Money(report.NonCompliantCents, bold: true),
                XlsxCell.Empty, XlsxCell.Empty, XlsxCell.Empty, XlsxCell.Money(report.UnrecoveredCents, bold: true));
        }
        return sheet;
    }

    private static XlsxSheet FindingsSheet(SummaryReport report, ReportFormat format, ReportText text, ExportText words)
    {
        var sheet = new XlsxSheet(words.FindingsSheet, [14, 34, 8, 40, 100, 80])
            .Header(text.Severity, words.RuleCode, text.Year, text.Line, text.Finding, text.Explanation);
        var lines = report.Lines.ToDictionary(l => l.Id);
        foreach (var finding in report.Findings)
        {
            var line = finding.BudgetLineId is { } id && lines.TryGetValue(id, out var l) ? l.Name : null;
            sheet.Row(
                XlsxCell.Of(text.SeverityName(finding.Severity)),
                XlsxCell.Of(finding.RuleCode),
                XlsxCell.Of(finding.YearNumber is { } y ? ReportFormat.Roman(y) : null),
                XlsxCell.Of(line, XlsxStyle.Wrap),
                XlsxCell.Of(finding.Message(format.Culture), XlsxStyle.Wrap),
                XlsxCell.Of(report.ExplanationOf(finding) is { } explanation ? text.ExplanationBy(explanation) + ": " + explanation.Text : null, XlsxStyle.Wrap));
        }
        foreach (var explanation in report.PastExplanations(null))
        {
            // Explanations of findings no longer found: history, with no finding beside them.
            sheet.Row(
                XlsxCell.Of(text.PastExplanations),
                XlsxCell.Of(explanation.Key.RuleCode),
                XlsxCell.Of(ReportFormat.Roman(explanation.Key.YearNumber)),
                XlsxCell.Of(explanation.Key.BudgetLineId is { } lineId && lines.TryGetValue(lineId, out var pastLine) ? pastLine.Name : null, XlsxStyle.Wrap),
                XlsxCell.Empty,
                XlsxCell.Of(text.ExplanationBy(explanation) + ": " + explanation.Text, XlsxStyle.Wrap));
        }
        if (report.Findings.Count == 0)
        {
            sheet.Row(XlsxCell.Of(text.NoFindings));
        }
        return sheet;
    }
}
