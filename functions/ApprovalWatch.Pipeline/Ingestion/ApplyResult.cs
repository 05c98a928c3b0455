using ApprovalWatch.Domain.Receipts;
using ApprovalWatch.Domain.Reports;
using ApprovalWatch.Domain.Submissions;
using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Pipeline.Ingestion;

/// <summary>What applying a file's valid rows did.</summary>
public sealed record ApplyResult(int Applied, int Unchanged, IReadOnlyList<StaleRow> Stale)
{
    /// <summary>Rows dated before an earlier report that showed the procedure open.</summary>
    public IReadOnlyList<Backdated> Backdated { get; init; } = [];

    /// <summary>Approvals this file brings while a procedure they require was not accepted, as the receipt's notes.</summary>
    public IReadOnlyList<(int Line, Reason Note)> Contradictions { get; init; } = [];

    /// <summary>Rows refused once compared with what is stored: a move back not later than the stored report, and not a correction.</summary>
    public IReadOnlyList<RowError> Refused { get; init; } = [];

    /// <summary>What each applied row changed, for the receipt.</summary>
    public IReadOnlyList<AppliedChange> Changes { get; init; } = [];

    /// <summary>Rows of the same data date as the stored report of another file, which said otherwise: applied, and named.</summary>
    public IReadOnlyList<(int Line, Reason Note)> Conflicts { get; init; } = [];
}
