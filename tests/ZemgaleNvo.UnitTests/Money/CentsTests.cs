using System.Globalization;
using ZemgaleNvo.Domain.Money;

namespace ZemgaleNvo.UnitTests.Money;

public class CentsTests
{
    [Theory]
    [InlineData(49_000_00L, "49 000,00")]
    [InlineData(142_135_47L, "142 135,47")]
    [InlineData(120_80L, "120,80")]
    [InlineData(5L, "0,05")]
    [InlineData(0L, "0,00")]
    [InlineData(-6_785_82L, "-6 785,82")]
    [InlineData(1_000_000_000_00L, "1 000 000 000,00")]
    public void Formats_in_Latvian_with_a_no_break_space_between_thousands(long cents, string expected)
    {
        Assert.Equal(expected.Replace(' ', '\u00A0'), Cents.Format(cents));
        Assert.Equal(expected.Replace(' ', '\u00A0'), Cents.Format(cents, CultureInfo.GetCultureInfo("lv-LV")));
    }

    [Fact]
    public void Formats_in_English_when_the_culture_is_English()
    {
        Assert.Equal("49,000.00", Cents.Format(49_000_00, CultureInfo.GetCultureInfo("en")));
    }

    [Fact]
    public void Converts_euros_to_cents_and_back_exactly()
    {
        Assert.Equal(4_864_53, Cents.FromEuros(4864.53m));
        Assert.Equal(4864.53m, Cents.ToEuros(4_864_53));
    }

    [Theory]
    [InlineData(0L, "0.00")]
    [InlineData(5L, "0.05")]
    [InlineData(120_80L, "120.80")]
    [InlineData(30_000_00L, "30000.00")]
    [InlineData(-6_785_82L, "-6785.82")]
    public void Euros_always_carry_two_decimals(long cents, string written)
    {
        Assert.Equal(written, Cents.ToEuros(cents).ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Refuses_fractions_of_a_cent()
    {
        Assert.Throws<ArgumentException>(() => Cents.FromEuros(1.005m));
    }
}
