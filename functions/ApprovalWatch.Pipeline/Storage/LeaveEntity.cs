using Azure;
using Azure.Data.Tables;

namespace ApprovalWatch.Pipeline.Storage;

/// <summary>An absence entered on the board: PartitionKey = the person's address (escaped), RowKey = <c>{from}|{to}</c>; no other column.</summary>
public sealed class LeaveEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }
}
