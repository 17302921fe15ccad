using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Safeguard.Tests;

/// <summary>
/// The real SMTP server the tests send to (scripts/test-smtp-server.py: SMTP over TCP on loopback, each message
/// written to a folder). test.sh starts one for the whole run and says where (SAFEGUARD_TEST_SMTP_PORT,
/// SAFEGUARD_TEST_MAILDIR); a test run without them starts its own. Tests tell their mail apart by a sender
/// address of their own.
/// </summary>
public static class TestSmtp
{
    private static readonly Lazy<(int Port, string MailDir)> Server = new(Start);

    public static int Port => Server.Value.Port;

    public static string MailDir => Server.Value.MailDir;

    /// <summary>A sender address no other test uses, to find this test's mail by.</summary>
    public static string UniqueSender() => $"safeguard-{Guid.NewGuid():N}@test.example.org";

    /// <summary>A loopback port with nothing listening: a mail server that is down.</summary>
    public static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>The messages the server accepted from this sender, waiting up to 10 seconds for at least <paramref name="atLeast"/>.</summary>
    public static async Task<IReadOnlyList<(MimeMessage Message, string RcptTo, string AuthUser)>> FromAsync(string sender, int atLeast = 1)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var found = new List<(MimeMessage, string, string)>();
            foreach (var file in Directory.GetFiles(MailDir, "*.eml").Order())
            {
                var message = await MimeMessage.LoadAsync(file);
                if (message.Headers["X-Test-Mail-From"]?.Contains(sender, StringComparison.OrdinalIgnoreCase) == true)
                {
                    found.Add((message, message.Headers["X-Test-Rcpt-To"] ?? "", message.Headers["X-Test-Auth-User"] ?? ""));
                }
            }

            if (found.Count >= atLeast || DateTime.UtcNow > until)
            {
                return found;
            }

            await Task.Delay(100);
        }
    }

    private static (int, string) Start()
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("SAFEGUARD_TEST_SMTP_PORT"), out var port)
            && Environment.GetEnvironmentVariable("SAFEGUARD_TEST_MAILDIR") is { Length: > 0 } dir)
        {
            return (port, dir);
        }

        var maildir = Path.Combine(Path.GetTempPath(), $"safeguard-test-mail-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Script());
        start.ArgumentList.Add("0");
        start.ArgumentList.Add(maildir);
        var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start the test SMTP server");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => process.Kill();
        var line = process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("The test SMTP server did not say its port");
        return (int.Parse(line, System.Globalization.CultureInfo.InvariantCulture), maildir);
    }

    private static string Script()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var script = Path.Combine(dir.FullName, "scripts", "test-smtp-server.py");
            if (File.Exists(script))
            {
                return script;
            }
        }

        throw new FileNotFoundException("scripts/test-smtp-server.py was not found above the test binaries");
    }
}
