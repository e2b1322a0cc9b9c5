using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Organisations;
using ZemgaleNvo.Domain.Users;
using ZemgaleNvo.Infrastructure.Identity;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Security;

/// <summary>
/// Every endpoint of the portal, found in its own route table, called as each kind of user, against
/// the outcome this table says it must have. An endpoint added without a line here fails the test,
/// so nobody can add a page without deciding who may open it.
/// </summary>
public sealed partial class AuthorizationMatrixTests
{
    /// <summary>Who calls, in the column order of <see cref="Matrix"/>.</summary>
    public enum Caller { Anonymous, OtherStaff, Staff, Reviewer, Admin }

    /// <summary>
    /// What a caller gets:
    /// ok — the endpoint did its work or answered about the input (200, a redirect onwards, 304, or 409/422 for a locked year or a refused form);
    /// login — sent to sign in; 403 — refused (the 403 page, or the redirect to it);
    /// 404 — the agreement is not theirs to know about (the organisation filter), or the error page of that code;
    /// enrol — sent to set up two-factor sign-in (one's own account pages that need it);
    /// 400 — the request itself is refused (a set-password link that is missing, used or expired).
    /// </summary>
    private static readonly Dictionary<string, string> Matrix = new(StringComparer.Ordinal)
    {
        // Columns: anonymous, another organisation's staff, the performer's staff, reviewer, admin.
        // Signing in and one's own account: open to all, or to whoever is signed in
        ["GET /"]                                                                                       = "login ok ok ok ok",
        ["GET /account/denied"]                                                                         = "403 403 403 403 403",
        ["GET /account/login"]                                                                          = "ok ok ok ok ok",
        ["GET /account/login/recovery-code"]                                                            = "login login login login login",
        ["GET /account/login/two-factor"]                                                               = "login login login login login",
        ["GET /account/password"]                                                                       = "login ok ok ok ok",
        ["GET /account/security"]                                                                       = "login ok ok ok ok",
        ["GET /account/two-factor/setup"]                                                               = "login ok ok ok ok",
        ["POST /account/login"]                                                                         = "ok ok ok ok ok",
        ["POST /account/login/recovery-code"]                                                           = "login login login login login",
        ["POST /account/login/two-factor"]                                                              = "login login login login login",
        ["POST /account/two-factor/recovery-codes"]                                                     = "login enrol enrol ok ok",
        ["POST /account/two-factor/setup"]                                                              = "login ok ok ok ok",
        ["POST /language"]                                                                              = "ok ok ok ok ok",
        ["POST /account/password"]                                                                      = "login ok ok ok ok",
        ["POST /account/two-factor/disable"]                                                            = "login ok ok 403 403",
        ["POST /account/weekly-digest"]                                                                 = "login 403 403 ok 403",
        ["POST /account/two-factor/reset"]                                                              = "login enrol enrol enrol enrol",
        ["POST /account/logout"]                                                                        = "login login login login login",
        // Ending a session: only one's own; the {sessionId} is the matrix user's, so every caller gets 404 (issue 17)
        ["POST /account/security/sessions/{sessionId:int}/end"]                                         = "login 404 404 404 404",
        ["GET /session/keep-alive"]                                                                     = "login ok ok ok ok",
        // The invitation link: anyone holding it; without a valid link the request is refused
        ["GET /account/set-password"]                                                                       = "400 400 400 400 400",
        ["POST /account/set-password"]                                                                      = "400 400 400 400 400",

        // Administration: admins only (not scoped to an organisation, so refused rather than hidden)
        ["GET /admin"]                                                                                      = "login 403 403 403 ok",
        ["GET /admin/agreements"]                                                                           = "login 403 403 403 ok",
        ["GET /admin/agreements/new"]                                                                       = "login 403 403 403 ok",
        ["GET /admin/agreements/{id:int}/edit"]                                                             = "login 403 403 403 ok",
        ["GET /admin/agreements/{id:int}/lines/new"]                                                        = "login 403 403 403 ok",
        ["GET /admin/agreements/{id:int}/lines/{lineId:int}"]                                               = "login 403 403 403 ok",
        ["GET /admin/organisations"]                                                                        = "login 403 403 403 ok",
        ["GET /admin/outbox"]                                                                               = "login 403 403 403 ok",
        ["POST /admin/outbox/{messageId:int}/resend"]                                                       = "login 403 403 403 ok",
        ["GET /admin/organisations/new"]                                                                    = "login 403 403 403 ok",
        ["GET /admin/organisations/{id:int}"]                                                               = "login 403 403 403 ok",
        ["GET /admin/regions"]                                                                              = "login 403 403 403 ok",
        ["GET /admin/regions/new"]                                                                          = "login 403 403 403 ok",
        ["GET /admin/regions/{id:int}"]                                                                     = "login 403 403 403 ok",
        ["GET /admin/users"]                                                                                = "login 403 403 403 ok",
        ["GET /admin/users/new"]                                                                            = "login 403 403 403 ok",
        ["GET /admin/users/{id}"]                                                                           = "login 403 403 403 ok",
        ["POST /admin/agreements/new"]                                                                      = "login 403 403 403 ok",
        ["POST /admin/agreements/{id:int}/edit"]                                                            = "login 403 403 403 ok",
        ["POST /admin/agreements/{id:int}/lines/new"]                                                       = "login 403 403 403 ok",
        ["POST /admin/agreements/{id:int}/lines/{lineId:int}"]                                              = "login 403 403 403 ok",
        ["POST /admin/agreements/{id:int}/lines/{lineId:int}/down"]                                         = "login 403 403 403 ok",
        ["POST /admin/agreements/{id:int}/lines/{lineId:int}/up"]                                           = "login 403 403 403 ok",
        ["POST /admin/organisations/new"]                                                                   = "login 403 403 403 ok",
        ["POST /admin/organisations/{id:int}"]                                                              = "login 403 403 403 ok",
        ["POST /admin/regions/new"]                                                                         = "login 403 403 403 ok",
        ["POST /admin/regions/{id:int}"]                                                                    = "login 403 403 403 ok",
        ["POST /admin/users/new"]                                                                           = "login 403 403 403 ok",
        ["POST /admin/users/{id}/deactivate"]                                                               = "login 403 403 403 ok",
        ["POST /admin/users/{id}/end-sessions"]                                                             = "login 403 403 403 ok",
        ["GET /admin/integrity"]                                                                            = "login 403 403 403 ok",
        ["POST /admin/integrity/verify"]                                                                    = "login 403 403 403 ok",
        ["POST /admin/users/{id}/lock"]                                                                     = "login 403 403 403 ok",
        ["POST /admin/users/{id}/reactivate"]                                                               = "login 403 403 403 ok",
        ["POST /admin/users/{id}/reset-two-factor"]                                                         = "login 403 403 403 ok",
        ["POST /admin/users/{id}/role"]                                                                     = "login 403 403 403 ok",
        ["POST /admin/users/{id}/send-link"]                                                                = "login 403 403 403 ok",
        ["POST /admin/users/{id}/unlock"]                                                                   = "login 403 403 403 ok",
        ["POST /admin/agreements/{id:int}/lines/{lineId:int}/delete"]                                       = "login 403 403 403 ok",
        ["GET /admin/agreements/{id:int}/indicators/new"]                                                   = "login 403 403 403 ok",
        ["GET /admin/agreements/{id:int}/indicators/{indicatorId:int}"]                                     = "login 403 403 403 ok",
        ["POST /admin/agreements/{id:int}/indicators/new"]                                                  = "login 403 403 403 ok",
        ["POST /admin/agreements/{id:int}/indicators/{indicatorId:int}"]                                    = "login 403 403 403 ok",
        ["POST /admin/agreements/{id:int}/indicators/{indicatorId:int}/delete"]                             = "login 403 403 403 ok",
        ["POST /admin/organisations/{id:int}/delete"]                                                       = "login 403 403 403 ok",
        ["POST /admin/regions/{id:int}/delete"]                                                             = "login 403 403 403 ok",

        // Operations and error pages: anonymous by design, no details
        ["GET /error/{statusCode:int?}"]                                                                = "404 404 404 404 404",
        ["GET /health/live"]                                                                            = "ok ok ok ok ok",
        ["GET /health/ready"]                                                                           = "ok ok ok ok ok",

        // Pages over every agreement: ministry only
        ["GET /dashboard"]                                                                              = "login 403 403 ok ok",

        // Reading an agreement: its performer's staff, reviewers, admins; other organisations do not learn it exists
        ["GET /agreements/{id:int}"]                                                                    = "login 404 ok ok ok",
        ["GET /agreements/{id:int}/summary"]                                                            = "login 404 ok ok ok",
        ["GET /agreements/{id:int}/summary.csv"]                                                        = "login 404 ok ok ok",
        ["GET /agreements/{id:int}/summary.json"]                                                       = "login 404 ok ok ok",
        ["GET /agreements/{id:int}/summary.pdf"]                                                        = "login 404 ok ok ok",
        ["GET /agreements/{id:int}/summary.xlsx"]                                                       = "login 404 ok ok ok",
        ["GET /agreements/{id:int}/summary/review"]                                                     = "login 404 ok ok ok",
        ["GET /agreements/{id:int}/years/{number:int}"]                                                 = "login 404 ok ok ok",
        ["GET /agreements/{id:int}/years/{number:int}.pdf"]                                             = "login 404 ok ok ok",
        ["GET /agreements/{id:int}/years/{number:int}/entry"]                                           = "login 404 ok ok ok",
        ["GET /agreements/{id:int}/years/{number:int}/evidence"]                                        = "login 404 ok ok ok",
        ["GET /agreements/{id:int}/years/{number:int}/evidence/{fileId:int}"]                           = "login 404 ok ok ok",

        // The change history: reviewers and admins
        ["GET /agreements/{id:int}/audit"]                                                              = "login 404 403 ok ok",
        // The auditor's dossier holds the change history: the same people
        ["GET /agreements/{id:int}/dossier.zip"]                                                        = "login 404 403 ok ok",

        // Publishing the approved summary: reviewers (the demo summary is not approved: told so, nothing published)
        ["POST /agreements/{id:int}/summary/publish"]                                                   = "login 404 403 ok 403",
        ["POST /agreements/{id:int}/summary/withdraw"]                                                  = "login 404 403 ok 403",
        // The public pages: anyone, and nothing that is not published (the demo summary is not)
        ["GET /public"]                                                                                 = "ok ok ok ok ok",
        ["GET /public/summaries.csv"]                                                                   = "ok ok ok ok ok",
        ["GET /public/summaries.json"]                                                                  = "ok ok ok ok ok",
        ["GET /public/{id:int}"]                                                                        = "404 404 404 404 404",
        ["GET /public/{id:int}.json"]                                                                   = "404 404 404 404 404",
        ["GET /public/{id:int}.pdf"]                                                                    = "404 404 404 404 404",

        // Data entry: the performer's staff only (reviewers and admins read the year page)
        ["GET /agreements/{id:int}/other-information"]                                                  = "login 404 ok 403 403",
        ["GET /agreements/{id:int}/years/{number:int}/carry-over"]                                      = "login 404 ok 403 403",
        ["GET /agreements/{id:int}/years/{number:int}/evaluation"]                                      = "login 404 ok 403 403",
        ["GET /agreements/{id:int}/years/{number:int}/reallocations/new"]                               = "login 404 ok 403 403",
        ["GET /agreements/{id:int}/years/{number:int}/reallocations/{reallocationId:int}"]              = "login 404 ok 403 403",
        ["GET /agreements/{id:int}/years/{number:int}/results/new"]                                     = "login 404 ok 403 403",
        ["GET /agreements/{id:int}/years/{number:int}/results/{resultId:int}"]                          = "login 404 ok 403 403",
        ["GET /agreements/{id:int}/years/{number:int}/spending/lines/{lineId:int}/total"]               = "login 404 ok 403 403",
        ["GET /agreements/{id:int}/years/{number:int}/spending/new"]                                    = "login 404 ok 403 403",
        ["GET /agreements/{id:int}/years/{number:int}/spending/totals"]                                 = "login 404 ok 403 403",
        ["GET /agreements/{id:int}/years/{number:int}/spending/import"]                                 = "login 404 ok 403 403",
        ["GET /agreements/{id:int}/years/{number:int}/spending/import/template.csv"]                    = "login 404 ok 403 403",
        ["GET /agreements/{id:int}/years/{number:int}/spending/import/template.xlsx"]                   = "login 404 ok 403 403",
        ["POST /agreements/{id:int}/years/{number:int}/spending/import"]                                = "login 404 ok 403 403",
        ["POST /agreements/{id:int}/years/{number:int}/spending/import/preview"]                        = "login 404 ok 403 403",
        ["GET /agreements/{id:int}/years/{number:int}/spending/{entryId:int}"]                          = "login 404 ok 403 403",
        ["POST /agreements/{id:int}/other-information"]                                                 = "login 404 ok 403 403",
        ["POST /agreements/{id:int}/years/{number:int}/carry-over"]                                     = "login 404 ok 403 403",
        ["POST /agreements/{id:int}/years/{number:int}/evaluation"]                                     = "login 404 ok 403 403",
        ["POST /agreements/{id:int}/years/{number:int}/reallocations/new"]                              = "login 404 ok 403 403",
        ["POST /agreements/{id:int}/years/{number:int}/reallocations/{reallocationId:int}"]             = "login 404 ok 403 403",
        ["POST /agreements/{id:int}/years/{number:int}/results/new"]                                    = "login 404 ok 403 403",
        ["POST /agreements/{id:int}/years/{number:int}/results/{resultId:int}"]                         = "login 404 ok 403 403",
        ["POST /agreements/{id:int}/years/{number:int}/results/{resultId:int}/move"]                    = "login 404 ok 403 403",
        ["POST /agreements/{id:int}/years/{number:int}/spending/lines/{lineId:int}/total"]              = "login 404 ok 403 403",
        ["POST /agreements/{id:int}/years/{number:int}/spending/new"]                                   = "login 404 ok 403 403",
        ["POST /agreements/{id:int}/years/{number:int}/spending/totals"]                                = "login 404 ok 403 403",
        ["POST /agreements/{id:int}/years/{number:int}/spending/{entryId:int}"]                         = "login 404 ok 403 403",
        ["POST /agreements/{id:int}/years/{number:int}/reallocations/{reallocationId:int}/delete"]      = "login 404 ok 403 403",
        ["POST /agreements/{id:int}/years/{number:int}/results/{resultId:int}/delete"]                  = "login 404 ok 403 403",
        ["POST /agreements/{id:int}/years/{number:int}/spending/{entryId:int}/delete"]                  = "login 404 ok 403 403",
        ["POST /agreements/{id:int}/years/{number:int}/results/{resultId:int}/restore"]                 = "login 404 ok 403 403",
        ["POST /agreements/{id:int}/years/{number:int}/spending/{entryId:int}/restore"]                 = "login 404 ok 403 403",
        ["POST /agreements/{id:int}/years/{number:int}/evidence"]                                       = "login 404 ok 403 403",
        ["POST /agreements/{id:int}/years/{number:int}/evidence/{fileId:int}/delete"]                   = "login 404 ok 403 403",
        ["POST /agreements/{id:int}/years/{number:int}/evidence/{fileId:int}/restore"]                  = "login 404 ok 403 403",

        // Review steps: submit by staff, comment by staff and reviewers, return/approve by reviewers, reopen by admins
        ["POST /agreements/{id:int}/summary/approve"]                                                   = "login 404 403 ok 403",
        ["POST /agreements/{id:int}/summary/comments"]                                                  = "login 404 ok ok 403",
        ["POST /agreements/{id:int}/summary/reopen"]                                                    = "login 404 403 403 ok",
        ["POST /agreements/{id:int}/summary/return"]                                                    = "login 404 403 ok 403",
        ["POST /agreements/{id:int}/summary/submit"]                                                    = "login 404 ok 403 403",
        ["POST /agreements/{id:int}/years/{number:int}/approve"]                                        = "login 404 403 ok 403",
        ["POST /agreements/{id:int}/years/{number:int}/comments"]                                       = "login 404 ok ok 403",
        ["POST /agreements/{id:int}/years/{number:int}/reopen"]                                         = "login 404 403 403 ok",
        ["POST /agreements/{id:int}/years/{number:int}/return"]                                         = "login 404 403 ok 403",
        ["POST /agreements/{id:int}/years/{number:int}/submit"]                                         = "login 404 ok 403 403",
        ["POST /agreements/{id:int}/years/{number:int}/explanations"]                                   = "login 404 ok 403 403",
        ["POST /agreements/{id:int}/years/{number:int}/explanations/accept"]                            = "login 404 403 ok 403",

        // Non-compliant expenditure (issue 13): the ministry's finding, recorded by reviewers; everyone who reads the agreement sees it
        ["GET /agreements/{id:int}/years/{number:int}/non-compliance"]                                  = "login 404 ok ok ok",
        ["GET /agreements/{id:int}/years/{number:int}/non-compliance/new"]                              = "login 404 403 ok 403",
        ["POST /agreements/{id:int}/years/{number:int}/non-compliance/new"]                             = "login 404 403 ok 403",
        ["GET /agreements/{id:int}/years/{number:int}/non-compliance/{caseId:int}/recoveries/new"]      = "login 404 403 ok 403",
        ["POST /agreements/{id:int}/years/{number:int}/non-compliance/{caseId:int}/recoveries/new"]     = "login 404 403 ok 403",
        ["GET /agreements/{id:int}/years/{number:int}/non-compliance/{caseId:int}/edit"]                = "login 404 403 ok 403",
        ["POST /agreements/{id:int}/years/{number:int}/non-compliance/{caseId:int}/edit"]               = "login 404 403 ok 403",
        ["GET /agreements/{id:int}/years/{number:int}/non-compliance/{caseId:int}/delete"]              = "login 404 403 ok 403",
        ["POST /agreements/{id:int}/years/{number:int}/non-compliance/{caseId:int}/delete"]             = "login 404 403 ok 403",
    };

    private static readonly string[] Outcomes = ["ok", "login", "403", "404", "enrol", "400"];

    public static TheoryData<Caller> Callers => new(Enum.GetValues<Caller>());

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Every_endpoint_answers_each_kind_of_user_as_the_matrix_says(Caller caller)
    {
        using var factory = new PortalFactory();
        var values = await RouteValues.PrepareAsync(factory);
        var endpoints = Endpoints(factory);
        var client = await ClientAsync(factory, caller);
        var token = await TokenAsync(client);

        var problems = new List<string>();
        foreach (var endpoint in endpoints.OrderBy(e => e.Order).ThenBy(e => e.Key, StringComparer.Ordinal))
        {
            var expected = Matrix.TryGetValue(endpoint.Key, out var row) ? row.Split(' ', StringSplitOptions.RemoveEmptyEntries)[(int)caller] : null;
            Assert.True(expected is null || Outcomes.Contains(expected), $"Unknown outcome in the rule for {endpoint.Key}");
            var url = values.Fill(endpoint.Pattern);
            using var response = endpoint.Method == "GET"
                ? await client.GetAsync(url)
                : await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>(MinimalForm(endpoint.Pattern)) { ["__RequestVerificationToken"] = token }));
            var actual = Outcome(response);
            if (expected is null)
            {
                // Said with what it answered now, so the author can decide whether that is right.
                problems.Add($"no rule for \"{endpoint.Key}\" (as {caller} it answered: {actual})");
            }
            else if (actual != expected)
            {
                problems.Add($"{endpoint.Key} as {caller}: expected {expected}, got {actual} ({(int)response.StatusCode} {response.Headers.Location})");
            }
            if (!HasSecurityHeaders(response))
            {
                problems.Add($"{endpoint.Key} as {caller}: security headers missing");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_rule_in_the_matrix_belongs_to_an_endpoint_that_exists()
    {
        using var factory = new PortalFactory();
        var keys = Endpoints(factory).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);

        var stale = Matrix.Keys.Where(k => !keys.Contains(k)).ToList();
        Assert.True(stale.Count == 0, "Rules for endpoints that no longer exist: " + string.Join(", ", stale));
    }

    private static string Outcome(HttpResponseMessage response)
    {
        // The cookie handler redirects to absolute addresses, MVC to relative ones.
        var location = response.Headers.Location is { } target
            ? (target.IsAbsoluteUri ? target.PathAndQuery : target.OriginalString)
            : "";
        return (int)response.StatusCode switch
        {
            403 => "403",
            404 => "404",
            >= 500 => $"server error {(int)response.StatusCode}",
            400 => "400",
            401 => "401",
            302 or 303 when location.StartsWith("/account/denied", StringComparison.Ordinal) => "403",
            302 or 303 when location.StartsWith("/account/login", StringComparison.Ordinal) => "login",
            302 or 303 when location.StartsWith("/account/two-factor/setup", StringComparison.Ordinal) => "enrol",
            _ => "ok",
        };
    }

    /// <summary>
    /// The field a form always sends for the endpoints that cannot do without it (the buttons carry
    /// it); every other POST goes with the token alone, which a refusal must not depend on.
    /// </summary>
    private static Dictionary<string, string> MinimalForm(string pattern) =>
        pattern.EndsWith("/move", StringComparison.Ordinal) ? new() { ["direction"] = "down" } : [];

    private static bool HasSecurityHeaders(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Content-Security-Policy", out var csp) && csp.Single().Contains("frame-ancestors 'none'", StringComparison.Ordinal)
        && response.Headers.TryGetValues("X-Content-Type-Options", out var sniff) && sniff.Single() == "nosniff"
        && response.Headers.Contains("Referrer-Policy");

    private sealed record Endpoint(string Method, string Pattern, int Order)
    {
        public string Key => $"{Method} /{Pattern}";
    }

    /// <summary>The application's own endpoints, one per HTTP method.</summary>
    private static List<Endpoint> Endpoints(PortalFactory factory)
    {
        var sources = factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        var list = new List<Endpoint>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern.RawText?.TrimStart('/') ?? "";
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods)
            {
                list.Add(new Endpoint(method, pattern, RunOrder(method, pattern)));
            }
        }
        return list.DistinctBy(e => e.Key).ToList();
    }

    /// <summary>
    /// Reading first; then changes; deletes after the edits of the same record, restores after the
    /// deletes; and what ends or changes the caller's own session last of all.
    /// </summary>
    private static int RunOrder(string method, string pattern) => method == "GET" ? 0
        : pattern.EndsWith("/delete", StringComparison.Ordinal) ? 2
        : pattern.EndsWith("/restore", StringComparison.Ordinal) ? 3
        : pattern is "account/two-factor/reset" or "account/two-factor/disable" or "account/password" ? 4
        : pattern is "account/logout" ? 5
        : 1;

    private static async Task<HttpClient> ClientAsync(PortalFactory factory, Caller caller) => caller switch
    {
        Caller.Anonymous => factory.CreateClient(),
        Caller.OtherStaff => await Browser.SignedInClientAsync(factory, Browser.OtherStaff),
        Caller.Staff => await Browser.SignedInClientAsync(factory, Browser.ZemgaleStaff),
        Caller.Reviewer => await Browser.SignedInClientAsync(factory, Browser.Reviewer),
        Caller.Admin => await Browser.SignedInClientAsync(factory, Browser.Admin),
        _ => throw new ArgumentOutOfRangeException(nameof(caller)),
    };

    /// <summary>An antiforgery token for this caller, from a page everyone can open (the 403 page carries the layout's forms).</summary>
    private static async Task<string> TokenAsync(HttpClient client)
    {
        var html = await (await client.GetAsync("/account/denied")).Content.ReadAsStringAsync();
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, "No antiforgery token on the denied page");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    /// <summary>Real ids for the route parameters: the demo agreement, its open year III and records in it.</summary>
    private sealed partial class RouteValues(Dictionary<string, string> values, Dictionary<string, string> idsByPrefix)
    {
        public static async Task<RouteValues> PrepareAsync(PortalFactory factory)
        {
            _ = factory.Services; // start the portal: migrate and seed
            await using var db = factory.OpenDatabase();
            var agreement = await db.Agreements.Include(a => a.BudgetLines).Include(a => a.Years)
                .SingleAsync(a => a.Performer!.Name == "Biedrība „Zemgales NVO centrs”");
            var year = agreement.Years.Single(y => y.Number == 3);
            var lines = agreement.BudgetLines.OrderBy(l => l.Ordinal).ToList();
            var activity = await db.Activities.Where(a => a.ImplementationYearId == year.Id).Select(a => a.Id).FirstAsync();
            var entry = await db.SpendingEntries.Where(e => e.ImplementationYearId == year.Id).Select(e => (int?)e.Id).FirstOrDefaultAsync();
            if (entry is null)
            {
                var added = new SpendingEntry { ImplementationYearId = year.Id, BudgetLineId = lines[0].Id, Date = year.StartDate, Description = "Telpu noma", AmountCents = 10_000 };
                db.SpendingEntries.Add(added);
                await db.SaveChangesAsync();
                entry = added.Id;
            }
            var reallocation = await db.Reallocations.Where(r => r.ImplementationYearId == year.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync();
            if (reallocation is null)
            {
                var added = new Reallocation { ImplementationYearId = year.Id, FromBudgetLineId = lines[0].Id, ToBudgetLineId = lines[1].Id, AmountCents = 5_000, Reason = "Pārdale pasākumam" };
                db.Reallocations.Add(added);
                await db.SaveChangesAsync();
                reallocation = added.Id;
            }
            // A non-compliant expenditure in year III, for the recovery pages.
            var nonCompliant = new NonCompliantExpenditure { ImplementationYearId = year.Id, BudgetLineId = lines[0].Id, AmountCents = 100_00, Reason = "Matricas neatbilstība" };
            db.NonCompliantExpenditures.Add(nonCompliant);
            await db.SaveChangesAsync();
            // An evidence file in year III, its bytes in the database store, for the download, delete and undo.
            var content = "%PDF-1.4 matricas pierādījums"u8.ToArray();
            var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
            db.EvidenceBlobs.Add(new ZemgaleNvo.Infrastructure.Evidence.EvidenceBlob { Sha256 = sha, SizeBytes = content.Length, Content = content });
            var evidence = new ZemgaleNvo.Domain.Evidence.EvidenceFile
            {
                ImplementationYearId = year.Id, FileName = "matrica.pdf", ContentType = "application/pdf", SizeBytes = content.Length,
                Sha256 = sha, UploadedByName = "matrica", UploadedAtUtc = DateTime.UtcNow,
            };
            db.EvidenceFiles.Add(evidence);
            await db.SaveChangesAsync();
            // A performance indicator with a target in year III, counted by a result, so the admin's
            // delete is refused (409) and the indicator stays for the other calls.
            var indicator = new PerformanceIndicator { AgreementId = agreement.Id, Ordinal = 1, Name = "Matricas rādītājs", Unit = "semināri" };
            indicator.Targets.Add(new IndicatorTarget { ImplementationYearId = year.Id, Count = 5 });
            db.PerformanceIndicators.Add(indicator);
            await db.SaveChangesAsync();
            db.Indicators.Add(new Indicator { ActivityId = activity, Count = 2, Unit = "semināri", PerformanceIndicatorId = indicator.Id });
            await db.SaveChangesAsync();
            // The admin screens' {id} is a user, an organisation or a region: records made for this
            // test, so locking, deactivating or deleting them touches nothing else.
            var region = new Region { Name = "Matricas reģions", NameStem = "Matricas", Code = "matrica" };
            db.Regions.Add(region);
            await db.SaveChangesAsync();
            var organisation = new Organisation { Name = "Biedrība „Matrica”", RegionId = region.Id };
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            var user = await factory.Service<UserAdministration>().AddAsync("matrica@zemgalenvo.test", Roles.NgoStaff, "rudens lietus virs jelgavas", organisation.Name);
            Assert.True(user.Succeeded, string.Join("; ", user.Errors));
            var userId = await db.Users.Where(u => u.Email == "matrica@zemgalenvo.test").Select(u => u.Id).SingleAsync();
            // An open session of the matrix user: nobody else may end it.
            var session = new ZemgaleNvo.Infrastructure.Identity.SignInTicket
            {
                KeyHash = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)), UserId = userId, Ticket = [1],
                CreatedAtUtc = DateTime.UtcNow, LastSeenAtUtc = DateTime.UtcNow, ExpiresAtUtc = DateTime.UtcNow.AddHours(1),
            };
            db.SignInTickets.Add(session);
            await db.SaveChangesAsync();

            // A failed email for the outbox page's "send again".
            var failed = new ZemgaleNvo.Infrastructure.Notifications.OutboxMessage
            {
                Recipient = "matrica@zemgalenvo.test", Subject = "Matrica", TextBody = "Matrica", HtmlBody = "<p>Matrica</p>",
                Kind = "workflow", DedupeKey = $"matrix:{Guid.NewGuid():N}", CreatedAtUtc = DateTime.UtcNow, NextAttemptAtUtc = DateTime.UtcNow,
                Status = ZemgaleNvo.Infrastructure.Notifications.OutboxStatus.Failed, Attempts = 12, LastError = "SocketException: Connection refused",
            };
            db.OutboxMessages.Add(failed);
            await db.SaveChangesAsync();

            string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
            var idsByPrefix = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["admin/users/"] = userId,
                ["admin/organisations/"] = Text(organisation.Id),
                ["admin/regions/"] = Text(region.Id),
            };
            return new RouteValues(idsByPrefix: idsByPrefix, values: new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["id"] = Text(agreement.Id),
                ["number"] = "3",
                ["resultId"] = Text(activity),
                ["entryId"] = Text(entry.Value),
                ["reallocationId"] = Text(reallocation.Value),
                ["fileId"] = Text(evidence.Id),
                ["caseId"] = Text(nonCompliant.Id),
                ["lineId"] = Text(lines[0].Id),
                ["indicatorId"] = Text(indicator.Id),
                ["messageId"] = Text(failed.Id),
                ["sessionId"] = Text(session.Id),
                ["statusCode"] = "404",
            });
        }

        /// <summary>"agreements/{id:int}/years/{number:int}.pdf" → "/agreements/1/years/3.pdf"; an unknown parameter fails the test.</summary>
        public string Fill(string pattern)
        {
            var filled = ParameterPattern().Replace(pattern, match =>
            {
                var name = match.Groups[1].Value;
                var own = name == "id" ? idsByPrefix.FirstOrDefault(p => pattern.StartsWith(p.Key, StringComparison.Ordinal)).Value : null;
                if (own is not null)
                {
                    return own;
                }
                Assert.True(values.TryGetValue(name, out var value), $"The matrix has no value for the route parameter {{{name}}} of /{pattern}.");
                return value!;
            });
            return "/" + filled;
        }

        [GeneratedRegex(@"\{([A-Za-z]+)(?::[^}]*)?\??\}")]
        private static partial Regex ParameterPattern();
    }
}
