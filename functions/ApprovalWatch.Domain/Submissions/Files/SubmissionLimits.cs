namespace ApprovalWatch.Domain.Submissions.Files;

/// <summary>What a file may be before it is read at all. The defaults here are the app's defaults.</summary>
public sealed record SubmissionLimits
{
    public static readonly SubmissionLimits Default = new();

    public long MaxFileBytes { get; init; } = 20 * 1024 * 1024;

    public int MaxRows { get; init; } = 200_000;

    /// <summary>The most cells a row may have (trailing empty cells aside): a header wider than this refuses the file.</summary>
    public int MaxCells { get; init; } = 1_000;

    /// <summary>An .xlsx is a zip: the most its parts may unpack to.</summary>
    public long MaxUncompressedBytes { get; init; } = 256 * 1024 * 1024;

    public int MaxZipEntries { get; init; } = 1_000;

    /// <summary>
    /// The most the workbook's shared strings may unpack to: the reader holds them all in memory at once (as UTF-16, about
    /// three times their XML), so 32 MiB is some 100 MiB held — a sheet of 200,000 rows of distinct names needs ~15 MiB.
    /// </summary>
    public long MaxSharedStringsBytes { get; init; } = 32 * 1024 * 1024;

    /// <summary>The most one worksheet may unpack to (read a row at a time, so bounded by time rather than memory).</summary>
    public long MaxSheetBytes { get; init; } = 160 * 1024 * 1024;

    /// <summary>The most any other part (styles, the workbook, relationships…) may unpack to: each is read whole.</summary>
    public long MaxOtherPartBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>The most a large part may be compressed (plain worksheets compress 10–20 times).</summary>
    public int MaxCompressionRatio { get; init; } = 100;
}
