using System.ComponentModel.DataAnnotations;

namespace ApprovalWatch.Ingestion;

/// <summary>Limits on what a department may drop (configuration section <c>Ingest</c>).</summary>
public sealed class IngestOptions
{
    public const string Section = "Ingest";

    [Range(1, 1024L * 1024 * 1024)]
    public long MaxFileBytes { get; set; } = 20 * 1024 * 1024;

    [Range(1, 10_000_000)]
    public int MaxRows { get; set; } = 200_000;
}
