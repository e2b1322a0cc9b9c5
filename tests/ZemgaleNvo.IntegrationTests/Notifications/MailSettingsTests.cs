using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ZemgaleNvo.IntegrationTests.Infrastructure;
using ZemgaleNvo.Web.Notifications;

namespace ZemgaleNvo.IntegrationTests.Notifications;

/// <summary>Which delivery the settings choose, and settings that cannot work stopping start-up with the setting's name.</summary>
public sealed class MailSettingsTests : IDisposable
{
    private readonly string _root = TempFolder.Create();

    public void Dispose() => TempFolder.Delete(_root);

    /// <summary>
    /// The settings as the portal registers them (typed options, checked as the host starts); later
    /// settings replace earlier ones with the same key.
    /// </summary>
    private MailSettings Resolve(bool development, params (string Key, string? Value)[] settings)
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in settings)
        {
            data[key] = value;
        }
        var services = new ServiceCollection();
        services.AddWorkflowNotifications(new ConfigurationBuilder().AddInMemoryCollection(data).Build(), new Environment(_root, development));
        using var provider = services.BuildServiceProvider();
        // What the host does as it starts (ValidateOnStart) before anything asks for the settings.
        provider.GetRequiredService<IStartupValidator>().Validate();
        return provider.GetRequiredService<MailSettings>();
    }

    private sealed class Environment(string root, bool development) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = development ? Environments.Development : Environments.Production;
        public string ApplicationName { get; set; } = "ZemgaleNvo.Web";
        public string ContentRootPath { get; set; } = root;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private static readonly (string, string?) From = ("Smtp:From", "ZemgaleNvo portāls <noreply@ministrija.test>");
    private static readonly (string, string?) BaseUrl = ("Notifications:PortalBaseUrl", "https://nvo.ministrija.test");

    [Fact]
    public void A_pickup_folder_wins_and_is_created_under_the_content_root()
    {
        var settings = Resolve(false, From, BaseUrl, ("Smtp:Host", "smtp.ministrija.test"), ("Smtp:PickupDirectory", "mail/out"));

        Assert.Equal(MailMode.Pickup, settings.Mode);
        Assert.Equal(Path.Combine(_root, "mail", "out"), settings.PickupDirectory);
        Assert.True(Directory.Exists(settings.PickupDirectory));
        Assert.Equal("noreply@ministrija.test", settings.From!.Address);
        Assert.Equal("https://nvo.ministrija.test/", settings.PortalBaseUrl!.AbsoluteUri);
    }

    [Fact]
    public void A_host_without_a_pickup_folder_means_SMTP_with_STARTTLS_on_587_by_default()
    {
        var settings = Resolve(false, From, BaseUrl, ("Smtp:Host", "smtp.ministrija.test"));

        Assert.Equal(MailMode.Smtp, settings.Mode);
        Assert.Equal(587, settings.Smtp.Port);
        Assert.True(settings.Smtp.UseStartTls);
    }

    [Fact]
    public void Development_writes_to_data_mail_and_production_without_settings_sends_nothing()
    {
        var development = Resolve(true, From, BaseUrl);
        Assert.Equal(MailMode.Pickup, development.Mode);
        Assert.Equal(Path.Combine(_root, "data", "mail"), development.PickupDirectory);

        Assert.Equal(MailMode.Off, Resolve(false).Mode);
    }

    [Theory]
    [InlineData("Notifications:PortalBaseUrl", "")]
    [InlineData("Notifications:PortalBaseUrl", "nvo.ministrija.test")]
    [InlineData("Notifications:PortalBaseUrl", "ftp://nvo.ministrija.test")]
    [InlineData("Smtp:From", "")]
    [InlineData("Smtp:From", "not an address")]
    [InlineData("Smtp:Port", "0")]
    [InlineData("Smtp:TimeoutSeconds", "0")]
    [InlineData("Smtp:Password", "")]
    public void A_setting_that_cannot_work_stops_start_up_naming_it(string key, string value)
    {
        (string, string?)[] settings =
        [
            From, BaseUrl, ("Smtp:Host", "smtp.ministrija.test"), ("Smtp:UserName", "portals"), ("Smtp:Password", "from-the-environment"), (key, value),
        ];

        var e = Assert.Throws<OptionsValidationException>(() => Resolve(false, settings));

        Assert.StartsWith(key, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_settings_object_does_not_print_the_password()
    {
        var settings = Resolve(false, From, BaseUrl, ("Smtp:Host", "smtp.ministrija.test"), ("Smtp:UserName", "portals"), ("Smtp:Password", "slepena-parole"));

        Assert.DoesNotContain("slepena-parole", settings.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("slepena-parole", settings.Smtp.ToString(), StringComparison.Ordinal);
    }
}
