namespace ZemgaleNvo.Web.Features.Account;

/// <summary>
/// Admins and reviewers may use the portal only in a session that passed the second factor. One who
/// signed in with the password alone (not yet enrolled, or enrolment reset by an admin) reaches
/// only the endpoints marked <see cref="AllowedBeforeSecondFactorAttribute"/> (signing in and out,
/// enrolment, the language switch, the error pages, the health probes): a page request is sent to
/// enrolment, anything else is refused with 403. It runs after routing for every request, so no
/// controller can forget it, and an address no endpoint answers is closed too.
/// </summary>
public sealed class TwoFactorRequirementMiddleware(RequestDelegate next)
{
    public const string EnrolPath = "/account/two-factor/setup";

    public Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true || !user.RequiresTwoFactor() || user.PassedTwoFactor()
            || context.GetEndpoint()?.Metadata.GetMetadata<AllowedBeforeSecondFactorAttribute>() is not null)
        {
            return next(context);
        }

        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            var returnUrl = context.Request.Path + context.Request.QueryString;
            context.Response.Redirect(EnrolPath + QueryString.Create("returnUrl", returnUrl));
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
        }
        return Task.CompletedTask;
    }
}
