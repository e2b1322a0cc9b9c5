namespace ZemgaleNvo.IntegrationTests.Infrastructure;

/// <summary>One running portal shared by the tests of a class that only read demo data.</summary>
public sealed class PortalFixture : IDisposable
{
    public PortalFactory Factory { get; } = new();

    public void Dispose() => Factory.Dispose();
}
