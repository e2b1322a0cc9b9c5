using System.Globalization;
using SkiaSharp;
using ZemgaleNvo.Domain.Checks;
using ZemgaleNvo.Pdf;
using ZemgaleNvo.Web.Formatting;

namespace ZemgaleNvo.Web.Features.Reports.Pdf;

/// <summary>
/// The parts the summary and the yearly report share: page, styles, the title block, the facts
/// table, results lists, funding sentences, budget tables and the findings annex. Only lays out
/// what the report model already holds; it computes no figure.
/// </summary>
internal abstract class ReportPdfComposer
{
    /// <summary>Left margin for binding, as official documents keep it; the rest 15–20 mm.</summary>
    private static readonly Margins PageMargins = new(
        Margins.FromMillimetres(30), Margins.FromMillimetres(20), Margins.FromMillimetres(15), Margins.FromMillimetres(20));

    private static readonly SKColor TotalShade = new(0xEE, 0xEE, 0xEE);
    private static readonly SKColor RuleColour = new(0x40, 0x40, 0x40);
    private static readonly SKColor QuietText = new(0x33, 0x33, 0x33);

    private const float TableFontSize = 8.5f;
    private const float BudgetFontSize = 8f;
    private const float SmallestBudgetFontSize = 6f;

    private static readonly DocumentStyles DocumentStyles = new()
    {
        Body = new TextStyle { Size = 10, LineSpacing = 1.3f },
        Paragraph = new ParagraphStyle { SpaceAfter = 4 },
        Headings =
        [
            // 1: the document's title, centred.
            new() { Text = new TextStyle { Size = 17, Emphasis = FontEmphasis.Bold, LineSpacing = 1.2f }, Alignment = TextAlignment.Center, SpaceAfter = 6, KeepWithNext = true },

            // 2: a section of the template ("Plānotais un faktiski izlietotais …").
            new() { Text = new TextStyle { Size = 11, Emphasis = FontEmphasis.Bold, LineSpacing = 1.25f }, SpaceBefore = 16, SpaceAfter = 6, KeepWithNext = true },

            // 3: an implementation year or a sub-part of a section.
            new() { Text = new TextStyle { Size = 10, Emphasis = FontEmphasis.Bold, LineSpacing = 1.3f }, SpaceBefore = 10, SpaceAfter = 4, KeepWithNext = true },
        ],
        TableText = new TextStyle { Size = TableFontSize, LineSpacing = 1.25f },
        ListIndent = 6,
        ListLabelWidth = 20,
        ListItemSpacing = 2.5f,
        ListSpaceAfter = 6,
    };

    private static readonly ParagraphStyle CentredTitle = new()
    {
        Text = new TextStyle { Size = 12, Emphasis = FontEmphasis.Bold, LineSpacing = 1.3f },
        Alignment = TextAlignment.Center,
        SpaceAfter = 2,
        KeepWithNext = true,
    };

    private static readonly ParagraphStyle CentredSubtitle = new()
    {
        Text = new TextStyle { Size = 11, LineSpacing = 1.3f },
        Alignment = TextAlignment.Center,
        SpaceAfter = 4,
        KeepWithNext = true,
    };

    /// <summary>A lead-in that must stay with what follows it (a strand's heading, a year's period).</summary>
    protected static readonly ParagraphStyle Lead = new() { SpaceBefore = 4, SpaceAfter = 2, KeepWithNext = true };

    protected static readonly ParagraphStyle Note = new()
    {
        Text = new TextStyle { Size = 8.5f, Color = QuietText, LineSpacing = 1.3f },
        SpaceAfter = 6,
    };

    protected ReportPdfComposer(SummaryReport report, ReportFormat format, FontSet fonts)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(fonts);
        Report = report;
        Format = format;
        Fonts = fonts;
        Text = new ReportText(format);
        Wording = new PdfWording(format);
        Budget = BudgetTable.For(report, Text);
    }

    protected SummaryReport Report { get; }

    protected ReportAgreement Agreement => Report.Agreement;

    protected ReportFormat Format { get; }

    protected FontSet Fonts { get; }

    protected ReportText Text { get; }

    protected PdfWording Wording { get; }

    /// <summary>The budget table, computed once for every table of the document.</summary>
    protected BudgetTable Budget { get; }

    /// <summary>"2022-2025", as the template writes the period after the title.</summary>
    protected string PeriodYears => string.Create(CultureInfo.InvariantCulture, $"{Agreement.PeriodStart.Year}-{Agreement.PeriodEnd.Year}");

    /// <summary>Lays the document out and writes it.</summary>
    protected byte[] Render(DocumentInfo info)
    {
        var page = new PageSetup
        {
            Margins = PageMargins,
            HeaderText = Agreement.Title,
            FooterFormat = Text.Page,
        };
        var builder = new PdfDocumentBuilder(Fonts, page, DocumentStyles);
        Compose(builder);
        using var stream = new MemoryStream();

        // With a given creation time the same report gives the same bytes (the layer derives the document id from the content).
        builder.Render(stream, info with { Language = Format.LanguageTag });
        return stream.ToArray();
    }

    protected abstract void Compose(PdfDocumentBuilder document);

    /// <summary>The document's title, the agreement's title and a line under them, centred.</summary>
    protected static void ComposeTitle(PdfDocumentBuilder document, string title, string subject, string period)
    {
        document.Heading(title, 1);
        document.Paragraph(subject, CentredTitle);
        document.Paragraph(period, CentredSubtitle);
        // A decoration (no alternative text): screen readers skip it.
        document.Drawing(10, context =>
        {
            var y = context.Area.Top + 4;
            context.DrawLine(context.Area.Left, y, context.Area.Right, y, RuleColour, 0.75f);
        });
    }

    /// <summary>The label | value rows the template opens (and closes) with.</summary>
    protected static TableSpec FactsTable(IEnumerable<(string Label, string Value)> rows)
    {
        var table = new TableSpec(TableColumn.Relative(1.35f), TableColumn.Relative(2))
        {
            TextStyle = new TextStyle { Size = 9.5f, LineSpacing = 1.3f },
            CellPadding = 4,
            SpaceBefore = 6,
            SpaceAfter = 10,
        };
        foreach (var (label, value) in rows)
        {
            table.Row(label, value);
        }

        return table;
    }

    protected IEnumerable<(string Label, string Value)> AgreementFacts() =>
    [
        (Text.Region, Agreement.Region),
        (Text.Task, Agreement.TaskText),
        (Text.Performer, Agreement.Performer),
        (Text.DelegationPeriod, Format.LongPeriod(Agreement.PeriodStart, Agreement.PeriodEnd)),
    ];

    /// <summary>
    /// A year's results, strand by strand: the strand's heading (if it has one) and the numbered
    /// list. Items end with ";" and the last with ".", as the template punctuates them.
    /// With <paramref name="detailed"/> each item also gets its indicators, dates and place.
    /// </summary>
    protected void ComposeStrands(PdfDocumentBuilder document, ReportYear year, bool detailed)
    {
        foreach (var strand in year.Strands)
        {
            document.Paragraph([TextSpan.Bold(Text.StrandHeading(strand.Line))], Lead);

            if (strand.Results.Count == 0)
            {
                document.Paragraph([TextSpan.Italic(Text.NoResultsFor(strand.Line))]);
                continue;
            }

            var items = new List<IReadOnlyList<TextSpan>>(strand.Results.Count);
            for (var i = 0; i < strand.Results.Count; i++)
            {
                var result = strand.Results[i];
                var itemText = ReportText.ListItem(result.Text, last: i == strand.Results.Count - 1);
                var details = detailed ? ResultDetails(result) : null;
                items.Add(details is null ? [TextSpan.Plain(itemText)] : [TextSpan.Plain(itemText + "\n"), TextSpan.Italic(details)]);
            }

            document.NumberedList(items, "{0})");
        }

        if (year.EvaluationText is { } evaluation)
        {
            document.Paragraph([TextSpan.Bold(Text.Evaluation + ": "), TextSpan.Plain(evaluation)], Lead with { KeepWithNext = false, SpaceAfter = 6 });
        }
    }

    /// <summary>
    /// One year of the funding section in the template's words: the period, "Plānots … t.sk." with
    /// a line per budget line, "Faktiski … t.sk." likewise, and the carry-over note in italic.
    /// </summary>
    protected void ComposeYearFunding(PdfDocumentBuilder document, ReportYear year)
    {
        document.Paragraph([TextSpan.Bold(Format.Period(year.Start, year.End))], Lead with { SpaceBefore = 8 });
        document.Paragraph(Text.PlannedLead(year), Lead with { SpaceBefore = 0 });
        document.BulletList(AmountLines(year.Budget, b => b.PlannedCents), "-");
        document.Paragraph(Text.ActualLead(year), Lead with { SpaceBefore = 0 });
        document.BulletList(AmountLines(year.Budget, b => b.ActualCents), "-");
        if (Text.CarryOverNote(year) is { } note)
        {
            document.Paragraph([TextSpan.Italic(note)]);
        }
    }

    /// <summary>
    /// The budget table as the PDF lays it out: one table per budget line (its years as rows, the
    /// line's whole-period totals last) and one table of all lines together (the years' totals and
    /// the grand total), all from the rows of <see cref="Budget"/>. The reallocation columns are
    /// left out when no year moved money between lines.
    /// </summary>
    /// <summary>Issue 13: the period's unspent money to return and overspend, per line, in the summary and the last year's report.</summary>
    protected void ComposeReturns(PdfDocumentBuilder document)
    {
        document.Heading(Text.ReturnsSection, 3);
        foreach (var note in Text.ReturnNotes(Report))
        {
            document.Paragraph(note);
        }
        var table = new TableSpec(
            TableColumn.Relative(2f),
            TableColumn.Fixed(90, TextAlignment.Right),
            TableColumn.Fixed(90, TextAlignment.Right))
        {
            TextStyle = new TextStyle { Size = TableFontSize, LineSpacing = 1.25f },
        }.Header(Text.Line, Text.UnspentToReturn, Text.Overspent);
        foreach (var line in Report.Returns)
        {
            table.Row(line.Line.Name, Format.Money(line.UnspentToReturnCents), Format.Money(line.OverspentCents));
        }
        table.Row(Text.Total, Format.Money(Report.UnspentToReturnCents), Format.Money(Report.OverspentCents));
        document.Table(table);
    }

    protected void ComposeBudgetTables(PdfDocumentBuilder document)
    {
        var withReallocations = Budget.HasReallocations;
        var amountColumns = Budget.AmountColumns
            .Where(c => withReallocations || c.Amount is not (BudgetAmount.ReallocatedIn or BudgetAmount.ReallocatedOut))
            .ToList();
        List<string> header = [Budget.YearHeading, .. amountColumns.Select(c => c.Heading), Budget.ExecutionHeading];

        TableRow Row(BudgetRow row)
        {
            string[] cells =
            [
                row.YearLabel,
                .. amountColumns.Select(c => row[c.Amount] is { } cents ? Format.Money(cents) : string.Empty),
                row.HasExecution ? Format.Percent(row.ExecutionPercent) : string.Empty,
            ];
            return row.IsPeriod ? new TableRow(cells, Bold: true, Background: TotalShade) : new TableRow(cells);
        }

        var tables = new List<(string Caption, List<TableRow> Rows)>();
        foreach (var line in Report.Lines)
        {
            tables.Add((Wording.LineCaption(line), [.. Budget.Rows.Where(r => r.Line?.Id == line.Id).Select(Row)]));
        }

        tables.Add((Wording.TotalAllLines, [.. Budget.Rows.Where(r => r.Line is null).Select(Row)]));

        // One font size and one set of column widths for every table, so their columns line up.
        var (style, columns) = BudgetColumns(document.Page.ContentWidth, header, tables.SelectMany(t => t.Rows));
        foreach (var (caption, rows) in tables)
        {
            document.Paragraph([TextSpan.Bold(caption)], Lead with { SpaceBefore = 6 });
            var table = new TableSpec(columns) { TextStyle = style, CellPadding = 2.5f, SpaceBefore = 2, SpaceAfter = 6 }.Header([.. header]);
            foreach (var row in rows)
            {
                table.AddRow(row);
            }

            document.Table(table);
        }

        if (!withReallocations)
        {
            document.Paragraph(Wording.NoReallocationColumns, Note);
        }
    }

    /// <summary>
    /// The portal's findings as an annex on a page of its own: severity, year and message, each with
    /// the performer's explanation under it; then the explanations of findings no longer found.
    /// </summary>
    protected void ComposeFindingsAnnex(PdfDocumentBuilder document, IReadOnlyList<ConsistencyFinding> findings, int? yearNumber = null)
    {
        var past = Report.PastExplanations(yearNumber);
        document.PageBreak();
        document.Heading(Text.FindingsSection, 2);
        document.Paragraph(Text.FindingsIntro, Note);
        if (findings.Count == 0)
        {
            document.Paragraph(Text.NoFindings);
            ComposePastExplanations(document, past);
            return;
        }

        var table = new TableSpec(TableColumn.Fixed(74), TableColumn.Fixed(34, TextAlignment.Center), TableColumn.Relative(1))
        {
            TextStyle = new TextStyle { Size = TableFontSize, LineSpacing = 1.3f },
            CellPadding = 3.5f,
        }.Header(Text.Severity, Text.Year, Text.Finding);
        foreach (var finding in findings)
        {
            var explanation = Report.ExplanationOf(finding);
            table.Row(
                Text.SeverityName(finding.Severity),
                finding.YearNumber is { } number ? ReportFormat.Roman(number) : "–",
                explanation is null
                    ? finding.Message(Format.Culture)
                    : finding.Message(Format.Culture) + "\n" + Text.ExplanationBy(explanation) + ": " + explanation.Text);
        }

        document.Table(table);
        ComposePastExplanations(document, past);
    }

    private void ComposePastExplanations(PdfDocumentBuilder document, IReadOnlyList<ReportExplanation> past)
    {
        if (past.Count == 0)
        {
            return;
        }
        document.Heading(Text.PastExplanations, 3);
        foreach (var explanation in past)
        {
            document.Paragraph(ReportFormat.Roman(explanation.Key.YearNumber) + ". " + Text.ExplanationBy(explanation) + ": " + explanation.Text, Note);
        }
    }

    /// <summary>The non-compliant expenditure items as a table.</summary>
    protected TableSpec NonComplianceTable(IEnumerable<ReportNonCompliance> items)
    {
        var table = new TableSpec(
            TableColumn.Fixed(34, TextAlignment.Center),
            TableColumn.Relative(1.3f),
            TableColumn.Fixed(62, TextAlignment.Right),
            TableColumn.Relative(1.6f),
            TableColumn.Fixed(62, TextAlignment.Right),
            TableColumn.Fixed(62, TextAlignment.Right))
        {
            TextStyle = new TextStyle { Size = TableFontSize, LineSpacing = 1.25f },
        }.Header(Text.Year, Text.Line, Text.Amount, Text.Reason, Text.Recovered, Wording.NotRecovered);
        foreach (var item in items)
        {
            table.Row(
                ReportFormat.Roman(item.YearNumber),
                item.Line.Name,
                Format.Money(item.AmountCents),
                NonComplianceDetails(item),
                Format.Money(item.RecoveredCents),
                Format.Money(item.UnrecoveredCents));
        }

        return table;
    }

    /// <summary>The reason, the ministry's decision and each repayment of a non-compliant case, for its table row.</summary>
    private string NonComplianceDetails(ReportNonCompliance item)
    {
        var text = Text.Decision(item) is { } decision ? $"{item.Reason} ({decision})" : item.Reason;
        if (item.Recoveries.Count > 0)
        {
            return text + $"; {Text.Recovered}: " + string.Join(", ", item.Recoveries.Select(Text.RecoveryLine));
        }
        return item.RecoveredOn is { } on ? $"{text} ({Text.Recovered}: {Format.Date(on)})" : text;
    }

    private IEnumerable<string> AmountLines(IReadOnlyList<ReportLineBudget> budget, Func<ReportLineBudget, long> cents) =>
        budget.Select((b, i) => ReportText.ListItem(Text.LineAmount(cents(b), b.Line), last: i == budget.Count - 1));

    /// <summary>"Rādītāji: vairāk kā 60 konsultācijas · Laiks: 28.01.2023. · Vieta: Bauska", or null when the result has none of these.</summary>
    private string? ResultDetails(ReportResult result)
    {
        var parts = new List<string>(3);
        if (result.Indicators.Count > 0)
        {
            parts.Add($"{Wording.Indicators}: {string.Join(", ", result.Indicators.Select(i => Format.Indicator(i.Count, i.Unit, i.Qualifier)))}");
        }

        if (result.StartDate is { } start)
        {
            var when = result.EndDate is { } end && end != start ? Format.Period(start, end) : Format.Date(start);
            parts.Add($"{Wording.When}: {when}");
        }

        if (!string.IsNullOrWhiteSpace(result.Place))
        {
            parts.Add($"{Wording.Place}: {result.Place}");
        }

        return parts.Count == 0 ? null : string.Join(" · ", parts);
    }

    /// <summary>
    /// Picks the largest font size (8 pt down to 6 pt) at which every amount fits its column on
    /// one line and no header word has to be broken, then sizes the columns: the year column and
    /// the execution column as wide as their contents, the amounts sharing the rest.
    /// </summary>
    private (TextStyle Style, TableColumn[] Columns) BudgetColumns(float width, List<string> header, IEnumerable<TableRow> rows)
    {
        const float padding = 2.5f;
        var rowList = rows.ToList();
        var last = header.Count - 1;
        for (var size = BudgetFontSize; ; size -= 0.25f)
        {
            using var bold = Fonts.CreateFont(FontEmphasis.Bold, size);
            float Widest(IEnumerable<string> texts) => texts.Select(t => bold.MeasureText(t)).DefaultIfEmpty(0).Max() + (2 * padding) + 1;
            static IEnumerable<string> Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            IEnumerable<string> Column(int index) => rowList.Where(r => r.Cells.Count > index).Select(r => r.Cells[index]);

            // The year column fits "Visā periodā" on one line when the figures leave room for it, else its longest word.
            var labelWidth = Widest([.. Column(0), header[0]]);
            var shortLabelWidth = Widest([.. Column(0).SelectMany(Words), .. Words(header[0])]);
            var executionWidth = Widest([.. Column(last), .. Words(header[last])]);
            var amountWidth = Widest([.. Enumerable.Range(1, last - 1).SelectMany(Column), .. header.Skip(1).Take(last - 1).SelectMany(Words)]);
            var amounts = last - 1;
            if (labelWidth + executionWidth + (amounts * amountWidth) > width)
            {
                labelWidth = shortLabelWidth;
            }

            if (labelWidth + executionWidth + (amounts * amountWidth) <= width || size <= SmallestBudgetFontSize)
            {
                var columns = new TableColumn[header.Count];
                columns[0] = TableColumn.Fixed(labelWidth);
                for (var i = 1; i < last; i++)
                {
                    columns[i] = TableColumn.Relative(1, TextAlignment.Right);
                }

                columns[last] = TableColumn.Fixed(executionWidth, TextAlignment.Right);
                return (new TextStyle { Size = size, LineSpacing = 1.25f }, columns);
            }
        }
    }
}
