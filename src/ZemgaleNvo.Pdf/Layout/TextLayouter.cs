using SkiaSharp;

namespace ZemgaleNvo.Pdf.Layout;

/// <summary>
/// A run of same-styled characters on one line, kept as a slice of the caller's string so
/// layout does not copy text. X is relative to the left edge of the text box.
/// </summary>
internal readonly record struct TextFragment(MeasuredFont Font, SKColor Color, string Source, int Start, int Length, float X);

/// <summary>Lines of a wrapped paragraph or cell.</summary>
internal sealed class TextBlockLayout
{
    public TextBlockLayout(float lineHeight, float baselineOffset)
    {
        LineHeight = lineHeight;
        BaselineOffset = baselineOffset;
    }

    public List<TextFragment> Fragments { get; } = [];

    /// <summary>Index in <see cref="Fragments"/> of each line's first fragment.</summary>
    public List<int> LineStarts { get; } = [];

    public float LineHeight { get; }

    /// <summary>Distance from the top of a line to its baseline.</summary>
    public float BaselineOffset { get; }

    public int LineCount => LineStarts.Count;

    public int LineEnd(int line) => line + 1 < LineStarts.Count ? LineStarts[line + 1] : Fragments.Count;
}

/// <summary>
/// Greedy word wrapping of styled spans into a given width. A word (letters between breaking
/// spaces) may be made of several spans and stays whole; a word wider than the line is broken
/// between characters. "\n" forces a line break; no-break spaces do not break.
/// </summary>
internal sealed class TextLayouter
{
    private readonly FontCache _fonts;
    private readonly List<Token> _tokens = [];

    private TextBlockLayout _layout = null!;
    private float _maxWidth;
    private TextAlignment _alignment;
    private float _lineWidth;
    private int _lineFirstFragment;
    private bool _lineHasWords;

    public TextLayouter(FontCache fonts) => _fonts = fonts;

    private enum TokenKind
    {
        Word,
        Space,
        Newline,
    }

    public TextBlockLayout Layout(ReadOnlySpan<TextSpan> spans, TextStyle style, float maxWidth, TextAlignment alignment)
    {
        var baseFont = _fonts.Get(style);
        var lineHeight = style.LineHeight;
        var baseline = ((lineHeight - (baseFont.Ascent + baseFont.Descent)) / 2f) + baseFont.Ascent;
        _layout = new TextBlockLayout(lineHeight, baseline);
        _maxWidth = Math.Max(maxWidth, 1f);
        _alignment = alignment;
        _lineWidth = 0;
        _lineFirstFragment = 0;
        _lineHasWords = false;

        Tokenize(spans, style);
        var i = 0;
        var pendingSpaces = -1; // index of the first space token since the last word on this line
        while (i < _tokens.Count)
        {
            var token = _tokens[i];
            if (token.Kind == TokenKind.Newline)
            {
                EndLine();
                pendingSpaces = -1;
                i++;
                continue;
            }

            if (token.Kind == TokenKind.Space)
            {
                if (_lineHasWords && pendingSpaces < 0)
                {
                    pendingSpaces = i;
                }

                i++;
                continue;
            }

            var wordEnd = i;
            var wordWidth = 0f;
            while (wordEnd < _tokens.Count && _tokens[wordEnd].Kind == TokenKind.Word)
            {
                wordWidth += _tokens[wordEnd].Width;
                wordEnd++;
            }

            var spaceWidth = 0f;
            if (pendingSpaces >= 0)
            {
                for (var s = pendingSpaces; s < i; s++)
                {
                    spaceWidth += _tokens[s].Width;
                }
            }

            if (_lineHasWords && _lineWidth + spaceWidth + wordWidth <= _maxWidth + 0.01f)
            {
                for (var s = pendingSpaces; s >= 0 && s < i; s++)
                {
                    Emit(_tokens[s], _tokens[s].Start, _tokens[s].Length, _tokens[s].Width);
                }
            }
            else if (_lineHasWords)
            {
                EndLine();
            }

            if (!_lineHasWords && wordWidth > _maxWidth)
            {
                EmitBrokenWord(i, wordEnd);
            }
            else
            {
                for (var w = i; w < wordEnd; w++)
                {
                    Emit(_tokens[w], _tokens[w].Start, _tokens[w].Length, _tokens[w].Width);
                }
            }

            pendingSpaces = -1;
            i = wordEnd;
        }

        if (_lineHasWords)
        {
            EndLine();
        }

        var result = _layout;
        _layout = null!;
        return result;
    }

    private void Tokenize(ReadOnlySpan<TextSpan> spans, TextStyle style)
    {
        _tokens.Clear();
        foreach (var span in spans)
        {
            var text = span.Text ?? string.Empty;
            var font = _fonts.Get(style, span.Emphasis);
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (c == '\n')
                {
                    _tokens.Add(new Token(TokenKind.Newline, font, style.Color, text, i, 1, 0, Visible: false));
                    i++;
                    continue;
                }

                var isSpace = IsBreakingSpace(c);
                var end = i + 1;
                while (end < text.Length && text[end] != '\n' && IsBreakingSpace(text[end]) == isSpace)
                {
                    end++;
                }

                var slice = text.AsSpan(i, end - i);
                if (!isSpace)
                {
                    _tokens.Add(new Token(TokenKind.Word, font, style.Color, text, i, end - i, font.Measure(slice), Visible: true));
                }
                else if (!slice.ContainsAnyExcept(' '))
                {
                    _tokens.Add(new Token(TokenKind.Space, font, style.Color, text, i, end - i, font.Measure(slice), Visible: true));
                }
                else
                {
                    // Tabs and other spaces have no glyph in most fonts: keep the gap, draw nothing.
                    _tokens.Add(new Token(TokenKind.Space, font, style.Color, text, i, end - i, font.Measure(" ") * (end - i), Visible: false));
                }

                i = end;
            }
        }
    }

    private static bool IsBreakingSpace(char c) =>
        c == ' ' || (char.IsWhiteSpace(c) && c != '\u00A0' && c != '\u202F' && c != '\u2007');

    private void EmitBrokenWord(int from, int to)
    {
        for (var t = from; t < to; t++)
        {
            var token = _tokens[t];
            var start = token.Start;
            var remaining = token.Length;
            while (remaining > 0)
            {
                var slice = token.Source.AsSpan(start, remaining);
                var count = token.Font.Fit(slice, _maxWidth - _lineWidth, out var width);
                if (count == 0)
                {
                    if (_lineHasWords)
                    {
                        EndLine();
                        continue;
                    }

                    // Not even one character fits an empty line: place it anyway rather than loop.
                    count = char.IsHighSurrogate(slice[0]) && slice.Length > 1 ? 2 : 1;
                    width = token.Font.Measure(slice[..count]);
                }

                Emit(token, start, count, width);
                start += count;
                remaining -= count;
                if (remaining > 0)
                {
                    EndLine();
                }
            }
        }
    }

    private void Emit(in Token token, int start, int length, float width)
    {
        if (token.Kind == TokenKind.Word)
        {
            _lineHasWords = true;
        }

        if (!token.Visible)
        {
            _lineWidth += width;
            return;
        }

        var fragments = _layout.Fragments;
        if (fragments.Count > _lineFirstFragment)
        {
            var last = fragments[^1];
            if (ReferenceEquals(last.Source, token.Source) && last.Font == token.Font && last.Start + last.Length == start)
            {
                fragments[^1] = last with { Length = last.Length + length };
                _lineWidth += width;
                return;
            }
        }

        fragments.Add(new TextFragment(token.Font, token.Color, token.Source, start, length, _lineWidth));
        _lineWidth += width;
    }

    private void EndLine()
    {
        var fragments = _layout.Fragments;
        var shift = _alignment switch
        {
            TextAlignment.Right => _maxWidth - _lineWidth,
            TextAlignment.Center => (_maxWidth - _lineWidth) / 2f,
            _ => 0f,
        };
        if (shift > 0)
        {
            for (var f = _lineFirstFragment; f < fragments.Count; f++)
            {
                fragments[f] = fragments[f] with { X = fragments[f].X + shift };
            }
        }

        _layout.LineStarts.Add(_lineFirstFragment);
        _lineFirstFragment = fragments.Count;
        _lineWidth = 0;
        _lineHasWords = false;
    }

    private readonly record struct Token(TokenKind Kind, MeasuredFont Font, SKColor Color, string Source, int Start, int Length, float Width, bool Visible);
}
