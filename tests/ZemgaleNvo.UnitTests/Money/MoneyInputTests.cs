using System.Globalization;
using ZemgaleNvo.Domain.Money;

namespace ZemgaleNvo.UnitTests.Money;

public class MoneyInputTests
{
    [Theory]
    [InlineData("1 234,56", 1_234_56L)]
    [InlineData("1234,56", 1_234_56L)]
    [InlineData("1234", 1_234_00L)]
    [InlineData("1234,5", 1_234_50L)]
    [InlineData("0,05", 5L)]
    [InlineData("1234.56", 1_234_56L)]
    [InlineData("  49 000,00  ", 49_000_00L)]
    [InlineData("49\u00A0000,00", 49_000_00L)]
    [InlineData("49\u202F000,00", 49_000_00L)]
    [InlineData("1 234,56 €", 1_234_56L)]
    [InlineData("EUR 1 234,56", 1_234_56L)]
    [InlineData("1234,56 euro", 1_234_56L)]
    [InlineData("+120,80", 120_80L)]
    [InlineData("0", 0L)]
    [InlineData("10 000 000,00", 10_000_000_00L)]
    public void Reads_what_people_type_into_cents(string typed, long cents)
    {
        var result = MoneyInput.Parse(typed, MoneyLanguage.Latvian);

        Assert.Equal(MoneyInputError.None, result.Error);
        Assert.Equal(cents, result.Cents);
    }

    [Theory]
    [InlineData("", MoneyInputError.Empty)]
    [InlineData("   ", MoneyInputError.Empty)]
    [InlineData(null, MoneyInputError.Empty)]
    [InlineData("€", MoneyInputError.Empty)]
    [InlineData("-5,00", MoneyInputError.Negative)]
    [InlineData("−5,00", MoneyInputError.Negative)]
    [InlineData("1,234", MoneyInputError.TooManyDecimals)]
    [InlineData("12,345", MoneyInputError.TooManyDecimals)]
    [InlineData("10 000 000,01", MoneyInputError.TooLarge)]
    [InlineData("99999999999999999999", MoneyInputError.TooLarge)]
    [InlineData("abc", MoneyInputError.NotANumber)]
    [InlineData("12,", MoneyInputError.NotANumber)]
    [InlineData("1 23,00", MoneyInputError.NotANumber)]
    [InlineData("1234 567", MoneyInputError.NotANumber)]
    [InlineData("1.234,56", MoneyInputError.NotANumber)]
    [InlineData("1e5", MoneyInputError.NotANumber)]
    [InlineData("--1", MoneyInputError.NotANumber)]
    public void Refuses_what_is_not_a_valid_amount(string? typed, MoneyInputError error)
    {
        var result = MoneyInput.Parse(typed, MoneyLanguage.Latvian);

        Assert.Equal(error, result.Error);
        Assert.False(result.IsValid);
    }

    /// <summary>In Latvian a comma is the decimal separator, never a thousands separator: nothing with a comma reads as thousands.</summary>
    [Theory]
    [InlineData("1,234")]
    [InlineData("1,234.56")]
    [InlineData("23,987.03")]
    [InlineData("1,234,567")]
    [InlineData("10,000,000.00")]
    public void Latvian_never_reads_a_comma_as_a_thousands_separator(string typed)
    {
        Assert.False(MoneyInput.Parse(typed, MoneyLanguage.Latvian).IsValid);
    }

    [Theory]
    [InlineData("1,234.56", 1_234_56L)]
    [InlineData("1234.56", 1_234_56L)]
    [InlineData("1,234", 1_234_00L)]
    [InlineData("1,234.5", 1_234_50L)]
    [InlineData("23,987.03", 23_987_03L)]
    [InlineData("1,234,567.89", 1_234_567_89L)]
    [InlineData("10,000,000.00", 10_000_000_00L)]
    [InlineData("1 234.56", 1_234_56L)]
    [InlineData("1\u00A0234.56", 1_234_56L)]
    [InlineData("0.05", 5L)]
    [InlineData("12", 12_00L)]
    [InlineData("EUR 1,234.56", 1_234_56L)]
    [InlineData("1,234.56 €", 1_234_56L)]
    [InlineData("+120.80", 120_80L)]
    public void English_reads_a_point_before_the_cents_and_commas_between_thousands(string typed, long cents)
    {
        var result = MoneyInput.Parse(typed, MoneyLanguage.English);

        Assert.Equal(MoneyInputError.None, result.Error);
        Assert.Equal(cents, result.Cents);
    }

    /// <summary>In English a comma only groups thousands, in correct groups of three; anything else is refused, not guessed.</summary>
    [Theory]
    [InlineData("1234,56", MoneyInputError.NotANumber)]
    [InlineData("1 234,56", MoneyInputError.NotANumber)]
    [InlineData("1,23", MoneyInputError.NotANumber)]
    [InlineData("1,2345", MoneyInputError.NotANumber)]
    [InlineData("12,34.00", MoneyInputError.NotANumber)]
    [InlineData("1234,567", MoneyInputError.NotANumber)]
    [InlineData(",123", MoneyInputError.NotANumber)]
    [InlineData("1,,234", MoneyInputError.NotANumber)]
    [InlineData("1,234,", MoneyInputError.NotANumber)]
    [InlineData("1.234,56", MoneyInputError.NotANumber)]
    [InlineData("1.234.567", MoneyInputError.NotANumber)]
    [InlineData("12.", MoneyInputError.NotANumber)]
    [InlineData("12.345", MoneyInputError.TooManyDecimals)]
    [InlineData("-1,234.00", MoneyInputError.Negative)]
    [InlineData("10,000,000.01", MoneyInputError.TooLarge)]
    [InlineData("", MoneyInputError.Empty)]
    public void English_refuses_commas_that_do_not_group_thousands(string typed, MoneyInputError error)
    {
        Assert.Equal(error, MoneyInput.Parse(typed, MoneyLanguage.English).Error);
    }

    [Theory]
    [InlineData(0L, "0,00", "0.00")]
    [InlineData(5L, "0,05", "0.05")]
    [InlineData(120_80L, "120,80", "120.80")]
    [InlineData(23_987_03L, "23\u00A0987,03", "23,987.03")]
    [InlineData(10_000_000_00L, "10\u00A0000\u00A0000,00", "10,000,000.00")]
    public void Formats_amounts_for_forms_as_pages_show_them(long cents, string latvian, string english)
    {
        Assert.Equal(latvian, MoneyInput.Format(cents, MoneyLanguage.Latvian));
        Assert.Equal(english, MoneyInput.Format(cents, MoneyLanguage.English));
        Assert.Equal(Cents.Format(cents), MoneyInput.Format(cents, MoneyLanguage.Latvian));
        Assert.Equal(Cents.Format(cents, CultureInfo.GetCultureInfo("en")), MoneyInput.Format(cents, MoneyLanguage.English));
    }

    /// <summary>
    /// Every amount from 0 to 1 000,00 euro, the edges (1, 99, 100 000, 123 456 789, the maximum), every
    /// power of ten and its neighbours, and a fixed spread of random amounts up to the maximum.
    /// </summary>
    private static IEnumerable<long> SampleCents()
    {
        for (var cents = 0L; cents <= 1_000_00; cents++)
        {
            yield return cents;
        }
        foreach (var cents in new[] { 100_000L, 123_456_789L, 999_999_999L, Cents.MaxSingleAmount - 1, Cents.MaxSingleAmount })
        {
            yield return cents;
        }
        for (var power = 10L; power <= Cents.MaxSingleAmount; power *= 10)
        {
            yield return power - 1;
            yield return power;
            yield return Math.Min(power + 1, Cents.MaxSingleAmount);
        }
        var random = new Random(20261203);
        for (var i = 0; i < 100_000; i++)
        {
            yield return random.NextInt64(0, Cents.MaxSingleAmount + 1);
        }
    }

    [Theory]
    [InlineData(MoneyLanguage.Latvian)]
    [InlineData(MoneyLanguage.English)]
    public void What_a_form_is_pre_filled_with_reads_back_to_the_same_cents(MoneyLanguage language)
    {
        var sample = SampleCents().ToList();
        var wrong = sample
            .Select(cents => (Cents: cents, Shown: MoneyInput.Format(cents, language)))
            .Select(x => (x.Cents, x.Shown, Read: MoneyInput.Parse(x.Shown, language)))
            .Where(x => !x.Read.IsValid || x.Read.Cents != x.Cents)
            .Take(10)
            .Select(x => $"{x.Cents} shown as \"{x.Shown}\" read as {x.Read.Cents} ({x.Read.Error})")
            .ToList();

        Assert.Contains(0L, sample);
        Assert.Contains(Cents.MaxSingleAmount, sample);
        Assert.Empty(wrong);
    }

    /// <summary>A form drawn in one language and posted after switching to the other: refused or read right, never misread.</summary>
    [Theory]
    [InlineData(MoneyLanguage.Latvian, MoneyLanguage.English)]
    [InlineData(MoneyLanguage.English, MoneyLanguage.Latvian)]
    public void An_amount_written_in_one_language_is_never_misread_in_the_other(MoneyLanguage shownIn, MoneyLanguage readIn)
    {
        var misread = SampleCents()
            .Select(cents => (Cents: cents, Read: MoneyInput.Parse(MoneyInput.Format(cents, shownIn), readIn)))
            .Where(x => x.Read.IsValid && x.Read.Cents != x.Cents)
            .Take(10)
            .ToList();

        Assert.Empty(misread);
        Assert.False(MoneyInput.Parse(MoneyInput.Format(23_987_03, shownIn), readIn).IsValid);
    }

    [Theory]
    [InlineData("lv")]
    [InlineData("lv-LV")]
    [InlineData("")]
    public void Latvian_and_the_invariant_culture_write_amounts_the_Latvian_way(string culture)
    {
        Assert.Equal(MoneyLanguage.Latvian, MoneyInput.LanguageOf(CultureInfo.GetCultureInfo(culture)));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("en-GB")]
    public void English_cultures_write_amounts_the_English_way(string culture)
    {
        Assert.Equal(MoneyLanguage.English, MoneyInput.LanguageOf(CultureInfo.GetCultureInfo(culture)));
    }
}
