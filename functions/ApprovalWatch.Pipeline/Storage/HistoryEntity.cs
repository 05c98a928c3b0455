using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;

namespace ApprovalWatch.Pipeline.Storage;

/// <summary>
/// An audit row of the History table: every status and flag change. PartitionKey = project code (so a
/// project's changes go in one batch), RowKey = newest-first time | procedure | kind | the change's own mark (a hash of
/// its source and values) — deterministic, so a retried step writes the same row again instead of a second one, while
/// another file or another change of the same time, procedure and kind keeps a row of its own (nothing is overwritten);
/// a project's newest rows are one range read.
/// <see cref="Department"/> is the department the change concerns (none: the project as a whole); a viewer limited to a
/// department sees only its rows.
/// </summary>
public sealed class HistoryEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Procedure { get; set; } = "";

    /// <summary><c>status</c> or <c>flag</c>.</summary>
    public string Kind { get; set; } = "";

    public string? From { get; set; }

    public string To { get; set; } = "";

    public DateTimeOffset At { get; set; }

    /// <summary>The file that reported a status change, or <c>scan</c>.</summary>
    public string Source { get; set; } = "";

    public string? Department { get; set; }

    public int? Line { get; set; }

    public string? Uploader { get; set; }

    /// <summary>The longest text a History row keeps of a value (an acknowledgement's note); a list of added procedures is kept whole.</summary>
    public const int MaxText = 600;

    /// <summary>Rows written before the newest-first keys (<c>procedure|kind|time</c>) sort after every newer one.</summary>
    public const string OldKeysFrom = "A";

    /// <summary>The keys of used acknowledgement links' markers, after every audit row's.</summary>
    public const string UsedLinkPrefix = "~used|";

    public static HistoryEntity Change(
        string project,
        string procedure,
        string kind,
        string? from,
        string to,
        DateTimeOffset at,
        string source,
        string? department,
        bool whole = false
    ) =>
        new()
        {
            PartitionKey = project,
            RowKey = $"{DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks:D19}|{procedure}|{kind}|{Mark(source, from, to)}",
            Procedure = procedure,
            Kind = kind,
            From = Cut(from),
            To = whole ? to : Cut(to)!,
            At = at,
            Source = source,
            Department = department,
        };

    /// <summary>What tells one change from another of the same time, procedure and kind: where it came from and what it says.</summary>
    private static string Mark(string source, string? from, string to) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{source}\n{from}\n{to}")))[..12];

    private static string? Cut(string? text) => text is { Length: > MaxText } ? text[..MaxText] + "…" : text;
}
