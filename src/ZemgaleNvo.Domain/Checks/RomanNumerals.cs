using System.Text;

namespace ZemgaleNvo.Domain.Checks;

/// <summary>Year numbers as the summary writes them: I, II, III, …</summary>
public static class RomanNumerals
{
    private static readonly (int Value, string Symbol)[] Steps =
    [
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ];

    public static string From(int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 3999);
        var text = new StringBuilder();
        foreach (var (value, symbol) in Steps)
        {
            while (number >= value)
            {
                text.Append(symbol);
                number -= value;
            }
        }
        return text.ToString();
    }
}
