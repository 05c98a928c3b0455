using System.Text.Json.Serialization;
using ApprovalWatch.Domain.Submissions;
using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Domain.Receipts;

/// <summary>What happened to one submitted file, written next to it for the department's clerk.</summary>
public sealed record Receipt
{
    public const string AppliedStatus = "applied";
    public const string DuplicateStatus = "duplicate";
    public const string UnreadableStatus = "unreadable";

    /// <summary>The shape of the stored JSON; raised when a property is renamed, so older receipts are read by their own rules.</summary>
    public const int CurrentVersion = 2;

    public int Version { get; init; } = CurrentVersion;

    public required string File { get; init; }

    public required string Department { get; init; }

    /// <summary><c>applied</c>, <c>duplicate</c> (same content already applied) or <c>unreadable</c>.</summary>
    public required string Status { get; init; }

    /// <summary>For a duplicate or an unreadable file: why nothing was applied, in plain words.</summary>
    public Reason? Message { get; init; }

    public string? DuplicateOf { get; init; }

    /// <summary>What the file was read as: format, encoding, sheet.</summary>
    public Reason? Format { get; init; }

    public string ContentHash { get; init; } = "";

    public DateTimeOffset ReceivedAt { get; init; }

    public int Rows { get; init; }

    public int Applied { get; init; }

    public int Unchanged { get; init; }

    public int Stale { get; init; }

    public int Rejected { get; init; }

    /// <summary>Whether the department's contact is written to: some rows were rejected, or the file could not be read.</summary>
    [JsonIgnore]
    public bool NeedsReply => Rejected > 0 || Status == UnreadableStatus;

    /// <summary>Whether the department's head is told too: the file corrected what was stored (a procedure moved back on purpose).</summary>
    [JsonIgnore]
    public bool TellsHead => Changes.Any(c => c.Correction is not null);

    public IReadOnlyList<RowError> Errors { get; init; } = [];

    /// <summary>What the clerk must know of how the file was read: sheets passed over, header cells not recognised.</summary>
    public IReadOnlyList<Reason> Notes { get; init; } = [];

    /// <summary>Errors beyond those listed (a receipt lists the first thousand).</summary>
    public int ErrorsNotListed { get; init; }

    public IReadOnlyList<StaleRow> StaleRows { get; init; } = [];

    /// <summary>What the applied rows changed, the first <see cref="MaxChanges"/> (the rest counted in <see cref="ChangesNotListed"/>).</summary>
    public IReadOnlyList<AppliedChange> Changes { get; init; } = [];

    public int ChangesNotListed { get; init; }

    /// <summary>The most applied rows a receipt names.</summary>
    public const int MaxChanges = 500;

    /// <summary>A file that was not read at all, and why.</summary>
    /// <summary>The most notes a receipt names; the rest are counted, so no receipt grows with the file.</summary>
    public const int MaxNotes = 20;

    /// <summary>The first <see cref="MaxNotes"/> notes, and one that counts the rest.</summary>
    public static IReadOnlyList<Reason> Bounded(IEnumerable<Reason> notes)
    {
        var listed = new List<Reason>();
        var more = 0;
        foreach (var note in notes)
        {
            if (listed.Count < MaxNotes)
            {
                listed.Add(note);
            }
            else
            {
                more++;
            }
        }

        return more == 0 ? listed : [.. listed, Reason.Of("receipt.more_notes", more)];
    }

    public static Receipt Unreadable(string file, string department, string contentHash, DateTimeOffset receivedAt, Reason reason) => new()
    {
        File = file,
        Department = department,
        Status = UnreadableStatus,
        ContentHash = contentHash,
        ReceivedAt = receivedAt,
        Message = reason,
    };

    /// <summary>A file whose content an earlier file of the department already brought.</summary>
    public static Receipt DuplicateOfFile(
        string file,
        string department,
        string contentHash,
        DateTimeOffset receivedAt,
        string firstFile,
        DateTimeOffset firstAppliedAt
    ) =>
        new()
        {
            File = file,
            Department = department,
            Status = DuplicateStatus,
            DuplicateOf = firstFile,
            ContentHash = contentHash,
            ReceivedAt = receivedAt,
            Message = Reason.Of("receipt.same_content", firstFile, firstAppliedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture)),
        };
}
