using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Routing;
using ZemgaleNvo.Web.Features.Years;
using ZemgaleNvo.Web.Gates;

namespace ZemgaleNvo.IntegrationTests.Years;

/// <summary>
/// The year gate is declared, not written out, so it cannot be forgotten unnoticed: every action under
/// a year's route, and every action that takes what a gate opens, declares the gate that opens it.
/// (DataEntryAccessTests and the authorization matrix then check what the gate answers.)
/// </summary>
public sealed class GateDeclarationTests
{
    private static readonly Type[] Controllers = typeof(OpensYearAttribute).Assembly.GetTypes()
        .Where(t => typeof(Controller).IsAssignableFrom(t) && !t.IsAbstract)
        .ToArray();

    private static IEnumerable<(Type Controller, MethodInfo Action)> Actions() =>
        Controllers.SelectMany(c => c.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.GetCustomAttributes<HttpMethodAttribute>().Any())
            .Select(m => (c, m)));

    private static string Name((Type Controller, MethodInfo Action) a) => $"{a.Controller.Name}.{a.Action.Name}";

    private static bool Takes<T>(MethodInfo action) => action.GetParameters().Any(p => p.ParameterType == typeof(T));

    [Fact]
    public void Every_action_of_a_year_controller_opens_the_year_through_the_gate()
    {
        var yearControllers = Controllers.Where(c => c.GetCustomAttribute<RouteAttribute>()?.Template.Contains("/years/{number:int}", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(["EvidenceController", "ExplanationsController", "NonComplianceController", "NonComplianceCorrectionsController", "ReallocationsController", "ResultsController", "ReviewController", "SpendingController", "SpendingGridController", "SpendingImportController", "YearsController"], yearControllers.Select(c => c.Name).Order());

        var undeclared = Actions().Where(a => yearControllers.Contains(a.Controller) && a.Action.GetCustomAttribute<OpensYearAttribute>() is null).Select(Name).ToList();

        Assert.Empty(undeclared);
    }

    [Fact]
    public void Every_action_of_the_summary_review_opens_the_agreement_through_the_gate()
    {
        var summaryActions = Actions().Where(a => a.Controller.GetCustomAttribute<RouteAttribute>()?.Template == "agreements/{id:int}/summary").ToList();
        // A renamed route must not leave the check looking at nothing.
        Assert.NotEmpty(summaryActions);

        var undeclared = summaryActions.Where(a => a.Action.GetCustomAttribute<OpensAgreementAttribute>() is null).Select(Name).ToList();

        Assert.Empty(undeclared);
    }

    [Fact]
    public void An_action_takes_an_opened_year_or_agreement_only_with_the_gate_that_opens_it()
    {
        var actions = Actions().ToList();
        Assert.Contains(actions, a => Takes<OpenedYear>(a.Action));
        Assert.Contains(actions, a => Takes<OpenedAgreement>(a.Action));

        var undeclared = actions
            .Where(a => (Takes<OpenedYear>(a.Action) && a.Action.GetCustomAttribute<OpensYearAttribute>() is null)
                || (Takes<OpenedAgreement>(a.Action) && a.Action.GetCustomAttribute<OpensAgreementAttribute>() is null))
            .Select(Name).ToList();

        Assert.Empty(undeclared);
    }

    [Fact]
    public void Entering_data_loads_the_year_alone_while_the_year_page_and_review_steps_load_the_reporting_graph()
    {
        var declared = Actions().Select(a => (Name: Name(a), Gate: a.Action.GetCustomAttribute<OpensYearAttribute>())).Where(a => a.Gate is not null).ToList();

        var pagesAndReview = declared.Where(a => a.Name.StartsWith("YearsController.", StringComparison.Ordinal) || a.Name.StartsWith("ReviewController.", StringComparison.Ordinal)).ToList();
        var entry = declared.Where(a => a.Name.StartsWith("ResultsController.", StringComparison.Ordinal) || a.Name.StartsWith("SpendingController.", StringComparison.Ordinal)
                || a.Name.StartsWith("ReallocationsController.", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(pagesAndReview);
        Assert.NotEmpty(entry);

        Assert.All(pagesAndReview, a => Assert.True(a.Gate!.Graph, a.Name));
        Assert.All(entry, a => Assert.False(a.Gate!.Graph, a.Name));
    }
}
