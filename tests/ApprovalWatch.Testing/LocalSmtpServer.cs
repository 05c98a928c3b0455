using System.Diagnostics;
using System.Text.Json;
using MimeKit;

namespace ApprovalWatch.Testing;

/// <summary>
/// A real SMTP server on loopback (<c>scripts/smtp-test-server.cjs</c>, nodemailer's smtp-server from the repository's
/// npm packages): STARTTLS with its own certificate, what it received read back from its folder.
/// </summary>
public sealed class LocalSmtpServer : IDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private LocalSmtpServer(Process process, string folder, int port, string thumbprint)
    {
        _process = process;
        _folder = folder;
        Port = port;
        Thumbprint = thumbprint;
    }

    public int Port { get; }

    /// <summary>The SHA-256 thumbprint of the server's certificate, which no authority issued.</summary>
    public string Thumbprint { get; }

    /// <param name="arguments">e.g. <c>--user U --password P</c>, <c>--refuse ADDRESS</c>, <c>--busy-once ADDRESS</c>, <c>--drop-after-data
    /// ADDRESS</c>.</param>
    public static async Task<LocalSmtpServer> StartAsync(params string[] arguments)
    {
        var folder = Directory.CreateTempSubdirectory("smtp-").FullName;
        var start = new ProcessStartInfo("node", [Path.Combine(OfficialCalendars.RepositoryRoot, "scripts", "smtp-test-server.cjs"), folder, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = OfficialCalendars.RepositoryRoot,
        };
        var process = Process.Start(start)!;
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20))
            ?? throw new InvalidOperationException($"The SMTP server did not start: {await process.StandardError.ReadToEndAsync()}");
        using var ready = JsonDocument.Parse(line);
        return new LocalSmtpServer(process, folder, ready.RootElement.GetProperty("port").GetInt32(), ready.RootElement.GetProperty("thumbprint").GetString()!);
    }

    /// <summary>The messages received, in order, with how each came (<c>secure</c>, <c>user</c>, envelope).</summary>
    public IReadOnlyList<(MimeMessage Message, JsonElement Session)> Received =>
        Directory.GetFiles(_folder, "*.eml").Order(StringComparer.Ordinal)
            .Select(f => (MimeMessage.Load(f), JsonDocument.Parse(File.ReadAllText(f + ".json")).RootElement))
            .ToList();

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
