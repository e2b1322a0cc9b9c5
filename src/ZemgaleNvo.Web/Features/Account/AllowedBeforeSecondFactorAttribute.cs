namespace ZemgaleNvo.Web.Features.Account;

/// <summary>
/// Marks an endpoint an admin or reviewer may reach before their session has passed the second
/// factor: signing in and out, enrolment, the language switch, the error pages and the health probes.
/// Read by <see cref="TwoFactorRequirementMiddleware"/> from the matched endpoint, so the rule moves
/// with the action when its route changes; everything unmarked is closed to such a session.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false)]
public sealed class AllowedBeforeSecondFactorAttribute : Attribute;
