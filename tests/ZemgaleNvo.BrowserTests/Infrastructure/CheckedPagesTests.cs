namespace ZemgaleNvo.BrowserTests.Infrastructure;

/// <summary>What makes two pages "the same" for axe (<see cref="CheckedPages"/>): markup, not words or figures.</summary>
public sealed class CheckedPagesTests
{
    private const string TwoRows = """
        <main><h1>III gads</h1><table><tr><td class="num">1 200,00</td><td><a href="/r/7" aria-label="Labot 1.1">Labot</a></td></tr>
        <tr><td class="num">35,50</td><td><a href="/r/8" aria-label="Labot 1.2">Labot</a></td></tr></table>
        <input name="__RequestVerificationToken" type="hidden" value="CfDJ8abc"></main>
        """;

    private const string ThreeRowsOtherFigures = """
        <main><h1>II gads</h1><table><tr><td class="num">9,99</td><td><a href="/r/70" aria-label="Labot 2.1">Labot</a></td></tr>
        <tr><td class="num">1,00</td><td><a href="/r/71" aria-label="Labot 2.2">Labot</a></td></tr>
        <tr><td class="num">2,00</td><td><a href="/r/72" aria-label="Labot 2.3">Labot</a></td></tr></table>
        <input name="__RequestVerificationToken" type="hidden" value="CfDJ8xyz"></main>
        """;

    [Fact]
    public void Other_words_figures_ids_and_row_counts_are_the_same_structure()
    {
        Assert.Equal(CheckedPages.Structure(TwoRows), CheckedPages.Structure(ThreeRowsOtherFigures));
    }

    [Fact]
    public void An_error_message_a_missing_name_or_an_empty_table_is_another_structure()
    {
        var withError = TwoRows.Replace("<table>", "<div class=\"alert alert-danger\" role=\"alert\">Kļūda</div><table>", StringComparison.Ordinal);
        var unnamedLink = TwoRows.Replace("aria-label=\"Labot 1.1\"", "aria-label=\"\"", StringComparison.Ordinal);
        var emptyTable = "<main><h1>III gads</h1><table></table><input name=\"__RequestVerificationToken\" type=\"hidden\" value=\"x\"></main>";

        var structure = CheckedPages.Structure(TwoRows);
        Assert.NotEqual(structure, CheckedPages.Structure(withError));
        Assert.NotEqual(structure, CheckedPages.Structure(unnamedLink));
        Assert.NotEqual(structure, CheckedPages.Structure(emptyTable));
    }
}
