using Microsoft.Extensions.Options;
using ZemgaleNvo.Web.Commands;
using ZemgaleNvo.Web.Startup;

// `dotnet run -- <command>` runs an admin command (migrate, seed-demo, users …) and exits without
// starting the server; no arguments starts the portal.
var parsed = AdminCommandLine.Parse(args);
if (parsed.Error is not null)
{
    await Console.Error.WriteLineAsync(parsed.Error);
    await Console.Error.WriteLineAsync(AdminCommandLine.Usage);
    return 2;
}

try
{
    var builder = WebApplication.CreateBuilder(PortalHost.Options(parsed.Command is null ? args : []));
    builder.AddPortalServices();
    if (parsed.Command is not null)
    {
        builder.Services.AddScoped<ZemgaleNvo.Infrastructure.Data.IDataScope, CommandLineDataScope>();
    }
    var app = builder.Build();
    // Every setting is checked before anything runs. The host would check them as it starts
    // (ValidateOnStart), but a command never starts it, and a failure there is first logged with
    // its stack trace: here it becomes the one line below.
    app.Services.GetService<IStartupValidator>()?.Validate();

    if (parsed.Command is not null)
    {
        return await AdminCommands.RunAsync(parsed.Command, app.Services);
    }

    app.UsePortalPipeline();
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (StartupFailure.Describe(e) is { } line)
{
    // One clear line naming the setting, not a stack-trace dump.
    await Console.Error.WriteLineAsync($"ZemgaleNvo cannot start: {line}");
    return 1;
}
catch (IOException e) when (e.InnerException is System.Net.Sockets.SocketException or Microsoft.AspNetCore.Connections.AddressInUseException)
{
    // The address in --urls / ASPNETCORE_URLS is taken, typically by another copy of the portal.
    await Console.Error.WriteLineAsync($"ZemgaleNvo cannot start: {e.Message} Choose another address with --urls.");
    return 1;
}

/// <summary>Entry point, public so the integration tests' WebApplicationFactory can find it.</summary>
public partial class Program;
