namespace ApprovalWatch.Pipeline.Storage;

/// <summary>Asks ScanShard to measure one shard of a day's scan: the procedures whose project code is in [From, To).</summary>
/// <param name="To">The first project code after the shard; null for the last shard.</param>
public sealed record ScanShardMessage(string Run, DateOnly Date, int Shard, string From, string? To);
