using SkiaSharp;

namespace ZemgaleNvo.Pdf.Layout;

/// <summary>
/// Lays out a <see cref="TableSpec"/> row by row. A row that does not fit moves to the next
/// page (after the repeated header); a row taller than an empty page is split line by line.
/// </summary>
internal sealed class TableBlock(TableSpec spec) : Block
{
    public override void Layout(LayoutContext context, int index)
    {
        var style = spec.TextStyle ?? context.Styles.TableText;
        var widths = ResolveWidths(context.Width);
        var header = spec.HeaderCells is { } headerCells ? LayOutRow(context, headerCells, FontEmphasis.Bold, style, widths) : null;
        var headerHeight = header is null ? 0f : RowHeight(header, style);
        var padding2 = 2 * spec.CellPadding;
        var repeatedHeaderHeight = spec.RepeatHeader ? headerHeight : 0f;
        var pageCapacity = context.ContentHeight - repeatedHeaderHeight;

        if (!context.AtPageTop)
        {
            context.Y += spec.SpaceBefore;
        }

        // The header must not end a page alone: keep it with the first row (or its first line).
        var firstRow = spec.Rows.Count > 0 ? LayOutRow(context, spec.Rows[0].Cells, Emphasis(spec.Rows[0]), style, widths) : null;
        var firstHeight = firstRow is null ? 0f : RowHeight(firstRow, style);
        context.EnsureRoom(headerHeight + (firstHeight <= pageCapacity ? firstHeight : padding2 + style.LineHeight));
        context.Begin(StructureTag.Table);
        if (header is not null)
        {
            PlaceRow(context, header, widths, style, 0, LineCount(header), headerHeight, spec.HeaderBackground, RowRole.Header);
        }

        for (var r = 0; r < spec.Rows.Count; r++)
        {
            var row = spec.Rows[r];
            var cells = r == 0 ? firstRow! : LayOutRow(context, row.Cells, Emphasis(row), style, widths);
            var lines = LineCount(cells);
            var height = RowHeight(cells, style);
            if (context.Fits(height))
            {
                PlaceRow(context, cells, widths, style, 0, lines, height, row.Background);
                continue;
            }

            if (height <= pageCapacity)
            {
                ContinueOnNewPage(context, header, widths, style, headerHeight);
                PlaceRow(context, cells, widths, style, 0, lines, height, row.Background);
                continue;
            }

            // Taller than any page: fill what is left of this page, then continue line by line.
            var from = 0;
            var freshPage = false;
            while (from < lines)
            {
                var fit = (int)Math.Floor((context.Bottom - context.Y - padding2 + 0.01f) / style.LineHeight);
                if (fit < 1)
                {
                    if (freshPage)
                    {
                        throw new InvalidOperationException("The table's header leaves no room for a line of a row on a page.");
                    }

                    ContinueOnNewPage(context, header, widths, style, headerHeight);
                    freshPage = true;
                    continue;
                }

                var count = Math.Min(fit, lines - from);
                PlaceRow(context, cells, widths, style, from, count, padding2 + (count * style.LineHeight), row.Background);
                from += count;
                if (from < lines)
                {
                    ContinueOnNewPage(context, header, widths, style, headerHeight);
                    freshPage = true;
                }
            }
        }

        context.End();
        context.Y += spec.SpaceAfter;
    }

    /// <summary>How a row is tagged: header cells, data cells, or a repeated header that screen readers skip.</summary>
    private enum RowRole
    {
        Data,
        Header,
        RepeatedHeader,
    }

    public override float LeadHeight(LayoutContext context, int index)
    {
        var style = spec.TextStyle ?? context.Styles.TableText;
        var headerHeight = spec.HeaderCells is { } headerCells
            ? RowHeight(LayOutRow(context, headerCells, FontEmphasis.Bold, style, ResolveWidths(context.Width)), style)
            : 0f;
        return spec.SpaceBefore + headerHeight + (2 * spec.CellPadding) + style.LineHeight;
    }

    private static FontEmphasis Emphasis(TableRow row) => row.Bold ? FontEmphasis.Bold : FontEmphasis.None;

    private static int LineCount(TextBlockLayout[] cells)
    {
        var lines = 1;
        foreach (var cell in cells)
        {
            lines = Math.Max(lines, cell.LineCount);
        }

        return lines;
    }

    private float RowHeight(TextBlockLayout[] cells, TextStyle style) => (2 * spec.CellPadding) + (LineCount(cells) * style.LineHeight);

    private void ContinueOnNewPage(LayoutContext context, TextBlockLayout[]? header, float[] widths, TextStyle style, float headerHeight)
    {
        context.NewPage();
        if (header is not null && spec.RepeatHeader)
        {
            PlaceRow(context, header, widths, style, 0, LineCount(header), headerHeight, spec.HeaderBackground, RowRole.RepeatedHeader);
        }
    }

    /// <summary>Fixed columns get their points; relative ones share the rest by weight. Too-wide fixed columns shrink to fit.</summary>
    private float[] ResolveWidths(float available)
    {
        var columns = spec.Columns;
        float fixedSum = 0, weightSum = 0;
        foreach (var column in columns)
        {
            if (column.IsFixed)
            {
                fixedSum += column.Width;
            }
            else
            {
                weightSum += column.Width;
            }
        }

        var scale = fixedSum > available ? available / fixedSum : 1f;
        var remaining = Math.Max(0f, available - fixedSum);
        var widths = new float[columns.Count];
        for (var i = 0; i < widths.Length; i++)
        {
            widths[i] = columns[i].IsFixed ? columns[i].Width * scale : remaining * columns[i].Width / weightSum;
        }

        return widths;
    }

    private TextBlockLayout[] LayOutRow(LayoutContext context, IReadOnlyList<string> cells, FontEmphasis emphasis, TextStyle style, float[] widths)
    {
        var result = new TextBlockLayout[widths.Length];
        for (var i = 0; i < widths.Length; i++)
        {
            var span = new TextSpan(i < cells.Count ? cells[i] ?? string.Empty : string.Empty, emphasis);
            result[i] = context.Text.Layout(new ReadOnlySpan<TextSpan>(in span), style, widths[i] - (2 * spec.CellPadding), spec.Columns[i].Alignment);
        }

        return result;
    }

    /// <summary>
    /// Places lines [from, from + count) of every cell of a row as one band of the given height:
    /// first the shading and borders (artifacts), then the row's cells in reading order.
    /// </summary>
    private void PlaceRow(LayoutContext context, TextBlockLayout[] cells, float[] widths, TextStyle style, int from, int count, float height, SKColor? background, RowRole role = RowRole.Data)
    {
        var top = context.Y;
        var left = context.Left;
        if (background is not null || spec.BorderWidth > 0)
        {
            context.Begin(StructureTag.Artifact);
            if (background is { } color)
            {
                context.Add(PageOp.ForFill(new SKRect(left, top, left + widths.Sum(), top + height), color));
            }

            if (spec.BorderWidth > 0)
            {
                var edge = left;
                for (var i = 0; i < cells.Length; i++)
                {
                    context.Add(PageOp.ForStroke(new SKRect(edge, top, edge + widths[i], top + height), spec.BorderColor, spec.BorderWidth));
                    edge += widths[i];
                }
            }

            context.End();
        }

        context.Begin(role == RowRole.RepeatedHeader ? StructureTag.Artifact : StructureTag.TableRow);
        var x = left;
        for (var i = 0; i < cells.Length; i++)
        {
            if (role != RowRole.RepeatedHeader)
            {
                context.Begin(role == RowRole.Header ? StructureTag.TableHeaderCell : StructureTag.TableDataCell);
            }

            var cell = cells[i];
            var end = Math.Min(from + count, cell.LineCount);
            for (var line = from; line < end; line++)
            {
                context.AddLine(cell, line, x + spec.CellPadding, top + spec.CellPadding + ((line - from) * style.LineHeight));
            }

            if (role != RowRole.RepeatedHeader)
            {
                context.End();
            }

            x += widths[i];
        }

        context.End();
        context.Y += height;
    }
}
