using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ZemgaleNvo.IntegrationTests.Infrastructure;

/// <summary>
/// A real ClamAV daemon (Debian's <c>clamav-daemon</c>, which scripts/test.sh installs) on a free
/// loopback port, with a signature database made here: the EICAR test string as an extended
/// signature. Real definitions cannot be downloaded on the test machines, and the tiny database
/// lets clamd start in well under a second. Stopped and its folder removed when the tests end.
/// </summary>
public sealed class ClamdFixture : IDisposable
{
    /// <summary>The anti-virus test file every scanner must flag (eicar.org); harmless by design.</summary>
    public static readonly byte[] Eicar = Encoding.ASCII.GetBytes(@"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*");

    public const string Signature = "Zemgale-Test-Eicar";

    private const string Daemon = "/usr/sbin/clamd";

    private readonly string _folder;
    private readonly Process _process;

    public ClamdFixture()
    {
        Assert.True(File.Exists(Daemon), $"{Daemon} is missing: install Debian's clamav-daemon (scripts/test.sh does).");
        _folder = TempFolder.Create();
        var database = Directory.CreateDirectory(Path.Combine(_folder, "db")).FullName;
        File.WriteAllText(Path.Combine(database, "test.ndb"), $"{Signature}:0:*:{Convert.ToHexStringLower(Eicar)}\n");
        Port = FreePort();
        var config = Path.Combine(_folder, "clamd.conf");
        File.WriteAllText(config, string.Join('\n',
            "Foreground yes",
            $"DatabaseDirectory {database}",
            "TCPAddr 127.0.0.1",
            $"TCPSocket {Port}",
            $"LogFile {Path.Combine(_folder, "clamd.log")}",
            $"PidFile {Path.Combine(_folder, "clamd.pid")}",
            "StreamMaxLength 64M",
            "") );
        _process = Process.Start(new ProcessStartInfo(Daemon, ["-c", config])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        WaitUntilReady();
    }

    public int Port { get; }

    /// <summary>The portal settings that point its scanner at this clamd.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Attachments:Scanner", "clamd"),
        new("Attachments:ClamdHost", "127.0.0.1"),
        new("Attachments:ClamdPort", Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    /// <summary>A loopback port nothing listens on (for the "scanner unavailable" tests too).</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Asks PING until clamd answers PONG: it listens only once its database is loaded.</summary>
    private void WaitUntilReady()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(_process.HasExited, $"clamd stopped: {ReadLog()}");
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                using var stream = client.GetStream();
                stream.Write("zPING\0"u8);
                var buffer = new byte[16];
                var read = stream.Read(buffer);
                if (Encoding.ASCII.GetString(buffer, 0, read).TrimEnd('\0') == "PONG")
                {
                    return;
                }
            }
            catch (SocketException)
            {
                // Not listening yet.
            }
            Thread.Sleep(50);
        }
        Assert.Fail($"clamd did not answer within a minute: {ReadLog()}");
    }

    private string ReadLog()
    {
        var log = Path.Combine(_folder, "clamd.log");
        return File.Exists(log) ? File.ReadAllText(log) : "(no log)";
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(10_000);
        }
        _process.Dispose();
        TempFolder.Delete(_folder);
    }
}
