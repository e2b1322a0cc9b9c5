using SkiaSharp;
using ZemgaleNvo.Pdf.Layout;

namespace ZemgaleNvo.Pdf.Writing;

/// <summary>
/// The logical structure of a tagged PDF (ISO 32000-1 14.7, PDF/UA-1): a tree of structure
/// elements under one Document element, whose leaves are the marked-content sequences (MCIDs)
/// of the pages, plus the parent tree that leads from a page's MCID back to its element.
/// </summary>
/// <remarks>
/// Kept as two flat lists of structs while the pages are drawn (a 160-page table has 16 000
/// elements; an object and a list per element would be most of the allocation) and written as
/// PDF objects at the end, when every element's kids are known.
/// </remarks>
internal sealed class StructureTree
{
    private const int None = -1;

    private readonly List<Element> _elements = [];
    private readonly List<Kid> _kids = [];

    // The owner of every MCID, page after page; _pageStarts[p] is where page p's MCIDs begin.
    private readonly List<int> _mcidOwners = [];
    private readonly List<int> _pageStarts = [];

    public StructureTree() => _elements.Add(new Element("Document", None, null, default));

    /// <summary>The Document element, parent of the top-level elements.</summary>
    public static int Document => 0;

    /// <summary>Opens an element under <paramref name="parent"/>, after its kids so far; returns the element.</summary>
    public int Add(int parent, StructureTag tag, string? altText, SKRect area)
    {
        var index = _elements.Count;
        _elements.Add(new Element(TypeOf(tag), parent, altText, tag == StructureTag.Figure ? area : default) { ColumnHeader = tag == StructureTag.TableHeaderCell });
        AppendKid(parent, new Kid(index, None, None));
        return index;
    }

    /// <summary>Starts the MCIDs of a new page (pages are numbered from 0 in order).</summary>
    public void StartPage() => _pageStarts.Add(_mcidOwners.Count);

    /// <summary>A new marked-content sequence of <paramref name="element"/> on the current page; returns its MCID.</summary>
    public int AddMarkedContent(int element)
    {
        var page = _pageStarts.Count - 1;
        var mcid = _mcidOwners.Count - _pageStarts[page];
        _mcidOwners.Add(element);
        AppendKid(element, new Kid(None, page, mcid));
        var owner = _elements[element];
        if (owner.Page == None)
        {
            _elements[element] = owner with { Page = page };
        }

        return mcid;
    }

    /// <summary>The structure type written in the content stream's BDC for an element's content.</summary>
    public string TypeOfElement(int element) => _elements[element].Type;

    /// <summary>
    /// Writes the tree root, every element and the parent tree. Page <c>p</c> must carry
    /// <c>/StructParents p</c>.
    /// </summary>
    public void Write(PdfOutput output, int root, IReadOnlyList<int> pageObjects, float pageHeight)
    {
        var first = 0;
        for (var i = 0; i < _elements.Count; i++)
        {
            var number = output.Reserve();
            if (i == 0)
            {
                first = number;
            }
        }

        var parentTree = output.Reserve();
        output.BeginObject(root);
        output.Raw("<</Type /StructTreeRoot /K");
        output.Ref(first);
        output.Raw(" /ParentTree");
        output.Ref(parentTree);
        output.Raw(" /ParentTreeNextKey ");
        output.Int(pageObjects.Count);
        output.Raw(">>");
        output.EndObject();

        for (var i = 0; i < _elements.Count; i++)
        {
            var element = _elements[i];
            output.BeginObject(first + i);
            output.Raw("<</Type /StructElem /S /");
            output.Raw(element.Type);
            output.Raw(" /P");
            output.Ref(element.Parent == None ? root : first + element.Parent);
            if (element.Page != None)
            {
                output.Raw(" /Pg");
                output.Ref(pageObjects[element.Page]);
            }

            output.Raw(" /K [");
            for (var k = element.FirstKid; k != None; k = _kids[k].Next)
            {
                var kid = _kids[k];
                if (kid.Element != None)
                {
                    output.Ref(first + kid.Element);
                }
                else if (kid.Page == element.Page)
                {
                    output.Raw(" ");
                    output.Int(kid.Mcid);
                }
                else
                {
                    // Content on another page than the element's /Pg (a table continued overleaf).
                    output.Raw(" <</Type /MCR /Pg");
                    output.Ref(pageObjects[kid.Page]);
                    output.Raw(" /MCID ");
                    output.Int(kid.Mcid);
                    output.Raw(">>");
                }
            }

            output.Raw("]");
            if (element.AltText is { } alt)
            {
                output.Raw(" /Alt ");
                output.Text(alt);
            }

            if (element.ColumnHeader)
            {
                // The header cells of our tables head their column (PDF/UA: TH needs a scope).
                output.Raw(" /A <</O /Table /Scope /Column>>");
            }
            else if (element.Type == "Figure")
            {
                var box = element.Area;
                output.Raw(" /A <</O /Layout /Placement /Block /BBox [");
                output.Number(box.Left);
                output.Raw(" ");
                output.Number(pageHeight - box.Bottom);
                output.Raw(" ");
                output.Number(box.Right);
                output.Raw(" ");
                output.Number(pageHeight - box.Top);
                output.Raw("]>>");
            }

            output.Raw(">>");
            output.EndObject();
        }

        // One entry per page: the array of the elements owning its MCIDs 0, 1, 2, …
        output.BeginObject(parentTree);
        output.Raw("<</Nums [");
        for (var page = 0; page < _pageStarts.Count; page++)
        {
            var start = _pageStarts[page];
            var end = page + 1 < _pageStarts.Count ? _pageStarts[page + 1] : _mcidOwners.Count;
            output.Int(page);
            output.Raw(" [");
            for (var m = start; m < end; m++)
            {
                output.Ref(first + _mcidOwners[m]);
            }

            output.Raw("]\n");
        }

        output.Raw("]>>");
        output.EndObject();
    }

    private void AppendKid(int parent, Kid kid)
    {
        var index = _kids.Count;
        _kids.Add(kid);
        var owner = _elements[parent];
        if (owner.LastKid == None)
        {
            owner = owner with { FirstKid = index, LastKid = index };
        }
        else
        {
            _kids[owner.LastKid] = _kids[owner.LastKid] with { Next = index };
            owner = owner with { LastKid = index };
        }

        _elements[parent] = owner;
    }

    private static string TypeOf(StructureTag tag) => tag switch
    {
        StructureTag.Paragraph => "P",
        StructureTag.Heading1 => "H1",
        StructureTag.Heading2 => "H2",
        StructureTag.Heading3 => "H3",
        StructureTag.Heading4 => "H4",
        StructureTag.Heading5 => "H5",
        StructureTag.Heading6 => "H6",
        StructureTag.List => "L",
        StructureTag.ListItem => "LI",
        StructureTag.Label => "Lbl",
        StructureTag.ListBody => "LBody",
        StructureTag.Table => "Table",
        StructureTag.TableRow => "TR",
        StructureTag.TableHeaderCell => "TH",
        StructureTag.TableDataCell => "TD",
        StructureTag.Figure => "Figure",
        _ => throw new InvalidOperationException($"No PDF structure type for {tag}."),
    };

    private readonly record struct Element(string Type, int Parent, string? AltText, SKRect Area)
    {
        public int FirstKid { get; init; } = None;

        public int LastKid { get; init; } = None;

        /// <summary>The page of the element's first marked content, its /Pg.</summary>
        public int Page { get; init; } = None;

        public bool ColumnHeader { get; init; }
    }

    /// <summary>A child element, or a marked-content sequence (page and MCID); linked to the next kid.</summary>
    private readonly record struct Kid(int Element, int Page, int Mcid)
    {
        public int Next { get; init; } = None;
    }
}
