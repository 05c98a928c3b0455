using ApprovalWatch.Domain.Reference;

namespace ApprovalWatch.Pipeline.Events;

/// <summary>
/// The scan of an office day is done: every shard measured, the digests queued and the day recorded. Published by the
/// run's last step, again when that step is tried again after a failure.
/// </summary>
/// <param name="NoticeCalls">The lines that reached the rung where a supervision notice is due, from every shard.</param>
public sealed record DayScanned(DateOnly Date, ReferenceData Reference, IReadOnlyList<NoticeCall> NoticeCalls);
