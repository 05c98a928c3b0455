using ApprovalWatch.Pipeline.Storage;

namespace ApprovalWatch.Cli;

/// <summary>What every command may set: where storage is, the office day to act as of, where local mail and files go.</summary>
/// <param name="Names">Container, queue and table names of a run of its own (benchmarks); the defaults when null.</param>
/// <param name="BoardPort">The port of the board served on 127.0.0.1, which the acknowledgement links in mails point to.</param>
public sealed record CliSettings(string? Storage, DateOnly? AsOf, string MailFolder, bool Verbose, StorageNames? Names = null, int BoardPort = 8080)
{
    /// <summary><c>out/</c>, the folder above the mail folder: reports, board screenshots, the local signing key.</summary>
    public string OutFolder => Path.GetDirectoryName(Path.GetFullPath(MailFolder))!;
}
