using ApprovalWatch.Receipts;

namespace ApprovalWatch.Ingestion;

/// <summary>What applying a file's valid rows did.</summary>
public sealed record ApplyResult(int Applied, int Unchanged, IReadOnlyList<StaleRow> Stale);
