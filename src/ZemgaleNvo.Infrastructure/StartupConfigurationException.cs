namespace ZemgaleNvo.Infrastructure;

/// <summary>
/// Configuration that cannot work (unknown provider, unwritable folder, unreachable server). The host
/// prints the message as one line naming the setting and exits, instead of a stack-trace dump.
/// </summary>
public sealed class StartupConfigurationException : Exception
{
    public StartupConfigurationException(string message) : base(message) { }
    public StartupConfigurationException(string message, Exception inner) : base(message, inner) { }
    public StartupConfigurationException() { }
}
