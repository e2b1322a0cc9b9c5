namespace ZemgaleNvo.Infrastructure.Data;

/// <summary>
/// The end of the audit hash chain, one row. Every save that writes audit rows updates this row
/// first, inside its transaction: the row lock makes concurrent writers take turns, so the chain
/// never forks (SQLite's write transactions are serialised anyway; SQL Server's are not).
/// </summary>
public class AuditChainHead
{
    public const int SingletonId = 1;

    public int Id { get; set; }
    public long LastSequence { get; set; }
    public required string LastHash { get; set; }
}
