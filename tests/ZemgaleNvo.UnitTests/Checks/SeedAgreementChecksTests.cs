using ZemgaleNvo.Domain.Checks;
using Xunit.Abstractions;
using static ZemgaleNvo.UnitTests.Checks.SeedAgreement;

namespace ZemgaleNvo.UnitTests.Checks;

/// <summary>
/// The checks on the demo agreement find, by their general rules alone, what the seed README says
/// a reviewer would want flagged, and nothing that is fine.
/// </summary>
public class SeedAgreementChecksTests(ITestOutputHelper output)
{
    private static readonly IReadOnlyList<ConsistencyFinding> Findings = ConsistencyChecker.Check(Build(), Regions);

    [Fact]
    public void Prints_the_findings_for_the_record()
    {
        foreach (var finding in Findings)
        {
            output.WriteLine($"[{finding.Severity}] {finding.RuleCode} year={finding.YearNumber} line={finding.BudgetLineId} activity={finding.ActivityId}");
            output.WriteLine("  lv: " + finding.MessageLv);
            output.WriteLine("  en: " + finding.MessageEn);
        }
        Assert.NotEmpty(Findings);
    }

    [Fact]
    public void Point_1_the_task_text_names_Kurzeme_in_a_Zemgale_agreement()
    {
        var finding = Assert.Single(Findings, f => f.RuleCode == ConsistencyRuleCodes.TaskRegionMismatch);

        Assert.Contains("„Kurzemes reģionā”", finding.MessageLv, StringComparison.Ordinal);
        Assert.Contains("Zemgales reģions", finding.MessageLv, StringComparison.Ordinal);
    }

    [Fact]
    public void Point_2_year_two_civil_society_overspend_and_the_unrecorded_move_of_6906_62()
    {
        var finding = Assert.Single(Findings, f => f.RuleCode == ConsistencyRuleCodes.LineOverspent && f.YearNumber == 2);

        Assert.Equal(CivilLineId, finding.BudgetLineId);
        Assert.Equal(
            $"II. īstenošanas gadā pozīcija „{CivilLine}” izlietoja {Lv.Euro("36 785,82")} no pieejamajiem {Lv.Euro("30 000,00")} " +
            $"(pārsniegums {Lv.Euro("6 785,82")}), un to nesedz neviena pārdale. " +
            $"Pārcelšanas sadalījums sakristu, ja no pozīcijas „{MinorityLine}” uz pozīciju „{CivilLine}” būtu pārdalīti {Lv.Euro("6 906,62")}.",
            finding.MessageLv);
        Assert.Contains("EUR 6,785.82 over", finding.MessageEn, StringComparison.Ordinal);
        Assert.Contains("EUR 6,906.62", finding.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Point_3_year_three_leaves_the_4864_53_carried_in_neither_spent_nor_returned()
    {
        var finding = Assert.Single(Findings, f => f.RuleCode == ConsistencyRuleCodes.FinalRemainderNotReturned);

        // Money carried in and neither spent nor returned: the performer explains it.
        Assert.Equal(FindingSeverity.Deviation, finding.Severity);
        Assert.Equal(3, finding.YearNumber);
        Assert.Equal(
            $"Līguma pēdējā, III. īstenošanas gadā bija pieejami {Lv.Euro("53 864,53")} (t.sk. {Lv.Euro("4 864,53")}, kas pārcelti no iepriekšējā gada), " +
            $"bet izlietoti {Lv.Euro("49 000,00")}. Atlikums {Lv.Euro("4 864,53")} nav uzrādīts ne kā izlietots, ne kā atmaksāts. " +
            $"Pa pozīcijām: pozīcijai „{CivilLine}” atlikuši {Lv.Euro("6 133,77")} no pieejamajiem {Lv.Euro("30 120,80")}; " +
            $"pozīcijā „{MinorityLine}” izlietoti par {Lv.Euro("1 269,24")} vairāk nekā pieejamie {Lv.Euro("23 743,73")}.",
            finding.MessageLv);
    }

    [Fact]
    public void Year_three_minority_overspend_is_flagged_as_such_too()
    {
        var finding = Assert.Single(Findings, f => f.RuleCode == ConsistencyRuleCodes.LineOverspent && f.YearNumber == 3);

        Assert.Equal(MinorityLineId, finding.BudgetLineId);
        Assert.Contains($"(pārsniegums {Lv.Euro("1 269,24")})", finding.MessageLv, StringComparison.Ordinal);
        Assert.DoesNotContain("Pārcelšanas", finding.MessageLv, StringComparison.Ordinal); // nothing carried out of year III
    }

    [Fact]
    public void Point_4_year_two_seminars_counted_in_two_results()
    {
        var finding = Assert.Single(Findings, f => f.RuleCode == ConsistencyRuleCodes.IndicatorPossibleDoubleCount);

        Assert.Equal(2, finding.YearNumber);
        Assert.Equal(CivilLineId, finding.BudgetLineId);
        Assert.Contains("1. rezultātā uzrādīti 12 „mācību semināri / darbnīcas”, bet 2. rezultātā — 2 „mācību semināri”", finding.MessageLv, StringComparison.Ordinal);
    }

    [Fact]
    public void Flags_nothing_about_year_one()
    {
        Assert.DoesNotContain(Findings, f => f.YearNumber == 1);
    }

    [Fact]
    public void Stated_totals_equal_the_line_sums_and_the_year_two_carry_over_equals_its_remainder()
    {
        Assert.DoesNotContain(Findings, f => f.RuleCode is ConsistencyRuleCodes.ReportedTotalMismatch
            or ConsistencyRuleCodes.CarryOverTotalMismatch or ConsistencyRuleCodes.CarryOverSplitMismatch
            or ConsistencyRuleCodes.CarryOverFromLastYear);
    }

    [Fact]
    public void Every_result_date_lies_in_its_year_and_every_strand_has_results()
    {
        Assert.DoesNotContain(Findings, f => f.RuleCode is ConsistencyRuleCodes.ActivityOutsideYear
            or ConsistencyRuleCodes.ActivityDatesReversed or ConsistencyRuleCodes.YearWithoutResults
            or ConsistencyRuleCodes.StrandWithoutResults);
    }

    [Fact]
    public void Finds_exactly_the_five_expected_findings()
    {
        Assert.Equal(
            [
                ConsistencyRuleCodes.TaskRegionMismatch,
                ConsistencyRuleCodes.LineOverspent,
                ConsistencyRuleCodes.IndicatorPossibleDoubleCount,
                ConsistencyRuleCodes.LineOverspent,
                ConsistencyRuleCodes.FinalRemainderNotReturned,
            ],
            Findings.Select(f => f.RuleCode));
    }
}
