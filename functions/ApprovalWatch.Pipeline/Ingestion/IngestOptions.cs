using System.ComponentModel.DataAnnotations;
using ApprovalWatch.Submissions.Files;

namespace ApprovalWatch.Ingestion;

/// <summary>Limits on what a department may drop (configuration section <c>Ingest</c>).</summary>
public sealed class IngestOptions
{
    public const string Section = "Ingest";

    [Range(1, 1024L * 1024 * 1024)]
    public long MaxFileBytes { get; set; } = 20 * 1024 * 1024;

    [Range(1, 10_000_000)]
    public int MaxRows { get; set; } = 200_000;

    [Range(1, 4L * 1024 * 1024 * 1024)]
    public long MaxUncompressedBytes { get; set; } = 256 * 1024 * 1024;

    [Range(1, 100_000)]
    public int MaxZipEntries { get; set; } = 1_000;

    [Range(2, 10_000)]
    public int MaxCompressionRatio { get; set; } = 100;

    public SubmissionLimits Limits => new()
    {
        MaxFileBytes = MaxFileBytes,
        MaxRows = MaxRows,
        MaxUncompressedBytes = MaxUncompressedBytes,
        MaxZipEntries = MaxZipEntries,
        MaxCompressionRatio = MaxCompressionRatio,
    };
}
