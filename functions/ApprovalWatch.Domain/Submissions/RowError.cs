using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Domain.Submissions;

/// <summary>Why a row of a department file was not applied: where (line, column, and sheet of a workbook) and what (reason, value).</summary>
public sealed record RowError(int Line, string Column, Reason Reason, string Value, string? Sheet = null);
