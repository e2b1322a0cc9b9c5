using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ZemgaleNvo.Domain.Checks;
using ZemgaleNvo.IntegrationTests.Infrastructure;
using ZemgaleNvo.Web.Features.Reports.Export;

namespace ZemgaleNvo.IntegrationTests.Reports.Export;

/// <summary>The open-data JSON of the demo agreement: its schema and the seed document's figures.</summary>
public class SummaryJsonTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static readonly string[] Severities = ["error", "deviation", "warning"];

    private async Task<(string Text, JsonElement Root)> RenderAsync()
    {
        var bytes = SummaryJson.Render(await ExportTestData.DemoReportAsync(portal.Factory));
        Assert.NotEqual(0xEF, bytes[0]); // no byte-order mark in JSON
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        return (text, JsonDocument.Parse(bytes).RootElement.Clone());
    }

    private static JsonElement Line(JsonElement year, int ordinal) =>
        year.GetProperty("budget").EnumerateArray().Single(b => b.GetProperty("lineOrdinal").GetInt32() == ordinal);

    [Fact]
    public async Task Has_a_schema_version_and_the_agreement_facts()
    {
        var (_, root) = await RenderAsync();
        Assert.Equal(SummaryJson.SchemaVersion, root.GetProperty("schemaVersion").GetString());
        Assert.Equal("EUR", root.GetProperty("currency").GetString());
        var agreement = root.GetProperty("agreement");
        Assert.Equal("delegation", agreement.GetProperty("type").GetString());
        Assert.Equal("Zemgales reģions", agreement.GetProperty("region").GetProperty("name").GetString());
        Assert.Equal("Biedrība „Zemgales NVO centrs”", agreement.GetProperty("performer").GetProperty("name").GetString());
        Assert.Equal("2022-07-15", agreement.GetProperty("periodStart").GetString());
        Assert.Equal("2025-07-14", agreement.GetProperty("periodEnd").GetString());
        Assert.Equal(JsonValueKind.Null, agreement.GetProperty("number").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("otherInformation").ValueKind);
        Assert.Equal(["pilsoniskās sabiedrības attīstībai Zemgales reģionā", "mazākumtautību nevalstisko organizāciju attīstības un ilgtspējas veicināšanai"],
            root.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Totals_and_per_line_figures_equal_the_seed_document()
    {
        var (_, root) = await RenderAsync();
        var totals = root.GetProperty("totals");
        Assert.Equal(147_000.00m, totals.GetProperty("planned").GetDecimal());
        Assert.Equal(142_135.47m, totals.GetProperty("actual").GetDecimal());
        // Issue 13: no carry-over in the period totals, and the remainder not netted across lines.
        Assert.False(totals.TryGetProperty("carriedOver", out _));
        Assert.Equal(6_133.77m, totals.GetProperty("unspentToReturn").GetDecimal());
        Assert.Equal(1_269.24m, totals.GetProperty("overspent").GetDecimal());
        var periodLines = root.GetProperty("lineTotals").EnumerateArray().ToList();
        Assert.Equal([6_133.77m, 0m], periodLines.Select(l => l.GetProperty("unspentToReturn").GetDecimal()));
        Assert.Equal([0m, 1_269.24m], periodLines.Select(l => l.GetProperty("overspent").GetDecimal()));

        var years = root.GetProperty("years").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3], years.Select(y => y.GetProperty("number").GetInt32()));
        Assert.Equal(["I", "II", "III"], years.Select(y => y.GetProperty("numeral").GetString()));
        Assert.Equal([49_000m, 44_135.47m, 49_000m], years.Select(y => y.GetProperty("totals").GetProperty("actual").GetDecimal()));
        Assert.Equal([30_000m, 36_785.82m, 23_987.03m], years.Select(y => Line(y, 1).GetProperty("actual").GetDecimal()));
        Assert.Equal([19_000m, 7_349.65m, 25_012.97m], years.Select(y => Line(y, 2).GetProperty("actual").GetDecimal()));
        Assert.All(years, y => Assert.Equal(30_000m, Line(y, 1).GetProperty("planned").GetDecimal()));
        Assert.Equal(120.80m, Line(years[1], 1).GetProperty("carriedOut").GetDecimal());
        Assert.Equal(4_743.73m, Line(years[1], 2).GetProperty("carriedOut").GetDecimal());
        Assert.Equal(4_743.73m, Line(years[2], 2).GetProperty("carriedIn").GetDecimal());
        Assert.Equal(-1_269.24m, Line(years[2], 2).GetProperty("remaining").GetDecimal());
        Assert.Equal(122.6m, Line(years[1], 1).GetProperty("executionPercent").GetDecimal());
        Assert.Equal("2023-07-15", years[1].GetProperty("start").GetString());

        var lineTotals = root.GetProperty("lineTotals").EnumerateArray().ToList();
        Assert.Equal([90_772.85m, 51_362.62m], lineTotals.Select(t => t.GetProperty("actual").GetDecimal()));
        Assert.Equal([90_000m, 57_000m], lineTotals.Select(t => t.GetProperty("planned").GetDecimal()));
    }

    [Fact]
    public async Task Amounts_are_written_with_two_decimals()
    {
        var (text, _) = await RenderAsync();
        Assert.Contains("\"planned\": 147000.00,", text, StringComparison.Ordinal);
        Assert.Contains("\"carriedOut\": 120.80,", text, StringComparison.Ordinal);
        Assert.Contains("\"actual\": 36785.82,", text, StringComparison.Ordinal);
        Assert.Contains("\"reallocatedIn\": 0.00,", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Latvian_letters_are_not_escaped()
    {
        var (text, _) = await RenderAsync();
        Assert.Contains("Zemgales reģions", text, StringComparison.Ordinal);
        Assert.Contains("„Zemgales NVO centrs”", text, StringComparison.Ordinal);
        Assert.Contains("mazākumtautību", text, StringComparison.Ordinal);
        // The encoder still escapes what is not a letter, such as the no-break space the findings'
        // amounts are grouped with (36\u00A0785,82); no letter is ever escaped.
        var escaped = Regex.Matches(text, @"\\u([0-9A-Fa-f]{4})").Select(m => (char)Convert.ToInt32(m.Groups[1].Value, 16)).ToList();
        Assert.DoesNotContain(escaped, char.IsLetter);
        Assert.Contains("\n  \"schemaVersion\": ", text, StringComparison.Ordinal); // indented
    }

    [Fact]
    public async Task Results_are_there_per_year_and_strand_with_qualified_indicators()
    {
        var (_, root) = await RenderAsync();
        var years = root.GetProperty("years").EnumerateArray().ToList();
        var counts = years.Select(y => y.GetProperty("strands").EnumerateArray().Select(s => s.GetProperty("results").GetArrayLength()).ToArray()).ToList();
        Assert.Equal([[8, 4], [7, 3], [8, 4]], counts);

        var civilI = years[0].GetProperty("strands")[0].GetProperty("results").EnumerateArray().ToList();
        var consultations = civilI[2].GetProperty("indicators")[0];
        Assert.Equal(60, consultations.GetProperty("count").GetInt32());
        Assert.Equal("konsultācijas", consultations.GetProperty("unit").GetString());
        Assert.Equal("moreThan", consultations.GetProperty("qualifier").GetString());
        Assert.Equal("atLeast", civilI[4].GetProperty("indicators")[0].GetProperty("qualifier").GetString());
        Assert.Equal("exactly", civilI[1].GetProperty("indicators")[0].GetProperty("qualifier").GetString());
        Assert.Equal("2023-01-28", civilI[4].GetProperty("startDate").GetString());
        Assert.Equal("Bauska", civilI[4].GetProperty("place").GetString());
        Assert.Equal(5, civilI[4].GetProperty("ordinal").GetInt32());
    }

    [Fact]
    public async Task Findings_are_there_with_rule_code_severity_and_both_languages()
    {
        var (_, root) = await RenderAsync();
        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        Assert.NotEmpty(findings);
        Assert.All(findings, f =>
        {
            Assert.False(string.IsNullOrEmpty(f.GetProperty("ruleCode").GetString()));
            Assert.Contains(f.GetProperty("severity").GetString(), Severities);
            Assert.False(string.IsNullOrEmpty(f.GetProperty("messageLv").GetString()));
            Assert.False(string.IsNullOrEmpty(f.GetProperty("messageEn").GetString()));
        });
        Assert.Contains(findings, f => f.GetProperty("ruleCode").GetString() == ConsistencyRuleCodes.TaskRegionMismatch
            && f.GetProperty("year").ValueKind == JsonValueKind.Null);
        Assert.Contains(findings, f => f.GetProperty("ruleCode").GetString() == ConsistencyRuleCodes.LineOverspent
            && f.GetProperty("year").GetInt32() == 2 && f.GetProperty("lineOrdinal").GetInt32() == 1);
    }

    [Fact]
    public async Task Non_compliance_is_none()
    {
        var (_, root) = await RenderAsync();
        var nonCompliance = root.GetProperty("nonCompliance");
        Assert.Equal(0m, nonCompliance.GetProperty("total").GetDecimal());
        Assert.Equal(0m, nonCompliance.GetProperty("unrecovered").GetDecimal());
        Assert.Equal(0, nonCompliance.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public void A_made_up_model_shows_reallocations_non_compliance_and_references()
    {
        var root = JsonDocument.Parse(SummaryJson.Render(ExportTestData.MadeUp("pozīcija"))).RootElement;
        Assert.Equal("participation", root.GetProperty("agreement").GetProperty("type").GetString());
        Assert.Equal("Cita; informācija", root.GetProperty("otherInformation").GetString());
        var reallocation = root.GetProperty("years")[0].GetProperty("reallocations")[0];
        Assert.Equal(2, reallocation.GetProperty("fromLineOrdinal").GetInt32());
        Assert.Equal(1, reallocation.GetProperty("toLineOrdinal").GetInt32());
        Assert.Equal(50m, reallocation.GetProperty("amount").GetDecimal());
        var item = root.GetProperty("nonCompliance").GetProperty("items")[0];
        Assert.Equal(6m, item.GetProperty("unrecovered").GetDecimal());
        Assert.Equal("2024-11-30", item.GetProperty("recoveredOn").GetString());
        var finding = root.GetProperty("findings")[0];
        Assert.Equal(1, finding.GetProperty("lineOrdinal").GetInt32());
        Assert.Equal(70, finding.GetProperty("resultId").GetInt32());
        Assert.Equal(70, root.GetProperty("years")[0].GetProperty("strands")[0].GetProperty("results")[0].GetProperty("id").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("years")[0].GetProperty("reportedActualTotal").ValueKind);
    }
}
