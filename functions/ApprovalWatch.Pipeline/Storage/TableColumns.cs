using System.Reflection;
using System.Runtime.Serialization;
using Azure.Data.Tables;

namespace ApprovalWatch.Pipeline.Storage;

/// <summary>The columns a table entity class stores: its public properties, less the keys and system properties and what it ignores.</summary>
public static class TableColumns
{
    private static readonly HashSet<string> System =
    [
        nameof(ITableEntity.PartitionKey),
        nameof(ITableEntity.RowKey),
        nameof(ITableEntity.Timestamp),
        nameof(ITableEntity.ETag),
    ];

    public static IReadOnlyList<string> Of<T>()
        where T : ITableEntity =>
        typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && !System.Contains(p.Name) && p.GetCustomAttribute<IgnoreDataMemberAttribute>() is null)
            .Select(p => p.Name).ToList();
}
