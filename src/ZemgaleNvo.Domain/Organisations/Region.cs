namespace ZemgaleNvo.Domain.Organisations;

/// <summary>A planning region of Latvia (Zemgales reģions, Kurzemes reģions, …).</summary>
public class Region : IVersioned
{
    public int Id { get; set; }

    /// <summary>Full Latvian name in the nominative, e.g. "Zemgales reģions".</summary>
    public required string Name { get; set; }

    /// <summary>
    /// The word that names the region in every grammatical case ("Zemgales" in "Zemgales reģions",
    /// "Zemgales reģionā"): what the consistency checks look for in free text.
    /// </summary>
    public required string NameStem { get; set; }

    /// <summary>Short ASCII code used in file names, e.g. "zemgale".</summary>
    public required string Code { get; set; }

    public int Version { get; set; }
}
