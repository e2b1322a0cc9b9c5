using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace ZemgaleNvo.Pdf.Writing;

/// <summary>
/// Writes the objects of one PDF file straight to the output stream, through one pooled
/// buffer, remembering each object's offset for the classic cross-reference table at the end.
/// </summary>
/// <remarks>
/// Objects are numbered when reserved and may be written in any order (a page refers to the
/// page tree and the fonts before they are written). Everything written is a function of what
/// the caller writes: no clock, no random numbers, so equal content gives equal bytes.
/// </remarks>
internal sealed class PdfOutput : IDisposable
{
    private readonly Stream _stream;
    private readonly List<long> _offsets = [0];
    private readonly MemoryStream _deflated = new();
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    private int _used;
    private long _flushed;

    public PdfOutput(Stream stream)
    {
        _stream = stream;

        // The comment with four bytes above 127 tells transfer programs the file is binary.
        Raw("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
    }

    private long Position => _flushed + _used;

    /// <summary>A new object number, to refer to before the object is written.</summary>
    public int Reserve()
    {
        _offsets.Add(-1);
        return _offsets.Count - 1;
    }

    public void BeginObject(int number)
    {
        _offsets[number] = Position;
        Int(number);
        Raw(" 0 obj\n");
    }

    public void EndObject() => Raw("\nendobj\n");

    /// <summary>ASCII (or Latin-1) text as is: PDF syntax, names and numbers.</summary>
    public void Raw(string text)
    {
        if (text.Length > _buffer.Length)
        {
            Raw(Encoding.Latin1.GetBytes(text));
            return;
        }

        var span = Reserve(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            span[i] = (byte)text[i];
        }

        _used += text.Length;
    }

    public void Raw(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > _buffer.Length)
        {
            Flush();
            _stream.Write(bytes);
            _flushed += bytes.Length;
            return;
        }

        bytes.CopyTo(Reserve(bytes.Length));
        _used += bytes.Length;
    }

    public void Int(long value)
    {
        value.TryFormat(Reserve(20), out var written, default, CultureInfo.InvariantCulture);
        _used += written;
    }

    public void Number(float value)
    {
        // Reserve first: it may flush and reset _used, which "_used += …(Reserve(…))" would have read before.
        var span = Reserve(24);
        _used += ContentStream.FormatNumber(value, span);
    }

    /// <summary>" n 0 R" with a leading space.</summary>
    public void Ref(int number)
    {
        Raw(" ");
        Int(number);
        Raw(" 0 R");
    }

    /// <summary>
    /// A text string (title, alternative text, language): a literal when it is plain ASCII,
    /// otherwise UTF-16BE with a byte-order mark in hex, which every reader decodes the same way.
    /// </summary>
    public void Text(string text)
    {
        var ascii = true;
        foreach (var c in text)
        {
            if (c is < ' ' or > '~')
            {
                ascii = false;
                break;
            }
        }

        if (ascii)
        {
            Raw("(");
            foreach (var c in text)
            {
                if (c is '(' or ')' or '\\')
                {
                    Raw("\\");
                }

                var span = Reserve(1);
                span[0] = (byte)c;
                _used++;
            }

            Raw(")");
            return;
        }

        Raw("<FEFF");
        Span<byte> hex = stackalloc byte[4];
        foreach (var c in text)
        {
            ContentStream.Hex4(c, hex);
            Raw(hex);
        }

        Raw(">");
    }

    /// <summary>A stream object; <paramref name="dictionary"/> is the extra entries, without brackets.</summary>
    public void Stream(int number, string dictionary, ReadOnlySpan<byte> data, bool compress)
    {
        var body = data;
        if (compress)
        {
            _deflated.SetLength(0);

            // Fastest: the content streams are mostly text operators and compress well at any level;
            // zlib's output depends only on the input and the level, so bytes stay reproducible.
            using (var zlib = new ZLibStream(_deflated, CompressionLevel.Fastest, leaveOpen: true))
            {
                zlib.Write(data);
            }

            body = _deflated.GetBuffer().AsSpan(0, (int)_deflated.Length);
        }

        BeginObject(number);
        Raw("<</Length ");
        Int(body.Length);
        if (compress)
        {
            Raw(" /Filter /FlateDecode");
        }

        if (dictionary.Length > 0)
        {
            Raw(" ");
            Raw(dictionary);
        }

        Raw(">>\nstream\n");
        Raw(body);
        Raw("\nendstream");
        EndObject();
    }

    /// <summary>The cross-reference table and the trailer; every reserved object must be written by now.</summary>
    public void Finish(int catalog, int info, ReadOnlySpan<byte> documentId)
    {
        var xref = Position;
        Raw("xref\n0 ");
        Int(_offsets.Count);
        Raw("\n0000000000 65535 f\r\n");
        Span<byte> entry = stackalloc byte[20];
        for (var number = 1; number < _offsets.Count; number++)
        {
            var offset = _offsets[number];
            if (offset < 0)
            {
                throw new InvalidOperationException($"PDF object {number} was reserved but never written.");
            }

            offset.TryFormat(entry, out _, "D10", CultureInfo.InvariantCulture);
            "0000000000 00000 n\r\n"u8[10..].CopyTo(entry[10..]);
            Raw(entry);
        }

        Raw("trailer\n<</Size ");
        Int(_offsets.Count);
        Raw(" /Root");
        Ref(catalog);
        Raw(" /Info");
        Ref(info);
        var id = Convert.ToHexString(documentId);
        Raw(" /ID [<" + id + "> <" + id + ">]>>\nstartxref\n");
        Int(xref);
        Raw("\n%%EOF\n");
        Flush();
    }

    public void Dispose()
    {
        _deflated.Dispose();
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    private Span<byte> Reserve(int count)
    {
        if (_used + count > _buffer.Length)
        {
            Flush();
        }

        return _buffer.AsSpan(_used, count);
    }

    private void Flush()
    {
        _stream.Write(_buffer, 0, _used);
        _flushed += _used;
        _used = 0;
    }
}
