using ApprovalWatch.Domain.Digests;

namespace ApprovalWatch.Pipeline.Events;

/// <summary>A line that calls for a supervision notice, with the leader in charge of its project (null: the department's).</summary>
public sealed record NoticeCall(DigestLine Line, string? Leader);
