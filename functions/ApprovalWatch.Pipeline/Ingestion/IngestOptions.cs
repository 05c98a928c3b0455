using System.ComponentModel.DataAnnotations;
using ApprovalWatch.Domain.Submissions.Files;

namespace ApprovalWatch.Pipeline.Ingestion;

/// <summary>Limits on what a department may drop (configuration section <c>Ingest</c>); the defaults are <see cref="SubmissionLimits"/>'s.</summary>
public sealed class IngestOptions
{
    public const string Section = "Ingest";

    [Range(1, 1024L * 1024 * 1024)]
    public long MaxFileBytes { get; set; } = SubmissionLimits.Default.MaxFileBytes;

    [Range(1, 10_000_000)]
    public int MaxRows { get; set; } = SubmissionLimits.Default.MaxRows;

    [Range(1, 4L * 1024 * 1024 * 1024)]
    public long MaxUncompressedBytes { get; set; } = SubmissionLimits.Default.MaxUncompressedBytes;

    [Range(1, 100_000)]
    public int MaxZipEntries { get; set; } = SubmissionLimits.Default.MaxZipEntries;

    [Range(2, 10_000)]
    public int MaxCompressionRatio { get; set; } = SubmissionLimits.Default.MaxCompressionRatio;

    [Range(1, 1024L * 1024 * 1024)]
    public long MaxSharedStringsBytes { get; set; } = SubmissionLimits.Default.MaxSharedStringsBytes;

    [Range(1, 4L * 1024 * 1024 * 1024)]
    public long MaxSheetBytes { get; set; } = SubmissionLimits.Default.MaxSheetBytes;

    [Range(1, 1024L * 1024 * 1024)]
    public long MaxOtherPartBytes { get; set; } = SubmissionLimits.Default.MaxOtherPartBytes;

    /// <summary>A file larger than this is read only when no other large file is being read on the instance (memory is per instance).</summary>
    [Range(0, 1024L * 1024 * 1024)]
    public long LargeFileBytes { get; set; } = 1024 * 1024;

    /// <summary>A file uploaded on the board up to this size is read at once, its receipt ready when the page turns; a larger one is queued.</summary>
    [Range(0, 1024L * 1024 * 1024)]
    public long ReadAtOnceBytes { get; set; } = 2 * 1024 * 1024;

    public SubmissionLimits Limits => new()
    {
        MaxFileBytes = MaxFileBytes,
        MaxRows = MaxRows,
        MaxUncompressedBytes = MaxUncompressedBytes,
        MaxZipEntries = MaxZipEntries,
        MaxCompressionRatio = MaxCompressionRatio,
        MaxSharedStringsBytes = MaxSharedStringsBytes,
        MaxSheetBytes = MaxSheetBytes,
        MaxOtherPartBytes = MaxOtherPartBytes,
    };
}
