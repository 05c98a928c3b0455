using ApprovalWatch.Board;
using ApprovalWatch.Cli;
using ApprovalWatch.Testing.StandIns;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalWatch.DevTools.Local;

/// <summary>
/// The CLI's runtime as a development run uses it: unless the environment configures them, mail goes to a local SendGrid
/// stand-in that writes each message to the mail folder, the board's links point to 127.0.0.1, and they are signed with a
/// key made once under <c>out/</c>; the board is served as the host says who is signed in.
/// </summary>
public sealed class LocalRuntime : IAsyncDisposable
{
    private LocalRuntime(CliRuntime runtime, LocalSendGridEndpoint? mail) => (Runtime, Mail) = (runtime, mail);

    public CliRuntime Runtime { get; }

    /// <summary>The local SendGrid stand-in, or null when the environment names a real SendGrid key or SMTP.</summary>
    public LocalSendGridEndpoint? Mail { get; }

    /// <summary>The board asked in process, as a scripted click.</summary>
    public InProcessBoard Board => new(Runtime.Services);

    /// <param name="extra">More configuration (the demo's local group robots).</param>
    public static async Task<LocalRuntime> StartAsync(
        CliSettings settings,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string?>? extra = null
    )
    {
        var environment = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var local = new Dictionary<string, string?>
        {
            ["Board:BaseUrl"] = environment["Board:BaseUrl"] ?? $"http://127.0.0.1:{settings.BoardPort}",
            ["Board:AckKey"] = environment["Board:AckKey"] ?? LocalAckKey(settings.OutFolder),
        };
        LocalSendGridEndpoint? mail = null;
        if (
            string.IsNullOrWhiteSpace(environment["SendGrid:ApiKey"])
            && !string.Equals(environment["Mail:Transport"], nameof(Pipeline.Mail.MailTransport.Smtp), StringComparison.OrdinalIgnoreCase)
        )
        {
            mail = new LocalSendGridEndpoint(settings.MailFolder);
            (local["SendGrid:ApiKey"], local["SendGrid:Host"]) = ("local", mail.Host);
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            local[key] = value;
        }

        try
        {
            // The board as the host serves it here: as the person it is served as (LocalBoardServer), or a scripted click says.
            var runtime = await CliRuntime.StartAsync(settings, cancellationToken, local, services =>
                services.AddSingleton<ISignIn, HostSignIn>().AddApprovalWatchBoard()
            );
            return new LocalRuntime(runtime, mail);
        }
        catch when (mail is not null)
        {
            await mail.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Runtime.DisposeAsync();
        if (Mail is not null)
        {
            await Mail.DisposeAsync();
        }
    }

    /// <summary>The key that signs acknowledgement links here: made once per machine under <c>out/</c>, so links in mails stay valid between runs.</summary>
    private static string LocalAckKey(string outFolder)
    {
        var file = Path.Combine(outFolder, ".ack-key");
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(outFolder);
            // Readable by its owner only: whoever reads it can sign links in anyone's name.
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var stream = new FileStream(file, options);
            using var writer = new StreamWriter(stream);
            writer.Write(Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        }

        return File.ReadAllText(file).Trim();
    }
}
