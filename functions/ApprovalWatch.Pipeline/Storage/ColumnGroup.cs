using System.Reflection;
using Azure.Data.Tables;

namespace ApprovalWatch.Pipeline.Storage;

/// <summary>
/// Some columns of a table entity, named once beside the entity's properties: carried from row to row when one part of the
/// app replaces a row another part writes into, compared, or written alone as a merge that leaves every other column be.
/// </summary>
public sealed class ColumnGroup<T>
    where T : ITableEntity
{
    private readonly PropertyInfo[] properties;

    public ColumnGroup(params string[] names) =>
        properties = [.. names.Select(n => typeof(T).GetProperty(n) ?? throw new ArgumentException($"{typeof(T).Name} has no column {n}", nameof(names)))];

    public IReadOnlyList<string> Names => [.. properties.Select(p => p.Name)];

    public void Copy(T from, T to)
    {
        foreach (var property in properties)
        {
            property.SetValue(to, property.GetValue(from));
        }
    }

    public bool Same(T one, T other) => properties.All(p => Equals(p.GetValue(one), p.GetValue(other)));

    /// <summary>
    /// These columns of a row (its keys and ETag with them) as an entity of their own, to be merged; a null column is left
    /// out, as the typed entity's would be.
    /// </summary>
    public TableEntity Of(T row)
    {
        var entity = new TableEntity(row.PartitionKey, row.RowKey) { ETag = row.ETag };
        foreach (var property in properties)
        {
            if (property.GetValue(row) is { } value)
            {
                entity[property.Name] = value;
            }
        }

        return entity;
    }
}
