namespace ZemgaleNvo.Infrastructure.Data;

/// <summary>
/// Whose data the current request may read. The DbContext filters agreements (and everything under
/// them) to this organisation, as a second line of defence behind the authorization checks.
/// </summary>
public interface IDataScope
{
    /// <summary>The organisation the user belongs to when restricted to it; null when not restricted.</summary>
    int? RestrictToOrganisationId { get; }

    /// <summary>Who the audit trail names for the changes this context saves.</summary>
    AuditActor Actor => AuditActor.System;
}

/// <summary>The author of a change as the audit trail records it.</summary>
public sealed record AuditActor(string? UserId, string UserName, string? RequestId)
{
    /// <summary>Seeding, admin commands and tools.</summary>
    public static readonly AuditActor System = new(null, "system", null);
}

/// <summary>No restriction: admin commands, seeding, design-time tools.</summary>
public sealed class UnrestrictedDataScope : IDataScope
{
    public static readonly UnrestrictedDataScope Instance = new();
    public int? RestrictToOrganisationId => null;
}
