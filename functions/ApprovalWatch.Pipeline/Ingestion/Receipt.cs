using ApprovalWatch.Submissions;

namespace ApprovalWatch.Ingestion;

/// <summary>What happened to one submitted file, written next to it for the department's clerk.</summary>
public sealed record Receipt
{
    public const string AppliedStatus = "applied";
    public const string DuplicateStatus = "duplicate";
    public const string UnreadableStatus = "unreadable";

    public required string File { get; init; }

    public required string Department { get; init; }

    /// <summary><c>applied</c>, <c>duplicate</c> (same content already applied) or <c>unreadable</c>.</summary>
    public required string Status { get; init; }

    /// <summary>For a duplicate or an unreadable file: why nothing was applied, in plain words.</summary>
    public string? Message { get; init; }

    public string? DuplicateOf { get; init; }

    /// <summary>What the file was read as: format, encoding, sheet.</summary>
    public string Format { get; init; } = "";

    public string ContentHash { get; init; } = "";

    public DateTimeOffset ReceivedAt { get; init; }

    public int Rows { get; init; }

    public int Applied { get; init; }

    public int Unchanged { get; init; }

    public int Stale { get; init; }

    public int Rejected { get; init; }

    public IReadOnlyList<RowError> Errors { get; init; } = [];

    /// <summary>Errors beyond those listed (a receipt lists the first thousand).</summary>
    public int ErrorsNotListed { get; init; }

    public IReadOnlyList<StaleRow> StaleRows { get; init; } = [];
}

/// <summary>A row not applied because the stored state is newer than the row's data date.</summary>
public sealed record StaleRow(int Line, string ProjectCode, string Procedure, DateTimeOffset AsOf, DateTimeOffset StoredAsOf);
