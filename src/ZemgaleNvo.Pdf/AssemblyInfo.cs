using System.Runtime.CompilerServices;

// The tests check the font subsetter directly, glyph by glyph.
[assembly: InternalsVisibleTo("ZemgaleNvo.Pdf.Tests")]
