using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ZemgaleNvo.Infrastructure;

/// <summary>
/// Typed settings: a configuration section bound to its options class and checked by that class's
/// validator (<see cref="IValidateOptions{TOptions}"/>), whose messages begin with the setting's name.
/// A value the binder cannot convert ("abc" for a port) fails the same way, so every bad setting ends
/// start-up with one line naming it (Program.cs prints it and exits with 1).
/// </summary>
public static class SettingsRegistration
{
    /// <summary>
    /// <c>AddOptions&lt;T&gt;().Bind(section)</c>, checked by the class's registered
    /// <see cref="IValidateOptions{TOptions}"/> when the host starts (<c>ValidateOnStart</c>; the admin
    /// commands run the same check before they begin).
    /// </summary>
    public static OptionsBuilder<T> AddSettings<T>(this IServiceCollection services, IConfiguration section)
        where T : class =>
        services.AddOptions<T>().Configure(options => Bind(section, options)).ValidateOnStart();

    /// <summary>
    /// The same class and the same rules for a setting needed while the services are still being
    /// registered (before there is a container to ask): bound and checked now.
    /// </summary>
    /// <exception cref="OptionsValidationException">The section cannot work; the message names the setting.</exception>
    public static T Read<T>(IConfiguration section, IValidateOptions<T> validation)
        where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(validation);
        var options = new T();
        Bind(section, options);
        var result = validation.Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(T), result.Failures);
        }
        return options;
    }

    private static void Bind<T>(IConfiguration section, T options)
    {
        try
        {
            section.Bind(options);
        }
        catch (InvalidOperationException e)
        {
            // The binder's message names the setting ("… at 'Smtp:Port' to type 'System.Int32'").
            throw new OptionsValidationException(Options.DefaultName, typeof(T), [e.Message]);
        }
    }
}
