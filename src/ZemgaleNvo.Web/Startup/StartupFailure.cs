using Microsoft.Extensions.Options;
using ZemgaleNvo.Infrastructure;

namespace ZemgaleNvo.Web.Startup;

/// <summary>
/// A setting that cannot work, as the one line start-up prints before it exits with 1: the options
/// validation's failures (each begins with the setting's name) or a check made while starting
/// (<see cref="StartupConfigurationException"/>, e.g. a database that cannot be reached).
/// </summary>
internal static class StartupFailure
{
    /// <returns>The line, or null when the exception is not about configuration (a bug: let it surface as it is).</returns>
    public static string? Describe(Exception exception) => exception switch
    {
        StartupConfigurationException e => OneLine(e.Message),
        OptionsValidationException e => OneLine(string.Join(" ", e.Failures)),
        // Several options classes failed at once (the host checks them all before it gives up).
        AggregateException e when e.InnerExceptions.Count > 0 && e.InnerExceptions.All(i => Describe(i) is not null) =>
            string.Join(" ", e.InnerExceptions.Select(Describe).Distinct(StringComparer.Ordinal)),
        _ => null,
    };

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
