using SkiaSharp;
using ZemgaleNvo.Pdf.Writing;

namespace ZemgaleNvo.Pdf.Layout;

/// <summary>
/// Turns a page's ops into its content stream and the document's structure tree: every piece
/// of content is either marked as content of the innermost open structure element (with an
/// MCID) or as an artifact, as PDF/UA requires.
/// </summary>
/// <remarks>
/// The open elements live on a stack that continues from one page to the next (a table
/// that breaks across pages is one Table element). A marked-content sequence is opened lazily
/// at the first content of an element and closed at the next begin/end op or the page end, so
/// consecutive ops of one cell share one MCID.
/// </remarks>
internal sealed class PageCanvas
{
    private const int ArtifactEntry = -1;
    private const int NothingOpen = -1;
    private const int AutomaticArtifact = -2;

    private readonly PdfOutput _pdf;
    private readonly ContentStream _content;
    private readonly StructureTree _tree;
    private readonly FontCache _fonts;
    private readonly DocumentFont?[] _documentFonts = new DocumentFont?[4];
    private readonly Stack<int> _open = new();

    // The element whose marked content is open in the stream, or AutomaticArtifact, or NothingOpen.
    private int _marked = NothingOpen;

    public PageCanvas(PdfOutput pdf, ContentStream content, StructureTree tree, FontCache fonts)
    {
        _pdf = pdf;
        _content = content;
        _tree = tree;
        _fonts = fonts;
    }

    public FontCache Fonts => _fonts;

    public void StartPage(float pageHeight)
    {
        _content.Start(pageHeight);
        _tree.StartPage();

        // Artifacts still open from the previous page are reopened: marked content ends with its page.
        for (var i = 0; i < _open.Count(entry => entry == ArtifactEntry); i++)
        {
            _content.BeginArtifact(null);
        }
    }

    public void EndPage()
    {
        CloseMarked();
        for (var i = 0; i < _open.Count(entry => entry == ArtifactEntry); i++)
        {
            _content.EndMarkedContent();
        }
    }

    public void Draw(List<PageOp> ops)
    {
        foreach (var op in ops)
        {
            var rect = op.Rect;
            switch (op.Kind)
            {
                case PageOpKind.Text:
                    Text(op.Font!, op.Color, op.Text.AsSpan(op.Start, op.Length), rect.Left, rect.Top);
                    break;
                case PageOpKind.FillRect:
                    Mark();
                    _content.FillRectangle(rect, op.Color);
                    break;
                case PageOpKind.StrokeRect:
                    Mark();
                    _content.StrokeRectangle(rect, op.Color, op.StrokeWidth);
                    break;
                case PageOpKind.Line:
                    Mark();
                    _content.Line(rect.Left, rect.Top, rect.Right, rect.Bottom, op.Color, op.StrokeWidth);
                    break;
                case PageOpKind.Drawing:
                    // The whole drawing is one marked-content sequence of its figure; its clip must
                    // not leak into the page.
                    Mark();
                    _content.SaveAndClip(rect);
                    op.Draw!(new DrawingContext(this, rect));
                    _content.Restore();
                    break;
                case PageOpKind.BeginTag:
                    Begin(op);
                    break;
                case PageOpKind.EndTag:
                    End();
                    break;
            }
        }
    }

    /// <summary>Opens the running header or footer ("Header", "Footer"): a pagination artifact.</summary>
    public void BeginPagination(string subtype)
    {
        CloseMarked();
        _content.BeginArtifact("<</Type /Pagination /Subtype /" + subtype + ">>");
        _open.Push(ArtifactEntry);
    }

    public void EndPagination() => End();

    /// <summary>One line of text in the current element (or artifact).</summary>
    public void Text(MeasuredFont font, SKColor color, ReadOnlySpan<char> text, float x, float baseline)
    {
        if (text.IsEmpty)
        {
            return;
        }

        Mark();
        _content.Text(DocumentFontOf(font), font.Size, color, text, x, baseline);
    }

    /// <summary>Drawing ops of a <see cref="DrawingContext"/>: already inside the figure's marked content.</summary>
    public ContentStream Content => _content;

    /// <summary>The resource dictionary of every page and the fonts the document used.</summary>
    public void WriteFonts(int resources, ReadOnlySpan<byte> contentDigest)
    {
        _pdf.BeginObject(resources);
        _pdf.Raw("<</ProcSet [/PDF /Text] /Font <<");
        foreach (var font in _documentFonts)
        {
            if (font is not null)
            {
                _pdf.Raw("/" + font.ResourceName);
                _pdf.Ref(font.ObjectNumber);
                _pdf.Raw(" ");
            }
        }

        _pdf.Raw(">>>>");
        _pdf.EndObject();
        foreach (var font in _documentFonts)
        {
            font?.Write(_pdf, contentDigest);
        }
    }

    private DocumentFont DocumentFontOf(MeasuredFont font)
    {
        var index = (int)font.Emphasis;
        return _documentFonts[index] ??= new DocumentFont(font.Face, "F" + index.ToString(System.Globalization.CultureInfo.InvariantCulture), _pdf.Reserve());
    }

    private void Begin(PageOp op)
    {
        CloseMarked();
        if (op.Tag == StructureTag.Artifact)
        {
            _content.BeginArtifact(null);
            _open.Push(ArtifactEntry);
            return;
        }

        var parent = StructureTree.Document;
        foreach (var entry in _open)
        {
            if (entry != ArtifactEntry)
            {
                parent = entry;
                break;
            }
        }

        _open.Push(_tree.Add(parent, op.Tag, op.AltText, op.Rect));
    }

    private void End()
    {
        CloseMarked();
        if (_open.Count > 0 && _open.Pop() == ArtifactEntry)
        {
            _content.EndMarkedContent();
        }
    }

    /// <summary>Makes sure the content about to be written is marked as its element's, or is inside an artifact.</summary>
    private void Mark()
    {
        if (_open.TryPeek(out var top))
        {
            if (top == ArtifactEntry || top == _marked)
            {
                return;
            }

            CloseMarked();
            var mcid = _tree.AddMarkedContent(top);
            _content.BeginMarkedContent(_tree.TypeOfElement(top), mcid);
            _marked = top;
            return;
        }

        // Content outside every element (none of our blocks draws any) is not announced.
        if (_marked != AutomaticArtifact)
        {
            CloseMarked();
            _content.BeginArtifact(null);
            _marked = AutomaticArtifact;
        }
    }

    private void CloseMarked()
    {
        if (_marked != NothingOpen)
        {
            _content.EndMarkedContent();
            _marked = NothingOpen;
        }
    }
}
