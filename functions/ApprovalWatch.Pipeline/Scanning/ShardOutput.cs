using ApprovalWatch.Digests;

namespace ApprovalWatch.Scanning;

/// <summary>What measuring one shard yields: its counts, its digest lines routed to their recipients (sorted by recipient), and its projects in segments.</summary>
public sealed record ShardOutput(ScanCounts Counts, IReadOnlyList<RoutedLine> Lines, IReadOnlyList<(string Start, int Procedures)> Segments);
