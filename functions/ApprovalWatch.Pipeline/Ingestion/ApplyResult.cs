using ApprovalWatch.Domain.Text;

using ApprovalWatch.Domain.Receipts;
using ApprovalWatch.Domain.Reports;

namespace ApprovalWatch.Pipeline.Ingestion;

/// <summary>What applying a file's valid rows did.</summary>
public sealed record ApplyResult(int Applied, int Unchanged, IReadOnlyList<StaleRow> Stale)
{
    /// <summary>Rows dated before an earlier report that showed the procedure open.</summary>
    public IReadOnlyList<Backdated> Backdated { get; init; } = [];

    /// <summary>Approvals this file brings while a procedure they require was not accepted, as the receipt's notes.</summary>
    public IReadOnlyList<(int Line, Reason Note)> Contradictions { get; init; } = [];
}
