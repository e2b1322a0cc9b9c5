namespace ZemgaleNvo.Web.Features.Account;

/// <summary>
/// Admins and reviewers may use the portal only in a session that passed the second factor. One who
/// signed in with the password alone (not yet enrolled, or enrolment reset by an admin) reaches
/// only the enrolment page, sign-out, the language switch and the error pages: a page request is
/// sent to enrolment, anything else is refused with 403. It runs for every endpoint, so no
/// controller can forget it.
/// </summary>
public sealed class TwoFactorRequirementMiddleware(RequestDelegate next)
{
    public const string EnrolPath = "/account/two-factor/setup";

    private static readonly PathString[] OpenWithoutSecondFactor =
    [
        EnrolPath, "/account/logout", "/account/login", "/language", "/error", "/health",
    ];

    public Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true || !user.RequiresTwoFactor() || user.PassedTwoFactor()
            || OpenWithoutSecondFactor.Any(path => context.Request.Path.StartsWithSegments(path)))
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
