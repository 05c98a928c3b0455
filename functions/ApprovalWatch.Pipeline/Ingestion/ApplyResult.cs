using ApprovalWatch.Domain.Receipts;

namespace ApprovalWatch.Pipeline.Ingestion;

/// <summary>What applying a file's valid rows did.</summary>
public sealed record ApplyResult(int Applied, int Unchanged, IReadOnlyList<StaleRow> Stale);
