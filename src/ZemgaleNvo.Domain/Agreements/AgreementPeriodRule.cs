using ZemgaleNvo.Domain.Periods;

namespace ZemgaleNvo.Domain.Agreements;

public enum AgreementPeriodError
{
    None,
    EndBeforeStart,

    /// <summary>More implementation years than any real agreement has: almost surely a mistyped year.</summary>
    TooLong,
}

/// <summary>What an agreement period must be before years are generated from it.</summary>
public static class AgreementPeriodRule
{
    /// <summary>Delegation agreements run for a few years; ten is generous and stops a typo (2205 for 2025) from making hundreds of years.</summary>
    public const int MaxYears = 10;

    public static AgreementPeriodError Check(DateOnly start, DateOnly end)
    {
        if (end < start)
        {
            return AgreementPeriodError.EndBeforeStart;
        }
        return ImplementationPeriods.Split(new DateRange(start, end)).Count > MaxYears ? AgreementPeriodError.TooLong : AgreementPeriodError.None;
    }
}
