using System.Globalization;
using Microsoft.Extensions.Localization;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Money;
using ZemgaleNvo.Infrastructure.Data.Configurations;
using ZemgaleNvo.Web.Features.Years;
using ZemgaleNvo.Web.Forms;

namespace ZemgaleNvo.Web.Features.SpendingImport;

/// <summary>The columns of the import, in the template's order; the header names them (in any order).</summary>
public enum ImportColumn
{
    Date,
    Description,
    Supplier,
    DocumentNumber,
    Amount,
    BudgetLine,
}

/// <summary>One problem of one row: the column it is in, and what is wrong, in Latvian.</summary>
public sealed record ImportProblem(int Row, ImportColumn? Column, string Message);

/// <summary>One row as the preview shows it, and the entry it becomes when the whole file is clean.</summary>
public sealed record ImportRow(int Number, IReadOnlyList<string> Cells, SpendingEntry? Entry, IReadOnlyList<ImportProblem> Problems);

/// <summary>What the file comes to: every row with its problems, and the problems of the file itself.</summary>
public sealed record ImportCheck(IReadOnlyList<ImportRow> Rows, IReadOnlyList<ImportProblem> FileProblems)
{
    public IEnumerable<ImportProblem> AllProblems => FileProblems.Concat(Rows.SelectMany(r => r.Problems));

    public bool CanImport => FileProblems.Count == 0 && Rows.Count > 0 && Rows.All(r => r.Problems.Count == 0);
}

/// <summary>
/// The rules an imported spending row must meet: the same as the form's (a date in the year, an
/// amount as <see cref="MoneyInput"/> reads it in Latvian, a line of this agreement, the column
/// lengths), plus a document number used only once, in the file and in the year. Every problem names
/// its row and column.
/// </summary>
public sealed class SpendingImportRules(IStringLocalizer localizer)
{
    public const int MaxRows = 5000;

    /// <summary>Header texts each column is recognised by (compared without case, spaces and punctuation at the ends).</summary>
    private static readonly Dictionary<ImportColumn, string[]> HeaderNames = new()
    {
        [ImportColumn.Date] = ["datums", "date"],
        [ImportColumn.Description] = ["apraksts", "description"],
        [ImportColumn.Supplier] = ["piegādātājs", "supplier"],
        [ImportColumn.DocumentNumber] = ["dokumenta numurs", "dokumenta nr", "dok. nr", "document number"],
        [ImportColumn.Amount] = ["summa", "summa, euro", "summa, eur", "amount"],
        [ImportColumn.BudgetLine] = ["budžeta pozīcija", "pozīcija", "budget line"],
    };

    private static readonly ImportColumn[] Required = [ImportColumn.Date, ImportColumn.Description, ImportColumn.Amount, ImportColumn.BudgetLine];

    private static readonly string[] DateFormats = ["dd.MM.yyyy", "d.M.yyyy", "dd.MM.yyyy.", "d.M.yyyy.", "yyyy-MM-dd"];

    public string ColumnName(ImportColumn column) => column switch
    {
        ImportColumn.Date => localizer["Datums"],
        ImportColumn.Description => localizer["Apraksts"],
        ImportColumn.Supplier => localizer["Piegādātājs"],
        ImportColumn.DocumentNumber => localizer["Dokumenta numurs"],
        ImportColumn.Amount => localizer["Summa"],
        _ => localizer["Budžeta pozīcija"],
    };

    /// <summary>"Rinda 5, kolonna „Summa”: …" — a problem as the preview and the refusal list it.</summary>
    public string Describe(ImportProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem.Column is { } column
            ? localizer["Rinda {0}, kolonna „{1}”: {2}", problem.Row, ColumnName(column), problem.Message]
            : problem.Row > 0 ? localizer["Rinda {0}: {1}", problem.Row, problem.Message] : problem.Message;
    }

    public ImportCheck Check(ReadSheet sheet, OpenedYear opened, IReadOnlyCollection<string> documentNumbersOfYear)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(opened);
        if (sheet.Error is not null)
        {
            return new ImportCheck([], [new ImportProblem(0, null, localizer[sheet.Error])]);
        }
        var columns = MapHeader(sheet.Header);
        var missing = Required.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            return new ImportCheck([], [.. missing.Select(c => new ImportProblem(1, c, localizer["kolonnas nav virsrakstu rindā (pirmajā rindā jābūt kolonnu nosaukumiem, kā veidnē)."]))]);
        }
        if (sheet.Rows.Count == 0)
        {
            return new ImportCheck([], [new ImportProblem(0, null, localizer["Failā ir tikai virsrakstu rinda: nav neviena izdevuma."])]);
        }
        if (sheet.Rows.Count > MaxRows)
        {
            return new ImportCheck([], [new ImportProblem(0, null, localizer["Vienā failā var būt ne vairāk kā {0} rindas; sadaliet to vairākos.", MaxRows])]);
        }

        var lines = opened.Lines;
        var existing = new HashSet<string>(documentNumbersOfYear, StringComparer.OrdinalIgnoreCase);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var rows = new List<ImportRow>(sheet.Rows.Count);
        foreach (var row in sheet.Rows)
        {
            string Cell(ImportColumn column) => columns.TryGetValue(column, out var index) && index < row.Cells.Count ? row.Cells[index] : "";
            var problems = new List<ImportProblem>();
            void Problem(ImportColumn column, string message) => problems.Add(new ImportProblem(row.Number, column, message));

            DateOnly? date = null;
            var dateText = Cell(ImportColumn.Date);
            if (dateText.Length == 0)
            {
                Problem(ImportColumn.Date, localizer["datums nav norādīts."]);
            }
            else if (!DateOnly.TryParseExact(dateText, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                Problem(ImportColumn.Date, localizer["„{0}” nav datums formā dd.mm.gggg.", dateText]);
            }
            else if (!opened.Year.Period.Contains(parsed))
            {
                Problem(ImportColumn.Date, localizer["{0} nav šajā īstenošanas gadā ({1}).", Formatting.Display.Date(parsed), Formatting.Display.Period(opened.Year.StartDate, opened.Year.EndDate)]);
            }
            else
            {
                date = parsed;
            }

            var description = FormText.Clean(Cell(ImportColumn.Description));
            if (description is null)
            {
                Problem(ImportColumn.Description, localizer["norādiet aprakstu."]);
            }
            else if (description.Length > Limits.ShortText)
            {
                Problem(ImportColumn.Description, localizer["ne garāks par {0} rakstzīmēm.", Limits.ShortText]);
            }
            var supplier = FormText.Clean(Cell(ImportColumn.Supplier));
            if (supplier?.Length > Limits.ShortText)
            {
                Problem(ImportColumn.Supplier, localizer["ne garāks par {0} rakstzīmēm.", Limits.ShortText]);
            }
            var document = FormText.Clean(Cell(ImportColumn.DocumentNumber));
            if (document?.Length > Limits.Code)
            {
                Problem(ImportColumn.DocumentNumber, localizer["ne garāks par {0} rakstzīmēm.", Limits.Code]);
            }
            else if (document is not null && seen.TryGetValue(document, out var firstRow))
            {
                Problem(ImportColumn.DocumentNumber, localizer["dokumenta numurs „{0}” jau ir rindā {1}.", document, firstRow]);
            }
            else if (document is not null && existing.Contains(document))
            {
                Problem(ImportColumn.DocumentNumber, localizer["dokumenta numurs „{0}” šajā gadā jau ir ievadīts.", document]);
            }
            if (document is not null)
            {
                seen.TryAdd(document, row.Number);
            }

            var amount = MoneyInput.Parse(Cell(ImportColumn.Amount), MoneyLanguage.Latvian);
            if (!amount.IsValid)
            {
                Problem(ImportColumn.Amount, MoneyField.Message(amount.Error, localizer));
            }

            var lineText = Cell(ImportColumn.BudgetLine);
            var line = FindLine(lines, lineText);
            if (line is null)
            {
                Problem(ImportColumn.BudgetLine, lineText.Length == 0
                    ? localizer["norādiet budžeta pozīciju (numuru vai nosaukumu)."]
                    : localizer["„{0}” nav šī līguma budžeta pozīcija (norādiet numuru 1–{1} vai nosaukumu).", lineText, lines.Count]);
            }

            var entry = problems.Count == 0
                ? new SpendingEntry
                {
                    ImplementationYearId = opened.Year.Id,
                    BudgetLineId = line!.Id,
                    Date = date!.Value,
                    Description = description!,
                    Supplier = supplier,
                    DocumentNumber = document,
                    AmountCents = amount.Cents,
                }
                : null;
            rows.Add(new ImportRow(row.Number, row.Cells, entry, problems));
        }
        return new ImportCheck(rows, []);
    }

    private static Dictionary<ImportColumn, int> MapHeader(IReadOnlyList<string> header)
    {
        var map = new Dictionary<ImportColumn, int>();
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim().TrimEnd(':', '.', '*').Trim().ToLowerInvariant();
            foreach (var (column, names) in HeaderNames)
            {
                if (names.Contains(name) && !map.ContainsKey(column))
                {
                    map[column] = i;
                }
            }
        }
        return map;
    }

    /// <summary>A line by its number ("2", "2.") or its name, ignoring case.</summary>
    private static BudgetLine? FindLine(IReadOnlyList<BudgetLine> lines, string text)
    {
        var value = text.Trim().TrimEnd('.');
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number >= 1 && number <= lines.Count ? lines[number - 1] : null;
        }
        return value.Length == 0 ? null : lines.FirstOrDefault(l => string.Equals(l.Name.Trim(), value, StringComparison.OrdinalIgnoreCase));
    }
}
