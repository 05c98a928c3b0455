using System.Collections.Concurrent;
using System.Reflection;
using Azure.Data.Tables;

namespace ApprovalWatch.Pipeline.Storage;

/// <summary>An upper estimate of an entity's size on the wire, to keep batches under the service's limit.</summary>
public static class EntitySize
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public static int Estimate(ITableEntity entity)
    {
        var size = 256;
        foreach (var property in Properties.GetOrAdd(entity.GetType(), t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)))
        {
            size += 64 + property.Name.Length * 2;
            if (property.PropertyType == typeof(string))
            {
                size += 2 * (((string?)property.GetValue(entity))?.Length ?? 0);
            }
        }

        return size;
    }
}
