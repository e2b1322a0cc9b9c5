using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Security;

/// <summary>
/// A fuzz sweep over the portal's own route table: every POST endpoint gets at least 50 malformed
/// requests (unreadable or tampered bodies, impossible route values, hostile query strings, field
/// values at the ends of the calendar and of the number types, control, bidi and zero-width
/// characters), and every GET endpoint that reads the query string gets 50 hostile values for each
/// of its query fields; as an anonymous visitor and as each role. Nothing may answer 5xx, and
/// nothing may be saved: every table's row count (the audit trail without its security rows, which
/// record the refusals themselves) is the same afterwards. The route table is read at run time, so
/// an endpoint added later is swept without anyone listing it here. One portal per caller and one
/// client each, so the sweep stays at some tens of seconds.
/// </summary>
public sealed partial class MalformedInputTests
{
    public static TheoryData<AuthorizationMatrixTests.Caller> Callers => new(Enum.GetValues<AuthorizationMatrixTests.Caller>());

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task No_malformed_request_gets_a_server_error_or_saves_anything(AuthorizationMatrixTests.Caller caller)
    {
        using var factory = new PortalFactory();
        var ids = await RealIdsAsync(factory);
        var client = await ClientAsync(factory, caller);
        var before = await SnapshotAsync(factory);
        var token = await TokenAsync(client);

        var failures = new List<string>();
        var sent = 0;
        foreach (var endpoint in Endpoints(factory))
        {
            var requests = endpoint.Method == "POST" ? PostRequests(endpoint, ids, token).ToList() : GetRequests(endpoint, ids).ToList();
            if (endpoint.Method == "POST")
            {
                Assert.True(requests.Count >= 50, $"only {requests.Count} malformed requests for POST /{endpoint.Pattern}");
            }
            foreach (var (what, request) in requests)
            {
                using (request)
                {
                    sent++;
                    using var response = await client.SendAsync(request);
                    if ((int)response.StatusCode >= 500)
                    {
                        failures.Add($"{endpoint.Method} /{endpoint.Pattern} [{what}] as {caller}: {(int)response.StatusCode}"
                            + (failures.Count == 0 ? " " + string.Concat((await response.Content.ReadAsStringAsync()).Take(1500)) : ""));
                    }
                }
            }
        }

        var after = await SnapshotAsync(factory);
        var changed = before.Where(t => after.GetValueOrDefault(t.Key) != t.Value).Select(t => $"{t.Key}: {t.Value} → {after.GetValueOrDefault(t.Key)}").ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests got a server error:\n" + string.Join("\n", failures.Take(60)));
        Assert.True(changed.Count == 0, "Malformed requests saved something: " + string.Join("; ", changed));
        Assert.True(sent >= 1000, $"only {sent} requests were sent");
    }

    // ---------------------------------------------------------------- the malformed inputs

    private const string TokenField = "__RequestVerificationToken";

    /// <summary>Texts no form may store: each is too long for any field, and carries characters that have no place in a form.</summary>
    private static readonly string[] HostileTexts =
    [
        "\0", "\u202E", "\u200B\u200B", "\uFEFF", "\u2066", "\u0007", "\u001B[31m", "😀", "\uD800", "\r\n\r\n", "<script>alert(1)</script>",
        "' OR 1=1 --", "=cmd|' /C calc'!A0", "ｆｕｌｌ",
    ];

    private static readonly string[] HostileNumbers =
    [
        "99999999999999999999999", "-2147483649", "2147483648", "9223372036854775808", "NaN", "Infinity", "1e308", "-0", "１２",
        "0x10", "1,5,5", "١٢٣", " ", "1\u00002",
    ];

    private static readonly string[] HostileDates =
    [
        "9999-12-31", "0001-01-01", "10000-01-01", "31.12.9999", "2024-02-30", "9999-12-31T23:59:59", "0001-01-01T00:00:00", "-1",
        "2024-13-01", "１９９９-０１-０１", "9999-12-31T23:59:59.9999999+14:00", "0000-00-00",
    ];

    private static readonly string[] HostileReturnUrls =
    [
        "https://evil.example/", "//evil.example", "/\\evil.example", "/\u202Eevil", "/ｅｖｉｌ", "/ārā", "/\0", "javascript:alert(1)",
        "%00", "/" + new string('a', 9000), "/a\r\nLocation: https://evil.example", "/\uD800", "\\\\evil.example", "/%2F%2Fevil.example",
    ];

    /// <summary>Route values nobody has: out of range, not numbers, or characters a path should not carry.</summary>
    private static readonly string[] HostileRouteValues =
    [
        "0", "-1", "999999", "2147483648", "99999999999999999999", "abc", "%EF%BC%91", "%09", "%C0%AF", "..%2F..%2Fetc", "%E2%80%AE1",
        "1.5", "1e3", "%20", "%FF%FE",
    ];


    /// <summary>Bodies that are unreadable or carry no valid token: refused before any action runs.</summary>
    private static IEnumerable<(string What, Func<HttpContent> Body)> RefusedBodies(string token)
    {
        string Field(string value) => TokenField + "=" + Uri.EscapeDataString(value);
        yield return ("empty body", () => new ByteArrayContent([]));
        yield return ("a=%00", () => Form("a=%00"));
        yield return ("token %00", () => Form(TokenField + "=%00"));
        yield return ("token tampered", () => Form(Field(token + "x")));
        yield return ("token garbage", () => Form(Field("AAAA")));
        yield return ("token twice", () => Form(Field(token) + "&" + Field("garbage")));
        yield return ("1025 fields", () => Form(Field(token) + string.Concat(Enumerable.Range(0, 1025).Select(i => "&f" + i.ToString(CultureInfo.InvariantCulture) + "=1"))));
        yield return ("key of 3000 characters", () => Form(Field(token) + "&" + new string('k', 3000) + "=1"));
        // (A body over the size limits costs megabytes per request: BadInputTests sends it to the sign-in form once.)
        yield return ("value of 70 000 characters, no token", () => Form("a=" + new string('x', 20_001)));
        yield return ("multipart, broken boundary", () => Raw("--zzz\r\ngarbage", "multipart/form-data; boundary=xyz"));
        yield return ("multipart, no boundary", () => Raw(Field(token), "multipart/form-data"));
        yield return ("multipart, truncated", () => Raw($"--b\r\nContent-Disposition: form-data; name=\"{TokenField}\"\r\n\r\n{token}", "multipart/form-data; boundary=b"));
        yield return ("json", () => Raw($"{{\"{TokenField}\":\"{token}\"}}", "application/json"));
        yield return ("text/plain", () => Raw(Field(token), "text/plain"));
        yield return ("charset utf-16", () => Raw("a=1", "application/x-www-form-urlencoded; charset=utf-16"));
        yield return ("charset bogus", () => Raw("a=1", "application/x-www-form-urlencoded; charset=bogus-8"));
        yield return ("content type garbage", () => Raw("a=1", "%%%/;;;"));
        yield return ("invalid UTF-8", () => new ByteArrayContent([0x61, 0x3D, 0xFF, 0xFE, 0xC0, 0xAF]) { Headers = { ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded") } });
        yield return ("lone %", () => Form("%"));
        yield return ("empty pairs", () => Form("=&=&="));
        yield return ("ampersands", () => Form("&&&&"));
        yield return ("gzip that is not", () => new StringContent("a=1", Encoding.ASCII, "application/x-www-form-urlencoded") { Headers = { ContentEncoding = { "gzip" } } });
        yield return ("token %00 appended", () => Form(Field(token) + "%00"));
        yield return ("full-width token name", () => Form("ｔｏｋｅｎ=" + Uri.EscapeDataString(token)));
        yield return ("token name with %00", () => Form(TokenField + "%00=" + Uri.EscapeDataString(token)));
        yield return ("index out of range", () => Form("a[0]=1&a[2147483647]=2&a[-1]=3"));
        yield return ("deep key", () => Form(Field(token) + "&" + string.Concat(Enumerable.Repeat("a.", 1500)) + "b=1"));
        yield return ("xml", () => Raw("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>", "application/xml"));
    }

    private static IEnumerable<(string What, HttpRequestMessage Request)> PostRequests(Endpoint endpoint, Dictionary<string, string> ids, string token)
    {
        var url = Fill(endpoint.Pattern, ids);
        foreach (var (what, body) in RefusedBodies(token))
        {
            yield return (what, new HttpRequestMessage(HttpMethod.Post, url) { Content = body() });
        }

        if (endpoint.Parameters.Count > 0)
        {
            // Route values no record has, with a valid token and hostile fields: "not found", never a crash.
            foreach (var value in HostileRouteValues)
            {
                yield return ($"route value {value}", new HttpRequestMessage(HttpMethod.Post, "/" + ParameterPattern().Replace(endpoint.Pattern, value))
                {
                    Content = Form(FieldsFor(endpoint, "\0" + new string('x', 20_001), "-1", "9999-12-31", token)),
                });
            }
        }
        else
        {
            // No route values: hostile query strings instead. Where the endpoint sends the user on
            // to a return address, with a valid token (so that address is used); elsewhere without.
            var withToken = endpoint.ReadsReturnUrl ? TokenField + "=" + Uri.EscapeDataString(token) : "a=1";
            foreach (var value in HostileReturnUrls)
            {
                yield return ($"returnUrl {value[..Math.Min(value.Length, 30)]}", new HttpRequestMessage(HttpMethod.Post, url + "?returnUrl=" + Uri.EscapeDataString(value)) { Content = Form(withToken) });
            }
        }

        // Hostile field values with a valid token on the real records; every text is too long, so no form may save them.
        for (var i = 0; i < Math.Max(HostileNumbers.Length, HostileDates.Length); i++)
        {
            var text = HostileTexts[i % HostileTexts.Length] + new string('x', 20_001);
            var fields = FieldsFor(endpoint, text, HostileNumbers[i % HostileNumbers.Length], HostileDates[i % HostileDates.Length], endpoint.HasTextField ? token : "no-token");
            yield return ($"fields {HostileDates[i % HostileDates.Length]} {HostileNumbers[i % HostileNumbers.Length]}", new HttpRequestMessage(HttpMethod.Post, url) { Content = Form(fields) });
        }
    }

    /// <summary>Every query field of a GET endpoint (filters, return addresses) with one hostile value at a time.</summary>
    private static IEnumerable<(string What, HttpRequestMessage Request)> GetRequests(Endpoint endpoint, Dictionary<string, string> ids)
    {
        if (endpoint.QueryFields.Count == 0)
        {
            yield break;
        }
        var url = Fill(endpoint.Pattern, ids);
        foreach (var value in HostileDates.Concat(HostileNumbers).Concat(HostileReturnUrls).Concat(HostileTexts))
        {
            var query = string.Join("&", endpoint.QueryFields.Select(f => f + "=" + Uri.EscapeDataString(value)));
            yield return ($"query {value[..Math.Min(value.Length, 30)]}", new HttpRequestMessage(HttpMethod.Get, url + "?" + query));
        }
    }

    private static string FieldsFor(Endpoint endpoint, string text, string number, string date, string token)
    {
        var fields = new StringBuilder(TokenField + "=" + Uri.EscapeDataString(token));
        foreach (var (name, kind) in endpoint.FormFields)
        {
            var value = kind switch { FieldKind.Number => number, FieldKind.Date => date, _ => text };
            fields.Append('&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }
        return fields.ToString();
    }

    private static StringContent Form(string body) => new(body, Encoding.UTF8, "application/x-www-form-urlencoded");

    private static ByteArrayContent Raw(string body, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    // ---------------------------------------------------------------- the route table

    private enum FieldKind { Text, Number, Date }

    private sealed record Endpoint(string Method, string Pattern, IReadOnlyList<string> Parameters, IReadOnlyList<(string Name, FieldKind Kind)> FormFields, IReadOnlyList<string> QueryFields, bool ReadsReturnUrl)
    {
        public bool HasTextField => FormFields.Any(f => f.Kind == FieldKind.Text);
    }

    /// <summary>
    /// The application's endpoints with what they bind: route parameters, the fields of their form
    /// models, the query fields of their GET filters. Whatever ends or changes the caller's own
    /// session is swept last, so the rest is swept signed in.
    /// </summary>
    private static List<Endpoint> Endpoints(PortalFactory factory)
    {
        var list = new List<Endpoint>();
        foreach (var endpoint in factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var action = endpoint.Metadata.GetMetadata<ControllerActionDescriptor>();
            var pattern = endpoint.RoutePattern.RawText?.TrimStart('/') ?? "";
            var routeNames = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToList();
            var formFields = new List<(string, FieldKind)>();
            var queryFields = new List<string>();
            foreach (var parameter in action?.Parameters ?? [])
            {
                if (routeNames.Contains(parameter.Name, StringComparer.OrdinalIgnoreCase) || parameter.ParameterType == typeof(CancellationToken))
                {
                    continue;
                }
                var prefix = parameter.BindingInfo?.BinderModelName;
                var fields = Kind(parameter.ParameterType) is { } kind
                    ? [(prefix ?? parameter.Name, kind)]
                    : parameter.ParameterType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                        .Where(p => p.CanWrite && Kind(p.PropertyType) is not null)
                        .Select(p => ((string.IsNullOrEmpty(prefix) ? "" : prefix + ".") + p.Name, Kind(p.PropertyType)!.Value)).ToList();
                formFields.AddRange(fields);
                if (parameter.BindingInfo?.BindingSource != BindingSource.Form)
                {
                    queryFields.AddRange(fields.Select(f => f.Item1));
                }
            }
            var readsReturnUrl = formFields.Any(f => f.Item1.EndsWith("returnUrl", StringComparison.OrdinalIgnoreCase));
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                list.Add(new Endpoint(method, pattern, routeNames, formFields, queryFields, readsReturnUrl));
            }
        }
        return list.DistinctBy(e => (e.Method, e.Pattern))
            .OrderBy(e => e.Pattern is "account/logout" or "account/security/sessions/{sessionId:int}/end" ? 3 : e.Pattern is "account/two-factor/reset" or "account/two-factor/disable" or "account/password" ? 2 : 0)
            .ThenBy(e => e.Method + e.Pattern, StringComparer.Ordinal).ToList();
    }

    private static FieldKind? Kind(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(string) ? FieldKind.Text
            : t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset) ? FieldKind.Date
            : t == typeof(int) || t == typeof(long) || t == typeof(decimal) || t == typeof(double) || t.IsEnum || t == typeof(bool) ? FieldKind.Number
            : null;
    }

    private static string Fill(string pattern, Dictionary<string, string> ids) =>
        "/" + ParameterPattern().Replace(pattern, m => ids.TryGetValue((pattern.StartsWith("admin/users", StringComparison.Ordinal) ? "user" : "") + m.Groups[1].Value, out var v) ? v : "1");

    [GeneratedRegex(@"\{([A-Za-z]+)(?::[^}]*)?\??\}")]
    private static partial Regex ParameterPattern();

    // ---------------------------------------------------------------- callers and the database

    /// <summary>Real ids, so that malformed fields reach real records (the demo agreement and its open year III).</summary>
    private static async Task<Dictionary<string, string>> RealIdsAsync(PortalFactory factory)
    {
        _ = factory.Services;
        await using var db = factory.OpenDatabase();
        var agreement = await db.Agreements.Include(a => a.BudgetLines).SingleAsync(a => a.Performer!.Name == "Biedrība „Zemgales NVO centrs”");
        var year = await db.ImplementationYears.SingleAsync(y => y.AgreementId == agreement.Id && y.Number == 3);
        string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["id"] = Text(agreement.Id),
            ["number"] = "3",
            ["lineId"] = Text(agreement.BudgetLines.OrderBy(l => l.Ordinal).First().Id),
            ["resultId"] = Text(await db.Activities.Where(a => a.ImplementationYearId == year.Id).Select(a => a.Id).FirstAsync()),
            ["entryId"] = Text(await db.SpendingEntries.Where(e => e.ImplementationYearId == year.Id).Select(e => e.Id).FirstOrDefaultAsync()),
            ["reallocationId"] = Text(await db.Reallocations.Where(e => e.ImplementationYearId == year.Id).Select(e => e.Id).FirstOrDefaultAsync()),
            ["caseId"] = Text(await db.NonCompliantExpenditures.Where(e => e.ImplementationYearId == year.Id).Select(e => e.Id).FirstOrDefaultAsync()),
            ["statusCode"] = "404",
            ["userid"] = await db.Users.Where(u => u.Email == Browser.OtherStaff).Select(u => u.Id).SingleAsync(),
        };
    }

    private static async Task<HttpClient> ClientAsync(PortalFactory factory, AuthorizationMatrixTests.Caller caller) => caller switch
    {
        AuthorizationMatrixTests.Caller.Anonymous => factory.CreateClient(),
        AuthorizationMatrixTests.Caller.OtherStaff => await Browser.SignedInClientAsync(factory, Browser.OtherStaff),
        AuthorizationMatrixTests.Caller.Staff => await Browser.SignedInClientAsync(factory, Browser.ZemgaleStaff),
        AuthorizationMatrixTests.Caller.Reviewer => await Browser.SignedInClientAsync(factory, Browser.Reviewer),
        _ => await Browser.SignedInClientAsync(factory, Browser.Admin),
    };

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
    /// Row counts of every table. The audit trail counts without its security rows (denied access,
    /// failed sign-ins, sign-outs), which record the refusals rather than a change; the session
    /// tickets, data-protection keys and the authenticator key the enrolment page makes when it is
    /// first shown (a GET) are the portal's own housekeeping.
    /// </summary>
    private static async Task<Dictionary<string, long>> SnapshotAsync(PortalFactory factory)
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
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables.Where(t => t is not "DataProtectionKeys" and not "SignInTickets" and not "AspNetUserTokens"))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = table == "AuditTrail"
                ? $"SELECT COUNT(*) FROM \"{table}\" WHERE Action IN ('Created', 'Updated', 'Deleted')"
                : $"SELECT COUNT(*) FROM \"{table}\"";
            counts[table] = (long)(await command.ExecuteScalarAsync())!;
        }
        return counts;
    }
}
