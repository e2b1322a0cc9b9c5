namespace ZemgaleNvo.Domain;

/// <summary>
/// A record that two people may edit at once. <see cref="Version"/> goes up by one on every save;
/// a save that started from an older version is refused instead of silently overwriting the newer
/// one. A plain counter, not SQL Server's rowversion, so the same token works on SQLite too.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}
