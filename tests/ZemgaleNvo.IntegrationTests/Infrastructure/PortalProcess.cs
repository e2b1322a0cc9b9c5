using System.Diagnostics;

namespace ZemgaleNvo.IntegrationTests.Infrastructure;

/// <summary>Runs the built portal as its own process, the way an operator runs an admin command.</summary>
public static partial class PortalProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static Task<Result> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunInAsync(AppContext.BaseDirectory, environment, args);

    /// <summary>Runs the portal's dll with <paramref name="workingDirectory"/> as the current directory, as an operator may.</summary>
    public static async Task<Result> RunInAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = StartInfo(workingDirectory, environment, args);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await error);
    }

    private static ProcessStartInfo StartInfo(string workingDirectory, IReadOnlyDictionary<string, string> environment, IEnumerable<string> args)
    {
        var binFolder = AppContext.BaseDirectory;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(binFolder, "ZemgaleNvo.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Serilog__WriteTo__1__Args__path"] = Path.Combine(Path.GetTempPath(), "zemgalenvo-tests", "logs", "command-.log");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        return start;
    }

    /// <summary>
    /// The portal serving requests as its own process (Development, so the demo data and logins
    /// exist; plain http on a free loopback port), over the SQLite database in <paramref name="dataFolder"/>.
    /// Started when <see cref="Server.StartAsync"/> returns: /health/ready answered Healthy.
    /// </summary>
    public sealed partial class Server : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly System.Text.StringBuilder _output = new();
        private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private Server(Process process) => _process = process;

        public Uri Address { get; private set; } = null!;

        /// <summary>What the process wrote so far, for a failing test's message.</summary>
        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        /// <param name="settings">Environment settings over the defaults below (e.g. <c>Security__HttpsCookies=true</c>).</param>
        public static async Task<Server> StartAsync(string dataFolder, IReadOnlyDictionary<string, string>? settings = null)
        {
            var environment = new Dictionary<string, string>
            {
                ["Database__DataFolder"] = dataFolder,
                ["Security__HttpsCookies"] = "false",
                ["Smtp__PickupDirectory"] = Path.Combine(dataFolder, "mail"),
                ["Serilog__WriteTo__1__Args__path"] = Path.Combine(dataFolder, "logs", "server-.log"),
                // Warnings, errors and the address it listens on; not a line per request.
                ["Serilog__MinimumLevel__Default"] = "Warning",
                ["Serilog__MinimumLevel__Override__Microsoft.Hosting.Lifetime"] = "Information",
                ["DOTNET_hostBuilder__reloadConfigOnChange"] = "false",
            };
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                environment[key] = value;
            }
            var start = StartInfo(AppContext.BaseDirectory, environment, ["--urls", "http://127.0.0.1:0"]);
            var server = new Server(Process.Start(start)!);
            server._process.OutputDataReceived += (_, e) => server.Received(e.Data);
            server._process.ErrorDataReceived += (_, e) => server.Received(e.Data);
            server._process.BeginOutputReadLine();
            server._process.BeginErrorReadLine();
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
                var exited = server._process.WaitForExitAsync(timeout.Token);
                var first = await Task.WhenAny(server._listening.Task, exited);
                Assert.True(first == server._listening.Task, $"The portal did not start:\n{server.Output}");
                server.Address = await server._listening.Task;
                using var probe = new HttpClient { BaseAddress = server.Address };
                while (true)
                {
                    timeout.Token.ThrowIfCancellationRequested();
                    var ready = await probe.GetAsync("/health/ready", timeout.Token);
                    if (ready.IsSuccessStatusCode)
                    {
                        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync(timeout.Token));
                        return server;
                    }
                    await Task.Delay(100, timeout.Token);
                }
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }

        /// <summary>Kills the process at once (SIGKILL on Linux): no shutdown, no flush, as a crash or the OOM killer would.</summary>
        public void Kill()
        {
            _process.Kill(entireProcessTree: false);
            _process.WaitForExit();
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: false);
                await _process.WaitForExitAsync();
            }
            _process.Dispose();
        }

        private void Received(string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (_output)
            {
                _output.AppendLine(line);
            }
            if (ListeningPattern().Match(line) is { Success: true } match)
            {
                _listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        }

        [System.Text.RegularExpressions.GeneratedRegex(@"Now listening on: (http://\S+)")]
        private static partial System.Text.RegularExpressions.Regex ListeningPattern();
    }
}
