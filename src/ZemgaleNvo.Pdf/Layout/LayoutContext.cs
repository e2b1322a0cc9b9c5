using SkiaSharp;

namespace ZemgaleNvo.Pdf.Layout;

/// <summary>
/// The first pass: blocks place themselves here, moving a cursor down the content area and
/// starting new pages. Y grows downwards from the top of the page, as on an SKCanvas.
/// </summary>
internal sealed class LayoutContext
{
    private const float Tolerance = 0.01f;
    private readonly IReadOnlyList<Block> _blocks;

    public LayoutContext(PageSetup page, DocumentStyles styles, FontCache fonts, IReadOnlyList<Block> blocks)
    {
        Page = page;
        Styles = styles;
        Fonts = fonts;
        Text = new TextLayouter(fonts);
        _blocks = blocks;
        Left = page.Margins.Left;
        Top = page.Margins.Top;
        Width = page.ContentWidth;
        Bottom = page.Height - page.Margins.Bottom;
        if (Width <= 0 || Bottom <= Top)
        {
            throw new ArgumentException("The margins leave no room for content.", nameof(page));
        }

        NewPage();
    }

    public PageSetup Page { get; }

    public DocumentStyles Styles { get; }

    public FontCache Fonts { get; }

    public TextLayouter Text { get; }

    public List<LayoutPage> Pages { get; } = [];

    public LayoutPage Current { get; private set; } = null!;

    public float Y { get; set; }

    public float Left { get; }

    public float Top { get; }

    public float Width { get; }

    public float Bottom { get; }

    /// <summary>Nothing placed on the current page yet: spacing before is dropped and nothing moves on.</summary>
    public bool AtPageTop => Y <= Top + Tolerance;

    public float ContentHeight => Bottom - Top;

    public void LayOut()
    {
        for (var i = 0; i < _blocks.Count; i++)
        {
            _blocks[i].Layout(this, i);
        }
    }

    public void NewPage()
    {
        Current = new LayoutPage();
        Pages.Add(Current);
        Y = Top;
    }

    public bool Fits(float height) => Y + height <= Bottom + Tolerance;

    /// <summary>Starts a new page unless <paramref name="height"/> fits here or the page is still empty.</summary>
    public void EnsureRoom(float height)
    {
        if (!Fits(height) && !AtPageTop)
        {
            NewPage();
        }
    }

    /// <summary>The least height that must follow block <paramref name="index"/> on the same page when that block keeps with the next.</summary>
    public float LeadHeightAfter(int index) => index + 1 < _blocks.Count ? _blocks[index + 1].LeadHeight(this, index + 1) : 0f;

    public void AddLine(TextBlockLayout text, int line, float x, float top)
    {
        var baseline = top + text.BaselineOffset;
        var end = text.LineEnd(line);
        for (var f = text.LineStarts[line]; f < end; f++)
        {
            var fragment = text.Fragments[f];
            Current.Ops.Add(PageOp.ForText(fragment.Font, fragment.Color, fragment.Source, fragment.Start, fragment.Length, x + fragment.X, baseline));
        }

        // A line that wrapped at a space keeps that space, drawn invisibly after its last letter:
        // a screen reader (and copy and paste) then reads "two words", not "twowords", across lines.
        if (line + 1 < text.LineCount && end > text.LineStarts[line])
        {
            var last = text.Fragments[end - 1];
            var next = last.Start + last.Length;
            if (next < last.Source.Length && last.Source[next] == ' ')
            {
                var width = last.Font.Measure(last.Source.AsSpan(last.Start, last.Length));
                Current.Ops.Add(PageOp.ForText(last.Font, last.Color, last.Source, next, 1, x + last.X + width, baseline));
            }
        }
    }

    public void Add(PageOp op) => Current.Ops.Add(op);

    public void AddText(MeasuredFont font, SKColor color, string text, float x, float baseline) =>
        Current.Ops.Add(PageOp.ForText(font, color, text, 0, text.Length, x, baseline));

    /// <summary>Opens a structure element on the current page; it may be closed on a later one.</summary>
    public void Begin(StructureTag tag) => Current.Ops.Add(PageOp.ForBegin(tag));

    public void End() => Current.Ops.Add(PageOp.ForEnd());
}
