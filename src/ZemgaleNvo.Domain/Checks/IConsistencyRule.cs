namespace ZemgaleNvo.Domain.Checks;

/// <summary>
/// One general consistency rule. Rules are stateless and independent: each reads the shared
/// <see cref="ConsistencyCheckContext"/> and says what it finds, nothing else.
/// </summary>
public interface IConsistencyRule
{
    IEnumerable<ConsistencyFinding> Check(ConsistencyCheckContext context);
}
