using System.Text.Json;
using ApprovalWatch.Domain.Audit;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Pipeline.Storage;

/// <summary>
/// How each <see cref="AuditEvent"/> is kept in a History row — its kind, and what was before and after as text (a code,
/// a date, or named fields) — and read back: the one place that knows the rows' text, so readers take events.
/// The procedures a file adds to a project (status changes from none) are kept together, up to <see cref="AddedPerRow"/>
/// to a row of kind <see cref="Added"/>, each with its status and line, and read back as the changes they are: a file of
/// 20,000 new procedures writes hundreds of audit rows, not 20,000.
/// </summary>
public static class HistoryEvents
{
    public const string Status = "status";
    public const string Flag = "flag";
    public const string Ack = "ack";
    public const string Backdated = "backdated";
    public const string KeyProject = "key-project";
    public const string Sign = "sign";
    public const string Return = "return";
    public const string Reassign = "reassign";
    public const string Correction = "correction";
    public const string Added = "added";

    /// <summary>The most procedures added by one file that one <see cref="Added"/> row lists.</summary>
    public const int AddedPerRow = 100;

    /// <summary>The kinds of rows that read as <typeparamref name="T"/>.</summary>
    public static IReadOnlyList<string> KindsOf<T>()
        where T : AuditEvent =>
        typeof(T) == typeof(StatusChanged) ? [Status, Added]
        : typeof(T) == typeof(FlagChanged) ? [Flag]
        : typeof(T) == typeof(Acknowledged) ? [Ack]
        : typeof(T) == typeof(ReportBackdated) ? [Backdated]
        : typeof(T) == typeof(ProjectRowChanged) ? [KeyProject]
        : typeof(T) == typeof(ProblemSigned) ? [Sign]
        : typeof(T) == typeof(ProblemReturned) ? [Return]
        : typeof(T) == typeof(ProblemReassigned) ? [Reassign]
        : typeof(T) == typeof(Corrected) ? [Correction]
        : throw new ArgumentException($"{typeof(T).Name} is not read by kind.", nameof(T));

    /// <summary>
    /// The rows that keep these changes: the procedures added to a project by one file, at one time, listed together (in
    /// code order, so a retried step writes the same rows again), every other change a row of its own.
    /// </summary>
    public static IEnumerable<HistoryEntity> Rows(IEnumerable<AuditEvent> changes)
    {
        var added = new List<StatusChanged>();
        foreach (var change in changes)
        {
            if (change is StatusChanged { From: null } addition)
            {
                added.Add(addition);
            }
            else
            {
                yield return Row(change);
            }
        }

        foreach (var together in added.GroupBy(a => (a.Project, a.At, a.Source, a.Department, a.Uploader)))
        {
            foreach (var chunk in together.OrderBy(a => a.Item, StringComparer.Ordinal).Chunk(AddedPerRow))
            {
                var first = chunk[0];
                var list = JsonSerializer.Serialize(chunk.Select(a => new AddedEntry(a.Item, a.To.Code(), a.Line)));
                var row = HistoryEntity.Change(first.Project, first.Item, Added, null, list, first.At, first.Source, first.Department, whole: true);
                row.Uploader = first.Uploader;
                yield return row;
            }
        }
    }

    /// <summary>The changes a row keeps: those of an <see cref="Added"/> row one by one, any other row's its one.</summary>
    public static IEnumerable<AuditEvent> ReadAll(HistoryEntity row)
    {
        if (row.Kind != Added || ReadAdded(row.To) is not { } entries)
        {
            return [Read(row)];
        }

        return entries.Select(e =>
            (AuditEvent)(
                ProcedureStatuses.TryParse(e.To ?? "", out var to)
                    ? new StatusChanged(null, to)
                    : new UnreadChange(Status, null, e.To ?? "")
            ) with
            {
                Project = row.PartitionKey,
                Item = e.Item ?? "",
                At = row.At,
                Source = row.Source,
                Department = row.Department,
                Line = e.Line,
                Uploader = row.Uploader,
            }
        );
    }

    private static List<AddedEntry>? ReadAdded(string text)
    {
        try
        {
            return JsonSerializer.Deserialize<List<AddedEntry>>(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record AddedEntry(string? Item, string? To, int? Line);

    public static HistoryEntity Row(AuditEvent change)
    {
        var (kind, from, to) = change switch
        {
            StatusChanged s => (Status, s.From?.Code(), s.To.Code()),
            FlagChanged f => (Flag, f.From?.Code(), f.To.Code()),
            Acknowledged a => (
                Ack,
                IsoDate.Format(a.PromisedBefore),
                ChangeFields.Write(("promised", IsoDate.Format(a.Promised)), ("by", a.By), (ChangeFields.Note, a.Note))
            ),
            ReportBackdated b => (
                Backdated,
                ChangeFields.Write(("file", b.EarlierFile), ("as_of", IsoDate.Format(b.EarlierAsOf))),
                ChangeFields.Write(("file", b.LaterFile), (b.What, IsoDate.Format(b.Reported)))
            ),
            ProjectRowChanged p => (KeyProject, p.Before is null ? null : ChangeFields.Write([.. p.Before!]), ChangeFields.Write([.. p.After])),
            ProblemSigned s => (Sign, null, ChangeFields.Write(("by", s.By))),
            ProblemReturned r => (Return, null, ChangeFields.Write(("by", r.By), (ChangeFields.Note, r.Reason))),
            ProblemReassigned r => (Reassign, ChangeFields.Write(("unit", r.FromUnit)), ChangeFields.Write(("unit", r.ToUnit), ("by", r.By))),
            Corrected c => (Correction, null, ChangeFields.Write((ChangeFields.Note, c.Reason))),
            UnreadChange u => (u.Kind, u.From, u.To),
            _ => throw new ArgumentException($"{change.GetType().Name} has no History row.", nameof(change)),
        };
        var row = HistoryEntity.Change(change.Project, change.Item, kind, from, to, change.At, change.Source, change.Department);
        (row.Line, row.Uploader) = (change.Line, change.Uploader);
        return row;
    }

    /// <summary>The change a row keeps; a row this version does not read is an <see cref="UnreadChange"/>.</summary>
    public static AuditEvent Read(HistoryEntity row)
    {
        Dictionary<string, string> Fields(string? text) =>
            ChangeFields.TryRead(text, out var fields) ? fields.ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal) : [];
        var (before, after) = (Fields(row.From), Fields(row.To));
        string Field(Dictionary<string, string> fields, string name) => fields.GetValueOrDefault(name) ?? "";
        AuditEvent? read = row.Kind switch
        {
            Status when ProcedureStatuses.TryParse(row.To, out var to) => new StatusChanged(
                ProcedureStatuses.TryParse(row.From ?? "", out var from) ? from : null,
                to
            ),
            Flag when Flags.Parse(row.To) is { } to => new FlagChanged(Flags.Parse(row.From), to),
            Ack when IsoDate.TryParse(Field(after, "promised"), out var promised) => new Acknowledged(
                IsoDate.ParseOptional(row.From),
                promised,
                Field(after, "by"),
                Field(after, ChangeFields.Note)
            ),
            Backdated when after.Keys.FirstOrDefault(k => k is Domain.Reports.Backdated.Completed or Domain.Reports.Backdated.Paused) is { } what
                && IsoDate.TryParse(after[what], out var reported)
                && IsoDate.TryParse(Field(before, "as_of"), out var earlierAsOf) => new ReportBackdated(
                Field(before, "file"),
                earlierAsOf,
                Field(after, "file"),
                what,
                reported
            ),
            KeyProject when ChangeFields.TryRead(row.To, out var now) => new ProjectRowChanged(
                ChangeFields.TryRead(row.From, out var was) ? was : null,
                now
            ),
            Sign => new ProblemSigned(Field(after, "by")),
            Return => new ProblemReturned(Field(after, "by"), Field(after, ChangeFields.Note)),
            Reassign => new ProblemReassigned(Field(before, "unit"), Field(after, "unit"), Field(after, "by")),
            Correction => new Corrected(Field(after, ChangeFields.Note)),
            _ => null,
        };
        return (read ?? new UnreadChange(row.Kind, row.From, row.To)) with
        {
            Project = row.PartitionKey,
            Item = row.Procedure,
            At = row.At,
            Source = row.Source,
            Department = row.Department,
            Line = row.Line,
            Uploader = row.Uploader,
        };
    }
}
