using ApprovalWatch.Storage;

namespace ApprovalWatch.Cli;

/// <summary>What every command may set: where storage is, the office day to act as of, where mail goes.</summary>
/// <param name="Names">Container, queue and table names of a run of its own (benchmarks); the defaults when null.</param>
public sealed record CliSettings(string? Storage, DateOnly? AsOf, string MailFolder, bool Verbose, StorageNames? Names = null);
