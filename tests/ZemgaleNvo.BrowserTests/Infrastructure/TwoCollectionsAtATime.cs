using Xunit;
using Xunit.Abstractions;

// Two collections at a time, longest first. They share one Chromium (SharedChromium), and a portal
// starts on a copy of the seeded database (SeededDatabase), so a second collection adds one small app,
// not a second browser and a migration. (When every collection started its own portal and Chromium,
// two side by side on the two cores slowed page loads and axe runs until a navigation outlasted its timeout.)
[assembly: CollectionBehavior(MaxParallelThreads = 2)]
[assembly: TestCollectionOrderer("ZemgaleNvo.BrowserTests.Infrastructure.LongestCollectionsFirst", "ZemgaleNvo.BrowserTests")]

namespace ZemgaleNvo.BrowserTests.Infrastructure;

/// <summary>
/// Starts the collections that take longest first, so the last one to start is a short one and the two
/// lanes end close together. The order is only about time: every collection has its own portal and
/// data, whatever runs beside it.
/// </summary>
public sealed class LongestCollectionsFirst : ITestCollectionOrderer
{
    /// <summary>Collection names, longest first (measured on two cores); a collection not named here runs last.</summary>
    private static readonly string[] Longest =
        [BrowserTestGroup.Name, DataEntryTestGroup.Name, Admin.AdminTestGroup.Name, Review.ReviewTestGroup.Name, SubmitTestGroup.Name];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(c => Rank(c.DisplayName)).ThenBy(c => c.DisplayName, StringComparer.Ordinal);

    private static int Rank(string name)
    {
        var index = Array.IndexOf(Longest, name);
        return index < 0 ? Longest.Length : index;
    }
}
