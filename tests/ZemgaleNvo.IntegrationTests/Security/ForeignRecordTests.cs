using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Evidence;
using ZemgaleNvo.Domain.Organisations;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Security;

/// <summary>
/// Issue 17, must-have 2: nothing about records outside the caller's scope. Every POST endpoint of
/// the route table under <c>/agreements</c> is called by the Zemgale NGO staff with the ids of a
/// second organisation's agreement and records (open for entry, so no "locked" answer can stand in
/// for the refusal): the foreign agreement with its own records, and the caller's own open year with
/// the foreign record ids. Each answers 404, exactly as a record id that does not exist, never a
/// conflict page naming who changed the record and when; and nothing anywhere changed.
/// </summary>
public sealed partial class ForeignRecordTests
{
    private const string ForeignOrganisation = "Biedrība „Svešā organizācija”";
    private const string ForeignText = "Svešās organizācijas ieraksts";

    [Fact]
    public async Task Every_POST_with_another_organisations_ids_answers_404_like_a_missing_id_and_changes_nothing()
    {
        using var factory = new PortalFactory();
        var ids = await SeedAsync(factory);
        var client = await Browser.SignedInClientAsync(factory, Browser.ZemgaleStaff);
        var token = await TokenAsync(client);
        var before = await SnapshotAsync(factory);

        var problems = new List<string>();
        var routes = PostRoutes(factory);
        foreach (var pattern in routes)
        {
            var restore = pattern.EndsWith("/restore", StringComparison.Ordinal);
            // Each foreign attempt beside the same request with ids that do not exist: the answers must not differ.
            var attempts = new List<(string What, string Url, string Missing)>
            {
                ("foreign agreement", Fill(pattern, restore ? ids.ForeignDeleted : ids.Foreign), Fill(pattern, ids.MissingAgreement)),
            };
            if (RecordParameters(pattern).Any())
            {
                attempts.Add(("own year, foreign record", Fill(pattern, restore ? ids.OwnYearForeignDeleted : ids.OwnYearForeignRecords), Fill(pattern, ids.OwnYearMissingRecords)));
            }
            foreach (var (what, url, missingUrl) in attempts)
            {
                using var missing = await client.PostAsync(missingUrl, Form(token));
                using var response = await client.PostAsync(url, Form(token));
                var body = await response.Content.ReadAsStringAsync();
                // 404 for everything a staff member may use; a route of the ministry's alone (a non-compliance
                // finding) refuses staff with 403 whatever the ids, and then the foreign id gets that 403 too.
                var (answer, missingAnswer) = (Answer(response), Answer(missing));
                if (missingAnswer is not ("404" or "403"))
                {
                    problems.Add($"POST {missingUrl} (no such record): {missingAnswer}, expected 404");
                }
                if (answer != missingAnswer)
                {
                    problems.Add($"POST {url} ({what}): {answer}, but {missingAnswer} for an id that does not exist");
                }
                if (body.Contains(ForeignOrganisation, StringComparison.Ordinal) || body.Contains(ForeignText, StringComparison.Ordinal)
                    || body.Contains("svesa@zemgalenvo.test", StringComparison.Ordinal))
                {
                    problems.Add($"POST {url} ({what}): the answer names something of the other organisation");
                }
            }
        }

        var after = await SnapshotAsync(factory);
        var changed = before.Where(t => after.GetValueOrDefault(t.Key) != t.Value).Select(t => t.Key).ToList();
        Assert.True(routes.Count >= 25, $"only {routes.Count} POST routes under /agreements were found: is the route table read?");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(changed.Count == 0, "Requests with foreign ids changed: " + string.Join(", ", changed));
    }

    [Fact]
    public async Task A_reallocation_a_colleague_deleted_from_the_same_year_is_still_reported_as_deleted_meanwhile()
    {
        using var factory = new PortalFactory();
        var ids = await SeedAsync(factory);
        var staff = await Browser.SignedInClientAsync(factory, Browser.ZemgaleStaff);
        var agreement = ids.OwnYearForeignRecords["id"];
        int reallocationId;
        await using (var db = factory.OpenDatabase())
        {
            var year = await db.ImplementationYears.SingleAsync(y => y.AgreementId == int.Parse(agreement, CultureInfo.InvariantCulture) && y.Number == 3);
            var lines = await db.BudgetLines.Where(l => l.AgreementId == year.AgreementId).OrderBy(l => l.Ordinal).ToListAsync();
            var move = new Reallocation { ImplementationYearId = year.Id, FromBudgetLineId = lines[0].Id, ToBudgetLineId = lines[1].Id, AmountCents = 1_000, Reason = "Kolēģa pārdale" };
            db.Reallocations.Add(move);
            await db.SaveChangesAsync();
            reallocationId = move.Id;
        }
        var url = $"/agreements/{agreement}/years/3/reallocations/{reallocationId}";
        var formToken = await Browser.AntiforgeryTokenAsync(staff, url);
        var deleted = await Browser.PostFormAsync(staff, url, url + "/delete", []);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);

        var response = await staff.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = formToken, ["Form.Reason"] = "Mans pamatojums", ["Form.Amount"] = "10,00",
        }));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Mans pamatojums", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------- the second organisation

    /// <summary>Route values: the foreign agreement with its records, the caller's own open year with foreign or missing record ids; undo routes get deleted records.</summary>
    private sealed record Ids(
        Dictionary<string, string> Foreign, Dictionary<string, string> OwnYearForeignRecords, Dictionary<string, string> OwnYearMissingRecords,
        Dictionary<string, string> ForeignDeleted, Dictionary<string, string> OwnYearForeignDeleted, Dictionary<string, string> MissingAgreement);

    /// <summary>
    /// A second organisation with its own staff member and agreement, its first year open for entry,
    /// holding one record of every kind an edit form works on (and a deleted one for each undo).
    /// </summary>
    private static async Task<Ids> SeedAsync(PortalFactory factory)
    {
        _ = factory.Services;
        await using var db = factory.OpenDatabase();
        var region = await db.Regions.SingleAsync(r => r.Code == "latgale");
        var organisation = new Organisation { Name = ForeignOrganisation, RegionId = region.Id };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        var user = await factory.Service<ZemgaleNvo.Infrastructure.Identity.UserAdministration>()
            .AddAsync("svesa@zemgalenvo.test", ZemgaleNvo.Domain.Users.Roles.NgoStaff, "rudens lietus virs daugavpils", organisation.Name);
        Assert.True(user.Succeeded, string.Join("; ", user.Errors));

        var agreement = new DelegationAgreement
        {
            Title = ForeignText, TaskText = ForeignText, RegionId = region.Id, PerformerId = organisation.Id,
            PeriodStart = new DateOnly(2025, 1, 1), PeriodEnd = new DateOnly(2026, 12, 31),
        };
        agreement.GenerateYears();
        agreement.BudgetLines.Add(new BudgetLine { Ordinal = 1, Name = ForeignText + " 1" });
        agreement.BudgetLines.Add(new BudgetLine { Ordinal = 2, Name = ForeignText + " 2" });
        db.Agreements.Add(agreement);
        await db.SaveChangesAsync();
        var year = agreement.Years.Single(y => y.Number == 1);
        var line = agreement.BudgetLines[0];

        Activity Result(DateTime? deleted) => new() { ImplementationYearId = year.Id, BudgetLineId = line.Id, Ordinal = 1, Text = ForeignText, DeletedAtUtc = deleted };
        SpendingEntry Entry(DateTime? deleted) => new() { ImplementationYearId = year.Id, BudgetLineId = line.Id, Date = year.StartDate, Description = ForeignText, AmountCents = 10_000, DeletedAtUtc = deleted };
        EvidenceFile File(DateTime? deleted) => new()
        {
            ImplementationYearId = year.Id, FileName = "svesais.pdf", ContentType = "application/pdf", SizeBytes = 3,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData("abc"u8)), UploadedByName = ForeignText, UploadedAtUtc = DateTime.UtcNow, DeletedAtUtc = deleted,
        };
        var result = Result(null);
        var deletedResult = Result(DateTime.UtcNow);
        var entry = Entry(null);
        var deletedEntry = Entry(DateTime.UtcNow);
        var file = File(null);
        var deletedFile = File(DateTime.UtcNow);
        var reallocation = new Reallocation { ImplementationYearId = year.Id, FromBudgetLineId = line.Id, ToBudgetLineId = agreement.BudgetLines[1].Id, AmountCents = 5_000, Reason = ForeignText };
        var finding = new NonCompliantExpenditure { ImplementationYearId = year.Id, BudgetLineId = line.Id, AmountCents = 2_000, Reason = ForeignText, DecidedOn = year.StartDate };
        db.AddRange(result, deletedResult, entry, deletedEntry, file, deletedFile, reallocation, finding);
        db.SpendingTotals.Add(new SpendingTotal { ImplementationYearId = year.Id, BudgetLineId = agreement.BudgetLines[1].Id, AmountCents = 7_000 });
        await db.SaveChangesAsync();

        var own = await db.Agreements.SingleAsync(a => a.Performer!.Name == "Biedrība „Zemgales NVO centrs”");
        string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
        Dictionary<string, string> Records(bool restore) => new(StringComparer.Ordinal)
        {
            ["resultId"] = Text(restore ? deletedResult.Id : result.Id),
            ["entryId"] = Text(restore ? deletedEntry.Id : entry.Id),
            ["fileId"] = Text(restore ? deletedFile.Id : file.Id),
            ["reallocationId"] = Text(reallocation.Id),
            ["lineId"] = Text(line.Id),
            ["caseId"] = Text(finding.Id),
        };
        Dictionary<string, string> With(Dictionary<string, string> records, int agreementId, int number) =>
            new(records, StringComparer.Ordinal) { ["id"] = Text(agreementId), ["number"] = Text(number) };
        var missing = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["resultId"] = "999999", ["entryId"] = "999999", ["fileId"] = "999999", ["reallocationId"] = "999999", ["lineId"] = "999999", ["caseId"] = "999999",
        };
        return new Ids(
            Foreign: With(Records(restore: false), agreement.Id, 1),
            OwnYearForeignRecords: With(Records(restore: false), own.Id, 3),
            OwnYearMissingRecords: With(missing, own.Id, 3),
            ForeignDeleted: With(Records(restore: true), agreement.Id, 1),
            OwnYearForeignDeleted: With(Records(restore: true), own.Id, 3),
            MissingAgreement: With(missing, 999_999, 1));
    }

    // ---------------------------------------------------------------- the route table

    /// <summary>Every POST endpoint under /agreements (the organisation-scoped part of the portal), from the route table itself.</summary>
    private static List<string> PostRoutes(PortalFactory factory) =>
        factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Select(e => e.RoutePattern.RawText?.TrimStart('/') ?? "")
            .Where(p => p.StartsWith("agreements/", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            // Deletes after the edits, restores last, as a user would: no request may have changed anything anyway.
            .OrderBy(p => p.EndsWith("/restore", StringComparison.Ordinal) ? 2 : p.EndsWith("/delete", StringComparison.Ordinal) ? 1 : 0)
            .ThenBy(p => p, StringComparer.Ordinal)
            .ToList();

    /// <summary>The status, with the sign-in cookie's "access denied" redirect read as the 403 it stands for.</summary>
    private static string Answer(HttpResponseMessage response) =>
        response.Headers.Location?.OriginalString.Contains("/account/denied", StringComparison.Ordinal) == true
            ? "403"
            : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);

    private static IEnumerable<string> RecordParameters(string pattern) =>
        ParameterPattern().Matches(pattern).Select(m => m.Groups[1].Value).Where(n => n is not ("id" or "number"));

    private static string Fill(string pattern, Dictionary<string, string> values) =>
        "/" + ParameterPattern().Replace(pattern, m =>
        {
            Assert.True(values.TryGetValue(m.Groups[1].Value, out var value), $"No foreign id for the route parameter {{{m.Groups[1].Value}}} of /{pattern}: add one to the seed.");
            return value!;
        });

    /// <summary>
    /// A form as the edit pages send it, with plausible values, so that a missing ownership check
    /// would reach validation or the save instead of failing for want of input.
    /// </summary>
    private static FormUrlEncodedContent Form(string token) => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = token,
        ["direction"] = "down",
        ["Form.Reason"] = "Pamatojums", ["Form.Amount"] = "1,00", ["Form.Text"] = "Rezultāts", ["Form.Description"] = "Izdevums",
        ["Form.Date"] = "2025-02-01", ["Form.Version"] = "0",
    });

    [GeneratedRegex(@"\{([A-Za-z]+)(?::[^}]*)?\??\}")]
    private static partial Regex ParameterPattern();

    private static async Task<string> TokenAsync(HttpClient client)
    {
        var html = await (await client.GetAsync("/account/denied")).Content.ReadAsStringAsync();
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, "No antiforgery token on the denied page");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    /// <summary>
    /// A fingerprint of every row of every table, so "nothing changed" covers values, not only
    /// counts. Left out: the portal's own housekeeping (keys, sign-in sessions, authenticator keys)
    /// and the audit trail's security rows, which record the refusals themselves.
    /// </summary>
    private static async Task<Dictionary<string, string>> SnapshotAsync(PortalFactory factory)
    {
        await using var connection = new SqliteConnection($"Data Source={factory.DatabaseFile}");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EF%'";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        var prints = new Dictionary<string, string>(StringComparer.Ordinal);
        // The chain's head moves with every audit row, a refused request's "access denied" row included;
        // the data changes themselves are compared through the trail's Created/Updated/Deleted rows.
        foreach (var table in tables.Where(t => t is not "DataProtectionKeys" and not "SignInTickets" and not "AspNetUserTokens" and not "AuditChainHead"))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = table == "AuditTrail"
                ? $"SELECT * FROM \"{table}\" WHERE Action IN ('Created', 'Updated', 'Deleted') ORDER BY rowid"
                : $"SELECT * FROM \"{table}\" ORDER BY rowid";
            var text = new StringBuilder();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append(reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i) is byte[] bytes ? Convert.ToHexString(bytes) : reader.GetValue(i), CultureInfo.InvariantCulture)).Append('|');
                }
                text.Append('\n');
            }
            prints[table] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
        }
        return prints;
    }
}
