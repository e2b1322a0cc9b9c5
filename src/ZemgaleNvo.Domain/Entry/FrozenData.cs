using ZemgaleNvo.Domain.Reviews;

namespace ZemgaleNvo.Domain.Entry;

/// <summary>
/// Approved means frozen: nothing of an approved year (its plan included), nor the information of an
/// agreement whose summary is approved, may change until it is reopened. The data layer refuses such
/// saves; forms use the same rule to say which field cannot change.
/// </summary>
public static class FrozenData
{
    public static bool IsFrozen(ReviewStatus status) => status == ReviewStatus.Approved;
}
