using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Infrastructure.Data;
using ZemgaleNvo.Web.Authorization;

namespace ZemgaleNvo.Web.Gates;

/// <summary>An agreement opened for a request, with its whole reporting graph.</summary>
[ModelBinder(typeof(GateBinder<OpenedAgreement>))]
public sealed record OpenedAgreement(DelegationAgreement Agreement);

/// <summary>
/// The agreement-level gate (the summary's review): finds the agreement of route <c>{id}</c> under the
/// organisation filter (404 when not found) and asks the authorization handler for the operation
/// (403 through Forbid), before model binding; the action gets it as its <see cref="OpenedAgreement"/>
/// parameter. Status rules are the action's own, as for the year's review steps.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class OpensAgreementAttribute(AgreementOperation operation) : Attribute, IFilterFactory
{
    public AgreementOperation Operation { get; } = operation;

    public bool IsReusable => true;

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) => new Filter(this);

    private sealed class Filter(OpensAgreementAttribute declared) : IAsyncResourceFilter
    {
        public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
        {
            var services = context.HttpContext.RequestServices;
            var id = GateRoute.Int(context, "id");
            var agreement = await services.GetRequiredService<AppDbContext>().Agreements.WithReportingGraph()
                .SingleOrDefaultAsync(a => a.Id == id, context.HttpContext.RequestAborted);
            if (agreement is null)
            {
                context.Result = new NotFoundResult();
                return;
            }
            var access = await services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(
                context.HttpContext.User, new AgreementResource(agreement.Id, agreement.PerformerId), declared.Operation.Requirement());
            if (!access.Succeeded)
            {
                context.Result = new ForbidResult();
                return;
            }
            context.HttpContext.Features.Set(new OpenedAgreement(agreement));
            await next();
        }
    }
}
