using System.Text;
using System.Text.Json;
using System.Globalization;
using System.Text.Json.Nodes;
using ApprovalWatch.Domain.Text;
using ApprovalWatch.Pipeline.Storage;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;

namespace ApprovalWatch.Pipeline.Backup;

/// <summary>
/// Every state table exported row for row — one JSON line per entity, each property with its type — and restored into
/// an empty store. What no archived file can rebuild lives here: notice numbering and replies, leave, acknowledgements,
/// History. Nightly into <c>backups/{date}/</c> (immutable for the retention the infrastructure sets), or into a folder.
/// </summary>
public sealed class TableBackup(StorageAccount storage)
{
    public const string Extension = ".jsonl";

    /// <summary>The tables kept, by the names a backup's files carry (the same in every store, whatever its table names).</summary>
    public IReadOnlyList<(string Name, TableClient Table)> Tables =>
    [
        ("Procedures", storage.Procedures),
        ("Projects", storage.Projects),
        ("History", storage.History),
        ("Submissions", storage.SubmissionLedger),
        ("Notifications", storage.NotificationLedger),
        ("Scans", storage.Scans),
        ("KeyProjects", storage.KeyProjects),
        ("Notices", storage.NoticeBook),
        ("Leave", storage.Leave),
    ];

    /// <summary>Writes each table to the stream <paramref name="open"/> gives for its file name; the rows written, by table.</summary>
    public async Task<IReadOnlyDictionary<string, long>> ExportAsync(Func<string, CancellationToken, Task<Stream>> open, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, long>();
        foreach (var (name, table) in Tables)
        {
            await using var stream = await open(name + Extension, cancellationToken);
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false));
            long rows = 0;
            await foreach (var entity in table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
            {
                await writer.WriteLineAsync(Write(entity).AsMemory(), cancellationToken);
                rows++;
            }

            counts[name] = rows;
        }

        return counts;
    }

    /// <summary>Every row of every table as its backup line, after its table's name, in order: what two stores compare by.</summary>
    public async Task<List<string>> RowsAsync(CancellationToken cancellationToken)
    {
        var rows = new List<string>();
        foreach (var (name, table) in Tables)
        {
            await foreach (var entity in table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
            {
                rows.Add($"{name} {Write(entity)}");
            }
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    /// <summary>Writes the backup into a folder.</summary>
    public Task<IReadOnlyDictionary<string, long>> ExportToFolderAsync(string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        return ExportAsync((file, _) => Task.FromResult<Stream>(File.Create(Path.Combine(folder, file))), cancellationToken);
    }

    /// <summary>
    /// The nightly backup into <c>backups/{date}/</c>; null when that night's backup is already there (a timer that fired
    /// twice): its blobs are immutable and never overwritten.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, long>?> ExportNightlyAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var prefix = $"{IsoDate.Format(date)}/";
        await foreach (var _ in storage.Backups.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken))
        {
            return null;
        }

        return await ExportAsync(
            (file, ct) => storage.Backups.GetBlobClient(prefix + file).OpenWriteAsync(overwrite: true, cancellationToken: ct),
            cancellationToken
        );
    }

    /// <summary>
    /// Restores a backup written by <see cref="ExportAsync"/>; refuses (naming the tables) when any table already holds
    /// rows, unless <paramref name="intoNonEmpty"/> — then each row replaces the stored one of its keys. The rows restored, by table.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, long>> RestoreAsync(
        Func<string, Stream> open,
        bool intoNonEmpty,
        CancellationToken cancellationToken
    )
    {
        foreach (var (_, table) in Tables)
        {
            await table.CreateIfNotExistsAsync(cancellationToken);
        }

        if (!intoNonEmpty)
        {
            var holding = new List<string>();
            foreach (var (name, table) in Tables)
            {
                await foreach (var _ in table.QueryAsync<TableEntity>(select: ["PartitionKey"], maxPerPage: 1, cancellationToken: cancellationToken))
                {
                    holding.Add(name);
                    break;
                }
            }

            if (holding.Count > 0)
            {
                throw new InvalidOperationException(
                    $"The store already holds rows in {string.Join(", ", holding)}: restore only into an empty store, "
                        + "or say so (--force) to replace rows of the same keys."
                );
            }
        }

        var counts = new Dictionary<string, long>();
        foreach (var (name, table) in Tables)
        {
            await using var stream = open(name + Extension);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var batch = new List<TableEntity>();
            long rows = 0;
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line.Length == 0)
                {
                    continue;
                }

                var entity = Read(line, name, rows + 1);
                if (batch.Count == 100 || (batch.Count > 0 && batch[0].PartitionKey != entity.PartitionKey))
                {
                    await SubmitAsync(table, batch, cancellationToken);
                }

                batch.Add(entity);
                rows++;
            }

            await SubmitAsync(table, batch, cancellationToken);
            counts[name] = rows;
        }

        return counts;
    }

    /// <summary>Restores from a folder, each of its files read through first so that a damaged backup changes nothing.</summary>
    public async Task<IReadOnlyDictionary<string, long>> RestoreFromFolderAsync(string folder, bool intoNonEmpty, CancellationToken cancellationToken)
    {
        foreach (var (name, _) in Tables)
        {
            var path = Path.Combine(folder, name + Extension);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"The backup has no {name}{Extension}: nothing was restored.", path);
            }

            var number = 0L;
            await foreach (var line in File.ReadLinesAsync(path, cancellationToken))
            {
                number++;
                if (line.Length > 0)
                {
                    Read(line, name, number);
                }
            }
        }

        return await RestoreAsync(file => File.OpenRead(Path.Combine(folder, file)), intoNonEmpty, cancellationToken);
    }

    private static async Task SubmitAsync(TableClient table, List<TableEntity> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        await table.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), cancellationToken);
        batch.Clear();
    }

    /// <summary>One entity as a JSON line: its keys, then each property as <c>[type, value]</c> so that a restore gives back the same types.</summary>
    private static string Write(TableEntity entity)
    {
        var properties = new JsonObject();
        var stored = entity.Where(p => p.Key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"));
        foreach (var (key, value) in stored.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            properties[key] = value switch
            {
                null => null,
                string s => new JsonArray("String", s),
                int i => new JsonArray("Int32", i),
                long l => new JsonArray("Int64", l.ToString(CultureInfo.InvariantCulture)),
                double d => new JsonArray("Double", d),
                bool b => new JsonArray("Boolean", b),
                DateTimeOffset t => new JsonArray("DateTime", t.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)),
                DateTime t => new JsonArray("DateTime", new DateTimeOffset(t.ToUniversalTime()).ToString("O", CultureInfo.InvariantCulture)),
                Guid g => new JsonArray("Guid", g.ToString()),
                byte[] bytes => new JsonArray("Binary", Convert.ToBase64String(bytes)),
                BinaryData data => new JsonArray("Binary", Convert.ToBase64String(data.ToArray())),
                _ => throw new InvalidOperationException(
                    $"Property {key} of {entity.PartitionKey}/{entity.RowKey} has a type a backup cannot keep: {value.GetType()}."
                ),
            };
        }

        return new JsonObject { ["PartitionKey"] = entity.PartitionKey, ["RowKey"] = entity.RowKey, ["Properties"] = properties }.ToJsonString();
    }

    private static TableEntity Read(string line, string table, long number)
    {
        try
        {
            var json = JsonNode.Parse(line)!.AsObject();
            var entity = new TableEntity(json["PartitionKey"]!.GetValue<string>(), json["RowKey"]!.GetValue<string>());
            foreach (var (key, node) in json["Properties"]!.AsObject())
            {
                if (node is not JsonArray typed)
                {
                    continue;
                }

                var type = typed[0]!.GetValue<string>();
                var value = typed[1]!;
                entity[key] = type switch
                {
                    "String" => value.GetValue<string>(),
                    "Int32" => value.GetValue<int>(),
                    "Int64" => long.Parse(value.GetValue<string>(), CultureInfo.InvariantCulture),
                    "Double" => value.GetValue<double>(),
                    "Boolean" => value.GetValue<bool>(),
                    "DateTime" => DateTimeOffset.Parse(value.GetValue<string>(), CultureInfo.InvariantCulture),
                    "Guid" => Guid.Parse(value.GetValue<string>()),
                    "Binary" => Convert.FromBase64String(value.GetValue<string>()),
                    _ => throw new FormatException($"unknown type {type}"),
                };
            }

            return entity;
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or NullReferenceException)
        {
            throw new FormatException($"{table}{Extension} line {number}: not a row of a backup ({e.Message}).", e);
        }
    }
}
