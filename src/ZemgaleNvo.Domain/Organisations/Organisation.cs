namespace ZemgaleNvo.Domain.Organisations;

/// <summary>An NGO that performs delegated tasks (or any other party to an agreement).</summary>
public class Organisation : IVersioned
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>Register of Enterprises number; unknown for some organisations entered from old documents.</summary>
    public string? RegistrationNumber { get; set; }

    public int RegionId { get; set; }
    public Region? Region { get; set; }

    public int Version { get; set; }
}
