namespace ApprovalWatch.Domain.Receipts;

/// <summary>A row not applied because the stored state is newer than the row's data date.</summary>
public sealed record StaleRow(int Line, string ProjectCode, string Procedure, DateTimeOffset AsOf, DateTimeOffset StoredAsOf);
