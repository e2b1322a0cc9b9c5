using System.Net;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Reviews;
using ZemgaleNvo.IntegrationTests.Infrastructure;

namespace ZemgaleNvo.IntegrationTests.Review;

/// <summary>
/// Every review step from every status by every kind of user, through HTTP: only the allowed ones
/// change the status; the rest are refused (403 for the wrong role, 404 for another organisation,
/// 409 for the wrong status) and change nothing.
/// </summary>
public sealed class WorkflowTransitionTests : IClassFixture<WorkflowTransitionTests.Portal>
{
    public sealed class Portal : IAsyncLifetime
    {
        public PortalFactory Factory { get; } = new();
        public DemoAgreement Demo { get; private set; } = null!;
        public Dictionary<string, HttpClient> Clients { get; } = [];

        public async Task InitializeAsync()
        {
            Demo = await DemoAgreement.LoadAsync(Factory);
            // Year III made complete, so submitting it is refused only for workflow reasons: the
            // overspent line covered by a reallocation, the evaluation written, the money carried in
            // and not spent explained (and accepted, so approving needs no confirmation).
            await using (var db = Factory.OpenDatabase())
            {
                var year = await db.ImplementationYears.SingleAsync(y => y.AgreementId == Demo.Id && y.Number == 3);
                year.EvaluationText = "Visi pasākumi īstenoti.";
                db.Reallocations.Add(new Domain.Agreements.Reallocation
                {
                    ImplementationYearId = year.Id, FromBudgetLineId = Demo.FirstLineId, ToBudgetLineId = Demo.SecondLineId,
                    AmountCents = 1_269_24, Reason = "Pārsnieguma segšana",
                });
                var explanation = new Domain.Checks.FindingExplanation
                {
                    ImplementationYearId = year.Id, RuleCode = Domain.Checks.ConsistencyRuleCodes.FinalRemainderNotReturned,
                    Text = "Atlikums tiks atmaksāts.", WrittenByName = "Demo NVO darbinieks",
                };
                explanation.Write(explanation.Text, null, explanation.WrittenByName, DateTime.UtcNow);
                explanation.Accept(null, "Demo recenzents", DateTime.UtcNow);
                db.FindingExplanations.Add(explanation);
                await db.SaveChangesAsync();
            }
            foreach (var email in new[] { Browser.Admin, Browser.Reviewer, Browser.ZemgaleStaff, Browser.OtherStaff })
            {
                Clients[email] = await Browser.SignedInClientAsync(Factory, email);
            }
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }

    private readonly Portal _portal;

    public WorkflowTransitionTests(Portal portal) => _portal = portal;

    /// <summary>Who may take which step: the performer's staff submit, reviewers return and approve, admins reopen.</summary>
    private static string? AllowedRole(string transition) => transition switch
    {
        "submit" => Browser.ZemgaleStaff,
        "return" or "approve" => Browser.Reviewer,
        "reopen" => Browser.Admin,
        _ => null,
    };

    private static ReviewStatus? Target(string transition, ReviewStatus from) => (transition, from) switch
    {
        ("submit", ReviewStatus.Draft or ReviewStatus.Returned) => ReviewStatus.Submitted,
        ("return", ReviewStatus.Submitted) => ReviewStatus.Returned,
        ("approve", ReviewStatus.Submitted) => ReviewStatus.Approved,
        ("reopen", ReviewStatus.Approved) => ReviewStatus.Returned,
        _ => null,
    };

    public static TheoryData<string, ReviewStatus, string> Cases()
    {
        var data = new TheoryData<string, ReviewStatus, string>();
        foreach (var transition in new[] { "submit", "return", "approve", "reopen" })
        {
            foreach (var status in Enum.GetValues<ReviewStatus>())
            {
                foreach (var email in new[] { Browser.Admin, Browser.Reviewer, Browser.ZemgaleStaff, Browser.OtherStaff })
                {
                    data.Add(transition, status, email);
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Only_the_allowed_role_takes_a_step_from_a_status_it_is_allowed_from(string transition, ReviewStatus from, string email)
    {
        await _portal.Demo.SetStatusAsync(_portal.Factory, 3, from);
        var client = _portal.Clients[email];
        var token = await Browser.AntiforgeryTokenAsync(client, "/");

        var response = await client.PostAsync($"{_portal.Demo.Year(3)}/{transition}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Decision.Text"] = "Lūdzu precizēt 2. rezultāta skaitu.",
        }));

        await using var db = _portal.Factory.OpenDatabase();
        var now = await db.ImplementationYears.Where(y => y.AgreementId == _portal.Demo.Id && y.Number == 3).Select(y => y.Status).SingleAsync();
        var target = Target(transition, from);
        HttpStatusCode expected;
        if (email == Browser.OtherStaff)
        {
            expected = HttpStatusCode.NotFound;
        }
        else if (email != AllowedRole(transition))
        {
            expected = HttpStatusCode.Forbidden;
        }
        else
        {
            expected = target is null ? HttpStatusCode.Conflict : HttpStatusCode.Redirect;
        }
        var outcome = response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/denied", StringComparison.Ordinal)
            ? HttpStatusCode.Forbidden : response.StatusCode;
        Assert.Equal(expected, outcome);
        Assert.Equal(expected == HttpStatusCode.Redirect ? target!.Value : from, now);
    }
}
