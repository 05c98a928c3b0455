using Azure;
using Azure.Data.Tables;

namespace ApprovalWatch.Pipeline.Storage;

/// <summary>
/// A row of the Notices table, a partition per year: the year's counter (<see cref="Next"/>), a notice (<see cref="Json"/>,
/// with its number and department as columns to read by eye), or a line's claim on a notice (<see cref="Sequence"/>).
/// </summary>
public sealed class NoticeBookEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>The counter's: the last sequence given.</summary>
    public int? Next { get; set; }

    /// <summary>A claim's: the sequence of the notice its line and rung has.</summary>
    public int? Sequence { get; set; }

    /// <summary>A notice's: the notice whole.</summary>
    public string? Json { get; set; }

    public string? Number { get; set; }

    public string? Department { get; set; }
}
