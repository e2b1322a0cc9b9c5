using SkiaSharp;

namespace ZemgaleNvo.Pdf.Layout;

/// <summary>A piece of document content that knows how to place itself on pages.</summary>
internal abstract class Block
{
    /// <param name="index">The block's position in the document, for looking at the next block.</param>
    public abstract void Layout(LayoutContext context, int index);

    /// <summary>
    /// The least height of this block that must share a page with a keep-with-next block
    /// before it: its first line, or a table's header and first line.
    /// </summary>
    public abstract float LeadHeight(LayoutContext context, int index);

    /// <summary>A label drawn on a paragraph's first line, left of its text (a list number or bullet).</summary>
    protected readonly record struct Label(string Text, MeasuredFont Font, SKColor Color, float X);

    /// <summary>
    /// Places wrapped lines one by one, starting a new page whenever the next line does not fit.
    /// The lines are one structure element (<paramref name="tag"/>); with a label, a list item's
    /// label and body.
    /// </summary>
    protected static void PlaceLines(LayoutContext context, TextBlockLayout text, float x, float spaceBefore, float spaceAfter, StructureTag tag, Label? label = null)
    {
        if (!context.AtPageTop)
        {
            context.Y += spaceBefore;
        }

        var lines = Math.Max(text.LineCount, label is null ? 0 : 1);
        for (var line = 0; line < lines; line++)
        {
            context.EnsureRoom(text.LineHeight);
            if (line == 0)
            {
                // The label goes first so that text extraction reads "1) item", not "item 1)".
                if (label is { } l)
                {
                    context.Begin(StructureTag.Label);
                    context.AddText(l.Font, l.Color, l.Text, l.X, context.Y + text.BaselineOffset);
                    context.End();
                }

                context.Begin(tag);
            }

            if (line < text.LineCount)
            {
                context.AddLine(text, line, x, context.Y);
            }

            context.Y += text.LineHeight;
        }

        if (lines > 0)
        {
            context.End();
        }

        context.Y += spaceAfter;
    }
}

/// <summary>A paragraph or heading.</summary>
internal sealed class ParagraphBlock(TextSpan[] spans, ParagraphStyle style, TextStyle textStyle, StructureTag tag = StructureTag.Paragraph) : Block
{
    public override void Layout(LayoutContext context, int index)
    {
        var text = LayOutText(context);
        if (style.KeepWithNext)
        {
            context.EnsureRoom(Height(text) + context.LeadHeightAfter(index));
        }

        PlaceLines(context, text, context.Left + style.LeftIndent, style.SpaceBefore, style.SpaceAfter, tag);
    }

    public override float LeadHeight(LayoutContext context, int index) =>
        style.KeepWithNext
            ? Height(LayOutText(context)) + context.LeadHeightAfter(index)
            : style.SpaceBefore + textStyle.LineHeight;

    private TextBlockLayout LayOutText(LayoutContext context) =>
        context.Text.Layout(spans, textStyle, context.Width - style.LeftIndent, style.Alignment);

    private float Height(TextBlockLayout text) => style.SpaceBefore + (text.LineCount * text.LineHeight) + style.SpaceAfter;
}

/// <summary>A numbered or bulleted list: each label on the first line, the text hanging after it.</summary>
internal sealed class ListBlock(TextSpan[][] items, string[] labels, ParagraphStyle style, TextStyle textStyle) : Block
{
    private const float LabelGap = 4f;

    public override void Layout(LayoutContext context, int index)
    {
        var styles = context.Styles;
        var labelFont = context.Fonts.Get(textStyle);
        var labelBox = styles.ListLabelWidth;
        foreach (var label in labels)
        {
            labelBox = Math.Max(labelBox, labelFont.Measure(label) + LabelGap);
        }

        var labelX = context.Left + style.LeftIndent + styles.ListIndent;
        var textX = labelX + labelBox;
        context.Begin(StructureTag.List);
        for (var i = 0; i < items.Length; i++)
        {
            var text = context.Text.Layout(items[i], textStyle, context.Left + context.Width - textX, style.Alignment);
            var before = i == 0 ? style.SpaceBefore : styles.ListItemSpacing;
            var after = i == items.Length - 1 ? styles.ListSpaceAfter : 0f;
            context.Begin(StructureTag.ListItem);
            PlaceLines(context, text, textX, before, after, StructureTag.ListBody, new Label(labels[i], labelFont, textStyle.Color, labelX));
            context.End();
        }

        context.End();
    }

    public override float LeadHeight(LayoutContext context, int index) => style.SpaceBefore + textStyle.LineHeight;
}

/// <summary>Vertical space; dropped at the top of a page.</summary>
internal sealed class SpacerBlock(float height) : Block
{
    public override void Layout(LayoutContext context, int index)
    {
        if (context.AtPageTop)
        {
            return;
        }

        if (context.Fits(height))
        {
            context.Y += height;
        }
        else
        {
            context.NewPage();
        }
    }

    public override float LeadHeight(LayoutContext context, int index) => 0f;
}

/// <summary>Starts a new page, unless the current one is still empty (so no blank pages appear).</summary>
internal sealed class PageBreakBlock : Block
{
    public override void Layout(LayoutContext context, int index)
    {
        if (!context.AtPageTop)
        {
            context.NewPage();
        }
    }

    public override float LeadHeight(LayoutContext context, int index) => 0f;
}

/// <summary>
/// A caller-drawn area of fixed height, e.g. a chart: a figure with alternative text, or a
/// decoration (an artifact) when it has none. Moves whole to the next page when it does not fit.
/// </summary>
internal sealed class DrawingBlock(float height, Action<DrawingContext> draw, string? altText) : Block
{
    public override void Layout(LayoutContext context, int index)
    {
        context.EnsureRoom(height);
        var area = new SKRect(context.Left, context.Y, context.Left + context.Width, context.Y + height);
        context.Add(altText is null ? PageOp.ForBegin(StructureTag.Artifact) : PageOp.ForBegin(StructureTag.Figure, area, altText));
        context.Add(PageOp.ForDrawing(area, draw));
        context.End();
        context.Y += height;
    }

    public override float LeadHeight(LayoutContext context, int index) => height;
}
