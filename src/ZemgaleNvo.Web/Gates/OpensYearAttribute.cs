using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using ZemgaleNvo.Web.Features.Years;

namespace ZemgaleNvo.Web.Gates;

/// <summary>
/// Declares that an action works on one implementation year (route <c>{id}</c> and <c>{number}</c>)
/// and opens it through <see cref="YearEntryGate"/> before anything else of the action runs: not
/// found under the organisation filter → 404, not allowed → 403, no longer open for Edit or Submit
/// → 409 with the Locked page. Otherwise the action gets the year as its <see cref="OpenedYear"/>
/// parameter.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class OpensYearAttribute(AgreementOperation operation) : Attribute, IFilterFactory
{
    public AgreementOperation Operation { get; } = operation;

    /// <summary>Loads the whole reporting graph (for the arithmetic and checks), not just the year and its lines.</summary>
    public bool Graph { get; set; }

    public bool IsReusable => true;

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) => new Filter(this);

    /// <summary>
    /// A resource filter: it runs after authentication and the antiforgery check, and before model
    /// binding, so the opened year can be bound like any other parameter.
    /// </summary>
    private sealed class Filter(OpensYearAttribute declared) : IAsyncResourceFilter
    {
        public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
        {
            var services = context.HttpContext.RequestServices;
            var gated = await services.GetRequiredService<YearEntryGate>().OpenAsync(
                context.HttpContext.User, GateRoute.Int(context, "id"), GateRoute.Int(context, "number"),
                declared.Operation.Requirement(), declared.Graph, context.HttpContext.RequestAborted);
            if (gated.Refusal is not null)
            {
                context.Result = gated.Response(services.GetRequiredService<IModelMetadataProvider>(), context.ModelState);
                return;
            }
            context.HttpContext.Features.Set(gated.Opened);
            await next();
        }
    }
}
