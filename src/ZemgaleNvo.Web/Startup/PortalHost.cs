namespace ZemgaleNvo.Web.Startup;

internal static class PortalHost
{
    private const string SettingsFile = "appsettings.json";

    /// <summary>
    /// The content root (where the settings files, <c>wwwroot</c> and the default <c>data</c> folder
    /// are looked for) is the working directory, as ASP.NET Core has it, except when the portal is
    /// started from a folder that has no settings file while its own folder has one:
    /// <c>dotnet /opt/zemgalenvo/ZemgaleNvo.Web.dll</c> run from elsewhere would otherwise start
    /// without its settings (and stop on the first one it needs). A content root given explicitly
    /// (<c>--contentRoot</c>, <c>ASPNETCORE_CONTENTROOT</c>) is left as given.
    /// </summary>
    public static WebApplicationOptions Options(string[] args)
    {
        var explicitRoot = args.Any(a => a.Contains("contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
        var useOwnFolder = !explicitRoot
            && !File.Exists(Path.Combine(Directory.GetCurrentDirectory(), SettingsFile))
            && File.Exists(Path.Combine(AppContext.BaseDirectory, SettingsFile));
        return new WebApplicationOptions { Args = args, ContentRootPath = useOwnFolder ? AppContext.BaseDirectory : null };
    }
}
