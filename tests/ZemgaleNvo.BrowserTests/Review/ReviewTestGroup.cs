namespace ZemgaleNvo.BrowserTests.Review;

/// <summary>
/// The review journey submits, returns, resubmits and approves year III: afterwards nothing in that year
/// can change again. Its own portal, so the data-entry collections keep their editable (or merely
/// submitted) year whatever order xunit picks.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ReviewTestGroup : ICollectionFixture<Infrastructure.PortalFixture>
{
    public const string Name = "Review";
}
