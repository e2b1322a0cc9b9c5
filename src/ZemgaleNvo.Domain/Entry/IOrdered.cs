namespace ZemgaleNvo.Domain.Entry;

/// <summary>A record numbered in a list, as the reports print it: results in a strand, budget lines in an agreement.</summary>
public interface IOrdered
{
    int Ordinal { get; set; }
}
