namespace ZemgaleNvo.Web.Resources;

/// <summary>
/// Anchor type for the shared string resources. Keys are the Latvian texts themselves, so Latvian
/// needs no resource file and a missing translation shows Latvian rather than a key;
/// SharedResource.en.resx holds the English.
/// </summary>
public sealed class SharedResource;
