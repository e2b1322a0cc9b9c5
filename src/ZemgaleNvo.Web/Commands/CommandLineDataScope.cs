using ZemgaleNvo.Infrastructure.Data;

namespace ZemgaleNvo.Web.Commands;

/// <summary>
/// The admin commands see every organisation, and the audit trail names the operator who ran them
/// ("komandrinda (jana)": the command line and the operating-system account), so an account changed
/// from a terminal leaves the same rows as one changed on the admin screen, with its author.
/// </summary>
internal sealed class CommandLineDataScope : IDataScope
{
    public int? RestrictToOrganisationId => null;

    public AuditActor Actor { get; } = new(null, $"komandrinda ({Environment.UserName})", null);
}
