using ZemgaleNvo.Domain.Budget;
using ZemgaleNvo.Web.Features.Years;
using ZemgaleNvo.Web.Forms;

namespace ZemgaleNvo.Web.Features.SpendingGrid;

/// <summary>One budget line's stated total in the grid; the amount stays text so a refused grid comes back as typed.</summary>
public sealed class SpendingGridRow
{
    public int BudgetLineId { get; set; }

    public string? Amount { get; set; }

    /// <summary>The version of the saved total the grid started from; 0 when there was none.</summary>
    public int Version { get; set; }
}

public sealed class SpendingGridForm
{
    public List<SpendingGridRow> Lines { get; set; } = [];
}

/// <param name="ItemisedLines">Lines with itemised entries: their stated total is not counted, so the grid says so.</param>
public sealed record SpendingGridPage(OpenedYear Opened, YearBalance Balance, SpendingGridForm Form, IReadOnlySet<int> ItemisedLines, ConcurrencyConflict? Conflict = null);
