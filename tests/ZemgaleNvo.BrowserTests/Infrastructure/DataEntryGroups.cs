namespace ZemgaleNvo.BrowserTests.Infrastructure;

/// <summary>
/// The data-entry journeys change the demo agreement, so they do not share the <see cref="BrowserTestGroup"/>'s
/// portal (whose tests expect the demo figures untouched). xunit gives every collection its own
/// <see cref="PortalFixture"/>: its own app, database and Chromium.
/// </summary>
/// <remarks>
/// The journeys here add and delete results, spending and reallocations in year III but leave it open
/// for editing, so they can run in any order after one another.
/// </remarks>
[CollectionDefinition(Name)]
public sealed class DataEntryTestGroup : ICollectionFixture<PortalFixture>
{
    public const string Name = "DataEntry";
}

/// <summary>
/// Submitting year III makes it read-only for good (only a reviewer's return would reopen it), so the
/// journey that submits it has a portal of its own and cannot take the editable year away from the
/// <see cref="DataEntryTestGroup"/>'s journeys, whatever order xunit picks.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SubmitTestGroup : ICollectionFixture<PortalFixture>
{
    public const string Name = "DataEntrySubmit";
}
