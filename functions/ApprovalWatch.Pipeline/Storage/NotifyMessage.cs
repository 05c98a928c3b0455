namespace ApprovalWatch.Storage;

/// <summary>
/// Asks SendDigest to send one recipient his digest of one office day or, with <paramref name="Receipt"/>
/// (a submitted blob's name), the receipt of that file, or, with <paramref name="Operator"/>, the day's
/// operator report, or, with <paramref name="Weekly"/> (<c>2026-W12</c>), that week's scheduling report.
/// </summary>
public sealed record NotifyMessage(DateOnly Date, string Recipient, string? Receipt = null, bool Operator = false, string? Weekly = null);
