using ApprovalWatch.Domain.Scanning;

namespace ApprovalWatch.Pipeline.Scanning;

/// <summary>What measuring one shard yields: its counts, how many digest lines it routed, and its projects in segments.</summary>
public sealed record ShardOutput(ScanCounts Counts, int Lines, IReadOnlyList<(string Start, int Procedures)> Segments);
