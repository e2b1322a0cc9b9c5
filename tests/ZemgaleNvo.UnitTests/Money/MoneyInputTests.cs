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
        var result = MoneyInput.Parse(typed);

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
        var result = MoneyInput.Parse(typed);

        Assert.Equal(error, result.Error);
        Assert.False(result.IsValid);
    }
}
