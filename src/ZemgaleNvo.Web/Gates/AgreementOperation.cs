using Microsoft.AspNetCore.Authorization.Infrastructure;
using ZemgaleNvo.Web.Authorization;

namespace ZemgaleNvo.Web.Gates;

/// <summary>
/// The operations a gate attribute may ask for, as constants an attribute can hold; each stands for
/// the requirement of the same name in <see cref="AgreementOperations"/>, which the one
/// authorization handler decides.
/// </summary>
public enum AgreementOperation
{
    View,
    Edit,
    Submit,
    Comment,
    Review,
    Reopen,
}

internal static class AgreementOperationRequirements
{
    public static OperationAuthorizationRequirement Requirement(this AgreementOperation operation) => operation switch
    {
        AgreementOperation.View => AgreementOperations.View,
        AgreementOperation.Edit => AgreementOperations.Edit,
        AgreementOperation.Submit => AgreementOperations.Submit,
        AgreementOperation.Comment => AgreementOperations.Comment,
        AgreementOperation.Review => AgreementOperations.Review,
        AgreementOperation.Reopen => AgreementOperations.Reopen,
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
    };
}
