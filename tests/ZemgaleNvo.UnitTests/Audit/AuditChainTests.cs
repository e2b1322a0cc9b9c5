using ZemgaleNvo.Domain.Audit;

namespace ZemgaleNvo.UnitTests.Audit;

public class AuditChainTests
{
    private static List<AuditEntry> Chain(int count)
    {
        var rows = new List<AuditEntry>();
        var previous = AuditChain.Genesis;
        for (var i = 1; i <= count; i++)
        {
            var row = new AuditEntry
            {
                Id = i, Sequence = i, AtUtc = new DateTime(2026, 11, 24, 8, 0, i, DateTimeKind.Utc), UserName = "anna", Action = AuditAction.Updated,
                EntityType = "Activity", EntityKey = "7", Field = "Text", OldValue = $"v{i}", NewValue = $"v{i + 1}", AgreementId = 1,
            };
            row.Hash = previous = AuditChain.Link(previous, row);
            rows.Add(row);
        }
        return rows;
    }

    [Fact]
    public void An_untouched_chain_holds()
    {
        Assert.Null(AuditChain.FirstBrokenLink(Chain(5)));
    }

    [Fact]
    public void Changing_any_field_breaks_the_chain_at_that_row()
    {
        foreach (var change in new Action<AuditEntry>[]
        {
            r => r.NewValue = "viltots",
            r => r.OldValue = null,
            r => r.UserName = "cits",
            r => r.AtUtc = r.AtUtc.AddSeconds(1),
            r => r.AgreementId = 2,
            r => r.Action = AuditAction.Deleted,
        })
        {
            var rows = Chain(5);
            change(rows[2]);
            Assert.Same(rows[2], AuditChain.FirstBrokenLink(rows));
        }
    }

    [Fact]
    public void A_removed_row_is_found_even_when_the_hashes_after_it_were_recomputed()
    {
        var rows = Chain(5);
        rows.RemoveAt(2);
        var previous = AuditChain.Genesis;
        foreach (var row in rows)
        {
            row.Hash = previous = AuditChain.Link(previous, row);
        }

        Assert.Same(rows[2], AuditChain.FirstBrokenLink(rows));
    }

    [Fact]
    public void Empty_and_missing_values_hash_differently()
    {
        var row = Chain(1)[0];
        row.OldValue = "";
        var withEmpty = AuditChain.Link(AuditChain.Genesis, row);
        row.OldValue = null;

        Assert.NotEqual(withEmpty, AuditChain.Link(AuditChain.Genesis, row));
    }
}
