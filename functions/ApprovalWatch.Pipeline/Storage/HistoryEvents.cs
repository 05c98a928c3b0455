using ApprovalWatch.Domain.Audit;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Pipeline.Storage;

/// <summary>
/// How each <see cref="AuditEvent"/> is kept in a History row — its kind, and what was before and after as text (a code,
/// a date, or named fields) — and read back: the one place that knows the rows' text, so readers take events.
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

    /// <summary>The kinds of rows that read as <typeparamref name="T"/>.</summary>
    public static IReadOnlyList<string> KindsOf<T>()
        where T : AuditEvent =>
        typeof(T) == typeof(StatusChanged) ? [Status]
        : typeof(T) == typeof(FlagChanged) ? [Flag]
        : typeof(T) == typeof(Acknowledged) ? [Ack]
        : typeof(T) == typeof(ReportBackdated) ? [Backdated]
        : typeof(T) == typeof(ProjectRowChanged) ? [KeyProject]
        : typeof(T) == typeof(ProblemSigned) ? [Sign]
        : typeof(T) == typeof(ProblemReturned) ? [Return]
        : typeof(T) == typeof(ProblemReassigned) ? [Reassign]
        : typeof(T) == typeof(Corrected) ? [Correction]
        : throw new ArgumentException($"{typeof(T).Name} is not read by kind.", nameof(T));

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
