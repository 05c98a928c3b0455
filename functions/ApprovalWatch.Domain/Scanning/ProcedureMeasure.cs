using ApprovalWatch.Domain.Deadlines;

namespace ApprovalWatch.Domain.Scanning;

/// <summary>A procedure measured on a scan day: its assessment and its escalation counts after the day.</summary>
public sealed record ProcedureMeasure(Assessment Assessment, EscalationCounts Counts);
