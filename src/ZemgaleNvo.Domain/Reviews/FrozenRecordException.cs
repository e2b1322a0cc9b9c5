namespace ZemgaleNvo.Domain.Reviews;

/// <summary>A save tried to change data of an approved year (or an approved summary), which nobody may change.</summary>
public sealed class FrozenRecordException : InvalidOperationException
{
    public FrozenRecordException() : base("Approved data cannot be changed.") { }

    public FrozenRecordException(string message) : base(message) { }

    public FrozenRecordException(string message, Exception innerException) : base(message, innerException) { }
}
