using ZemgaleNvo.Domain.Checks;

namespace ZemgaleNvo.UnitTests.Checks;

public class RomanNumeralsTests
{
    [Theory]
    [InlineData(1, "I")]
    [InlineData(2, "II")]
    [InlineData(3, "III")]
    [InlineData(4, "IV")]
    [InlineData(9, "IX")]
    [InlineData(14, "XIV")]
    [InlineData(49, "XLIX")]
    public void Writes_year_numbers_in_roman_numerals(int number, string expected)
    {
        Assert.Equal(expected, RomanNumerals.From(number));
    }

    [Fact]
    public void There_is_no_year_zero()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RomanNumerals.From(0));
    }
}
