namespace ApprovalWatch.Domain.Operations;

/// <summary>A department file that could not be read at all.</summary>
public sealed record RefusedFile(string File, DateTimeOffset ReceivedAt, Text.Reason Reason);
