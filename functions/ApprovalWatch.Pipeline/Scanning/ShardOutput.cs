using ApprovalWatch.Domain.Scanning;
using ApprovalWatch.Pipeline.Events;

namespace ApprovalWatch.Pipeline.Scanning;

/// <summary>
/// What measuring one shard yields: its counts, how many digest lines it routed, its projects in segments, and the lines
/// that call for a supervision notice (none on a dry run).
/// </summary>
public sealed record ShardOutput(ScanCounts Counts, int Lines, IReadOnlyList<(string Start, int Procedures)> Segments, IReadOnlyList<NoticeCall> NoticeCalls);
