using ZemgaleNvo.Domain.Agreements;
using static ZemgaleNvo.Domain.Checks.Wording;

namespace ZemgaleNvo.Domain.Checks.Rules;

/// <summary>
/// The unrecovered amount (non-compliant − recovered) must lie between nothing and the whole
/// non-compliant amount. It exceeds the non-compliant amount exactly when the recovered amount is
/// negative, and it turns negative when more was recovered than was non-compliant; both are
/// errors. A recovery date with nothing recovered is a warning: either the amount or the date is
/// missing its counterpart.
/// </summary>
public sealed class NonCompliantRecoveryRule : IConsistencyRule
{
    public IEnumerable<ConsistencyFinding> Check(ConsistencyCheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var findings = new List<ConsistencyFinding>();
        foreach (var year in context.Years)
        {
            foreach (var expenditure in year.NonCompliantExpenditures)
            {
                var finding = Check(context, year, expenditure);
                if (finding is not null)
                {
                    findings.Add(finding);
                }
            }
        }
        return findings;
    }

    private static ConsistencyFinding? Check(ConsistencyCheckContext context, ImplementationYear year, NonCompliantExpenditure expenditure)
    {
        var whatLv = $"{YearLocativeLv(year.Number)} pozīcijas {QuoteLv(context.LineName(expenditure.BudgetLineId))} neatbilstoši veiktajiem izdevumiem {QuoteLv(expenditure.Reason)}";
        var whatEn = $"In {YearEn(year.Number)} the non-compliant expenditure {QuoteEn(expenditure.Reason)} of the line {QuoteEn(context.LineName(expenditure.BudgetLineId))}";
        if (expenditure.RecoveredCents < 0)
        {
            return Finding(ConsistencyRuleCodes.UnrecoveredExceedsNonCompliant, FindingSeverity.Error, year, expenditure,
                $"{whatLv} atgūtā summa ir negatīva ({EuroLv(expenditure.RecoveredCents)}), tāpēc neatgūtā summa ({EuroLv(expenditure.UnrecoveredCents)}) " +
                $"pārsniedz neatbilstoši veikto izdevumu summu ({EuroLv(expenditure.AmountCents)}).",
                $"{whatEn} has a negative recovered amount ({EuroEn(expenditure.RecoveredCents)}), so the unrecovered amount ({EuroEn(expenditure.UnrecoveredCents)}) " +
                $"exceeds the non-compliant amount ({EuroEn(expenditure.AmountCents)}).");
        }
        if (expenditure.RecoveredCents > expenditure.AmountCents)
        {
            return Finding(ConsistencyRuleCodes.RecoveredExceedsNonCompliant, FindingSeverity.Error, year, expenditure,
                $"{whatLv} atgūti {EuroLv(expenditure.RecoveredCents)}, vairāk nekā neatbilstoši izlietotie {EuroLv(expenditure.AmountCents)}, " +
                $"tāpēc neatgūtā summa ir negatīva ({EuroLv(expenditure.UnrecoveredCents)}).",
                $"{whatEn} shows {EuroEn(expenditure.RecoveredCents)} recovered, more than the {EuroEn(expenditure.AmountCents)} found non-compliant, " +
                $"so the unrecovered amount is negative ({EuroEn(expenditure.UnrecoveredCents)}).");
        }
        if (expenditure.RecoveredCents == 0 && expenditure.RecoveredOn is { } recoveredOn)
        {
            return Finding(ConsistencyRuleCodes.RecoveryDateWithoutAmount, FindingSeverity.Warning, year, expenditure,
                $"{whatLv} norādīts atgūšanas datums {DateLv(recoveredOn)}, bet atgūtā summa ir {EuroLv(0)}.",
                $"{whatEn} has a recovery date of {DateEn(recoveredOn)} but {EuroEn(0)} recovered.");
        }
        return null;
    }

    private static ConsistencyFinding Finding(string code, FindingSeverity severity, ImplementationYear year, NonCompliantExpenditure expenditure, string lv, string en) =>
        new(code, severity, year.Number, expenditure.BudgetLineId, null, lv, en);
}
